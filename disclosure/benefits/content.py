"""What a benefit list contributes to the one publication lifecycle (publishing.kinds)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import BenefitList


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
    for recipient in source.recipients.select_related("personal"):
        personal = getattr(recipient, "personal", None)
        recipient.pk = None
        recipient.revision = target
        recipient.save()
        if personal is not None:
            personal.pk = None
            personal.recipient = recipient
            personal.save()
