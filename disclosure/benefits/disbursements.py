"""Importing a township's disbursement file, and removing its personal values in time."""

import datetime
import hashlib
import hmac
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing.audit import record
from disclosure.regions.access import Action, require
from disclosure.regions.models import Level, Region

from .disbursement_files import Payment
from .models import Disbursement, DisbursementRow
from .selectors import policy_for
from .slips import person_key

BATCH = 5000


def account_key(account: str) -> str:
    message = f"account\n{account}".encode()
    return hmac.new(settings.BENEFITS_SLIP_KEY.encode(), message, hashlib.sha256).hexdigest()


def villages_by_name_and_code(township: Region) -> dict[str, int]:
    villages = Region.objects.filter(parent=township, level=Level.VILLAGE)
    found = {}
    for village in villages:
        found[village.name] = village.pk
        found[village.code] = village.pk
    return found


def _row(disbursement: Disbursement, payment: Payment) -> DisbursementRow:
    return DisbursementRow(
        disbursement=disbursement,
        village_id=payment.village_id,
        row=payment.row,
        person_key=person_key(payment.identity_number),
        account_key=account_key(payment.account),
        holder_differs=bool(payment.holder) and payment.holder != payment.name,
        benefit_type=payment.benefit_type,
        item=payment.item,
        amount=payment.amount,
        paid_on=payment.paid_on,
        name=payment.name,
        identity_number=payment.identity_number,
        account=payment.account,
        holder=payment.holder,
    )


@transaction.atomic
def import_disbursement(
    *,
    township: Region,
    filename: str,
    payments: list[Payment],
    lists_from: datetime.date,
    lists_to: datetime.date,
    by,
    ip=None,
) -> Disbursement:
    """Store the file's payments, to be checked against lists published from one day to another."""
    require(by, Action.OVERSEE, township)
    if lists_to < lists_from:
        raise ValidationError({"lists_to": _("The last day comes after the first.")})
    disbursement = Disbursement.objects.create(
        township=township,
        filename=filename[-200:],
        lists_from=lists_from,
        lists_to=lists_to,
        rows=len(payments),
        total=sum((payment.amount for payment in payments), start=Decimal("0.00")),
        imported_by=by,
    )
    for start in range(0, len(payments), BATCH):
        chunk = payments[start : start + BATCH]
        DisbursementRow.objects.bulk_create([_row(disbursement, p) for p in chunk])
    record(
        by=by,
        action="benefits.disbursement_import",
        target=disbursement.filename,
        ip=ip,
        township=township.code,
        rows=len(payments),
    )
    return disbursement


def _retention_ended(disbursement: Disbursement, today: datetime.date) -> bool:
    policy = policy_for(Region(code=disbursement.township.code))
    imported = timezone.localdate(disbursement.imported_at)
    return today > imported + datetime.timedelta(days=policy.window_days)


@transaction.atomic
def remove_personal_values(*, disbursement: Disbursement, by=None) -> int:
    """Blank the names, identity numbers and accounts; the pseudonyms and figures stay."""
    removed = disbursement.lines.update(name="", identity_number="", account="", holder="")
    disbursement.personal_removed_at = clock.now()
    disbursement.save(update_fields=["personal_removed_at"])
    record(
        by=by,
        action="benefits.disbursement_expire",
        target=disbursement.filename,
        township=disbursement.township.code,
        removed=removed,
    )
    return removed


def remove_due(today: datetime.date) -> list[Disbursement]:
    """Files whose county's retention period has ended lose their personal values."""
    due = Disbursement.objects.filter(personal_removed_at__isnull=True).select_related("township")
    removed = [item for item in due if _retention_ended(item, today)]
    for disbursement in removed:
        remove_personal_values(disbursement=disbursement)
    return removed
