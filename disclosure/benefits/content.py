"""What a benefit list contributes to the one publication lifecycle (publishing.kinds)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import BenefitList
from .personal import commitment


def canonical_rows(revision) -> list[dict]:
    """The rows the chain digests: commitments to the personal values, never the values."""
    return [recipient.canonical() for recipient in revision.recipients.all()]


def check_ready(revision) -> None:
    if not revision.recipients.exists():
        raise ValidationError(_("Import the list of recipients before submitting it."))


def copy_rows(source, target) -> None:
    """A correction starts from the published list, salts and all: unchanged rows commit alike."""
    source_list = BenefitList.objects.filter(revision=source).first()
    if source_list:
        BenefitList.objects.create(
            revision=target,
            village=target.village,
            public_from=source_list.start_date(),
            expired_at=source_list.expired_at,
        )
    for recipient in source.recipients.select_related("personal", "slip"):
        personal = getattr(recipient, "personal", None)
        slip = getattr(recipient, "slip", None)
        recipient.pk = None
        recipient.revision = target
        recipient.save()
        for row in (personal, slip):
            if row is not None:
                row.pk = None
                row.recipient = recipient
                row.save()


def subject(revision) -> dict:
    """When the list's publicity window starts: a date the village chose, or its publication."""
    benefit_list = BenefitList.objects.filter(revision=revision).first()
    start = benefit_list.public_from if benefit_list else None
    return {"public_from": start.isoformat() if start else None}


def personal_values_problem(revision) -> str | None:
    """Names and identity numbers shown while the window is open are those the rows commit to.

    Once the window has ended they are gone; until then every recipient keeps them.
    """
    benefit_list = BenefitList.objects.filter(revision=revision).first()
    if benefit_list is None:
        return _("its list has no publicity window")
    for recipient in revision.recipients.select_related("personal"):
        values = getattr(recipient, "personal", None)
        if values is None:
            if benefit_list.expired_at is None:
                return _("line %(position)d has lost its name while the list is public") % {
                    "position": recipient.position
                }
            continue
        if not _commits_to(recipient, values):
            return _(
                "the name or identity number of line %(position)d is not the one published"
            ) % {"position": recipient.position}
    return None


def _commits_to(recipient, values) -> bool:
    return (
        commitment(values.name_salt, values.name) == recipient.name_commitment
        and commitment(values.identity_salt, values.identity_number)
        == recipient.identity_commitment
        and values.village_id == recipient.village_id
    )


def row_key(row: dict) -> int:
    return row["position"]
