"""Writing benefit lists: import into a new or a draft revision, and the end of the publicity.

The lifecycle itself (submit, sign off, publish, correct, withdraw) is publishing.services'.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.benefits.models import BenefitsKind
from disclosure.publishing import changes
from disclosure.publishing import services as publishing
from disclosure.publishing.audit import record
from disclosure.publishing.models import Revision
from disclosure.regions.access import Action, require
from disclosure.regions.models import Region

from . import slips
from .imports import Line
from .models import BenefitList, PersonalValues, Recipient, Slip
from .personal import commitment, new_salt
from .selectors import due_for_expiry


def _check_start(public_from: datetime.date | None) -> None:
    if public_from and public_from > clock.today():
        raise ValidationError({"public_from": _("The publicity cannot start later than today.")})


@transaction.atomic
def import_list(
    *,
    village: Region,
    title: str,
    lines: list[Line],
    public_from: datetime.date | None = None,
    body: str = "",
    by,
    ip=None,
) -> Revision:
    """A new benefit list posting, as a draft, with its recipients."""
    require(by, Action.DRAFT, village)
    _check_start(public_from)
    content = publishing.Content(title=title, body=body)
    revision = publishing.create_posting(
        village=village, kind=BenefitsKind.BENEFIT_LIST, content=content, by=by, ip=ip
    )
    BenefitList.objects.create(revision=revision, village=village, public_from=public_from)
    _write_recipients(revision, lines)
    record(
        by=by,
        action="benefits.import",
        village=village,
        target=revision.posting.code,
        ip=ip,
        recipients=len(lines),
    )
    return revision


@transaction.atomic
def replace_recipients(
    *, revision: Revision, lines: list[Line], public_from: datetime.date | None, by, ip=None
) -> Revision:
    """Import the list again into a draft (a returned one, or a correction)."""
    revision = Revision.objects.select_for_update().select_related("posting").get(pk=revision.pk)
    require(by, Action.DRAFT, revision)
    if (
        revision.state not in publishing.EDITABLE
        or revision.posting.kind != BenefitsKind.BENEFIT_LIST
    ):
        raise ValidationError(_("Only a draft benefit list can be imported again."))
    _check_start(public_from)
    BenefitList.objects.update_or_create(
        revision=revision,
        defaults={"village": revision.village, "public_from": public_from, "expired_at": None},
    )
    revision.recipients.all().delete()
    _write_recipients(revision, lines)
    record(
        by=by,
        action="benefits.reimport",
        village=revision.village,
        target=str(revision),
        ip=ip,
        recipients=len(lines),
    )
    return revision


def _write_recipients(revision: Revision, lines: list[Line]) -> None:
    for position, line in enumerate(lines, start=1):
        name_salt, identity_salt = new_salt(), new_salt()
        recipient = Recipient.objects.create(
            revision=revision,
            village=revision.village,
            position=position,
            group=line.group,
            benefit_type=line.benefit_type,
            amount=line.amount,
            period=line.period,
            item=line.item,
            quantity=line.quantity,
            unit=line.unit,
            name_commitment=commitment(name_salt, line.name),
            identity_commitment=commitment(identity_salt, line.identity_number),
        )
        PersonalValues.objects.create(
            recipient=recipient,
            village=revision.village,
            name=line.name,
            name_salt=name_salt,
            identity_number=line.identity_number,
            identity_salt=identity_salt,
        )
        Slip.objects.create(
            recipient=recipient,
            village=revision.village,
            person_key=slips.person_key(line.identity_number),
            sealed=slips.seal(
                name_salt=name_salt,
                identity_salt=identity_salt,
                identity_number=line.identity_number,
            ),
        )


@transaction.atomic
def expire_list(*, benefit_list: BenefitList, by=None, ip=None) -> int:
    """Delete the names, identity numbers and salts of a published list; audited.

    The recipients' rows, with their commitments, stay: the revision's digest still verifies.
    """
    benefit_list = BenefitList.objects.select_for_update().get(pk=benefit_list.pk)
    if benefit_list.expired_at is not None:
        return 0
    revision = benefit_list.revision
    if not revision.is_published:
        raise ValidationError(_("Only a published list reaches the end of its publicity."))
    removed, _details = PersonalValues.objects.filter(recipient__revision=revision).delete()
    benefit_list.expired_at = clock.now()
    benefit_list.save(update_fields=["expired_at"])
    changes.count(benefit_list.village_id)
    record(
        by=by,
        action="benefits.expire",
        village=benefit_list.village,
        target=str(revision),
        ip=ip,
        removed=removed,
        digest=revision.digest,
    )
    return removed


def expire_due(*, today: datetime.date | None = None) -> list[BenefitList]:
    """End every publicity window that has passed; each list in its own audited step."""
    expired = []
    for benefit_list in due_for_expiry(today or clock.today()):
        expire_list(benefit_list=benefit_list)
        expired.append(benefit_list)
    return expired
