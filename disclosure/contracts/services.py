"""Writing contracts and their payments. The lifecycle itself stays in publishing.services:
a contract is a posting of kind "contract"; these functions add its terms, schedule and bids to a
draft revision, and record payments against a published one. Each payment is a public record
(publishing/records.py): recording it appends its leaf to the county's transparency log.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.contracts.models import ContractsKind
from disclosure.finance.models import LedgerEntry
from disclosure.publishing import records
from disclosure.publishing import services as publishing
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import Posting, PostingStatus, Revision, revision_is_published
from disclosure.regions.access import Action, require

from .models import AwardMethod, Bid, Contract, CounterpartyKind, Instalment, Payment

_IDENTITY_NUMBER = re.compile(r"^(\d{17}[\dX]|\d{15})$")


@dataclass
class Terms:
    """What a clerk states about a contract; the schedule and bids come with it."""

    counterparty_kind: str
    counterparty: str
    subject: str
    purpose: str
    direction: str
    start_date: datetime.date
    end_date: datetime.date
    total_amount: Decimal
    award_method: str
    identity_number: str = ""
    decision_reference: str = ""
    asset: object = None
    resource: object = None
    matter: object = None
    schedule: list[tuple[datetime.date, Decimal]] = field(default_factory=list)
    bids: list[tuple[str, Decimal, bool]] = field(default_factory=list)


@transaction.atomic
def create_contract(*, village, title: str, body: str = "", terms: Terms, by, ip=None) -> Revision:
    content = publishing.Content(title=title, body=body)
    revision = publishing.create_posting(
        village=village, kind=ContractsKind.CONTRACT, content=content, by=by, ip=ip
    )
    _write_terms(revision, terms)
    return revision


@transaction.atomic
def update_contract(*, revision: Revision, title: str, body: str = "", terms: Terms, by, ip=None):
    content = publishing.Content(title=title, body=body)
    revision = publishing.update_draft(revision=revision, content=content, by=by, ip=ip)
    _write_terms(revision, terms)
    return revision


def _write_terms(revision: Revision, terms: Terms) -> None:
    Contract.objects.filter(revision=revision).delete()
    revision.instalments.all().delete()
    revision.bids.all().delete()
    contract = Contract(
        revision=revision,
        village=revision.village,
        counterparty_kind=terms.counterparty_kind,
        counterparty=mask_text(terms.counterparty.strip()),
        identity_number=terms.identity_number.strip().upper(),
        subject=mask_text(terms.subject.strip()),
        purpose=mask_text(terms.purpose.strip()),
        direction=terms.direction,
        start_date=terms.start_date,
        end_date=terms.end_date,
        total_amount=terms.total_amount,
        award_method=terms.award_method,
        asset=terms.asset,
        resource=terms.resource,
        matter=terms.matter,
        decision_reference=mask_text(_decision(terms)),
    )
    _validate(contract, terms)
    contract.save()
    for position, (due_date, amount) in enumerate(sorted(terms.schedule), start=1):
        Instalment.objects.create(
            revision=revision,
            village=revision.village,
            position=position,
            due_date=due_date,
            amount=amount,
        )
    for position, (bidder, price, won) in enumerate(terms.bids, start=1):
        Bid.objects.create(
            revision=revision,
            village=revision.village,
            position=position,
            bidder=mask_text(bidder.strip()),
            price=price,
            won=won,
        )


def _decision(terms: Terms) -> str:
    # The frozen text must name the decision even if only the matter was chosen.
    reference = terms.decision_reference.strip()
    if not reference and terms.matter is not None:
        reference = terms.matter.title
    return reference


def _validate(contract: Contract, terms: Terms) -> None:
    contract.full_clean(exclude=["revision", "village"])
    errors = {}
    if contract.end_date < contract.start_date:
        errors["end_date"] = _("The term cannot end before it starts.")
    if contract.total_amount <= 0:
        errors["total_amount"] = _("The total amount must be more than zero.")
    if contract.counterparty_kind == CounterpartyKind.PERSON:
        if not _IDENTITY_NUMBER.match(contract.identity_number):
            errors["identity_number"] = _(
                "A person's identity number has 18 characters (the last may be X) or 15 digits."
            )
    elif contract.identity_number:
        errors["identity_number"] = _("Only a person has an identity number.")
    for name in ("asset", "resource", "matter"):
        linked = getattr(contract, name)
        if linked is not None and linked.village_id != contract.village_id:
            errors[name] = _("Only rows of the contract's own village can be linked.")
    if any(amount <= 0 for _due, amount in terms.schedule):
        errors["schedule"] = _("Every amount of the payment schedule must be more than zero.")
    if any(price <= 0 for _bidder, price, _won in terms.bids):
        errors["bids"] = _("Every bid price must be more than zero.")
    if errors:
        raise ValidationError(errors)


def check_contract(revision: Revision) -> None:
    """Complete enough to submit: terms stated, and a schedule adding up to the total."""
    contract = Contract.objects.filter(revision=revision).first()
    if contract is None:
        raise ValidationError(_("State the contract's terms before submitting it."))
    scheduled = sum((i.amount for i in revision.instalments.all()), Decimal(0))
    if scheduled != contract.total_amount:
        raise ValidationError(
            _(
                "The payment schedule adds up to %(scheduled)s yuan but the contract's total "
                "amount is %(total)s yuan."
            )
            % {"scheduled": f"{scheduled:.2f}", "total": f"{contract.total_amount:.2f}"}
        )
    bidding = (AwardMethod.PUBLIC_BIDDING, AwardMethod.AUCTION)
    if contract.award_method in bidding and not revision.bids.exists():
        raise ValidationError(_("A contract awarded by bidding or auction lists its bidders."))


def copy_contract(source: Revision, target: Revision) -> None:
    contract = Contract.objects.filter(revision=source).first()
    if contract:
        contract.pk = None
        contract.revision = target
        contract.save()
    for row in [*source.instalments.all(), *source.bids.all()]:
        row.pk = None
        row.revision = target
        row.save()


def contract_rows(revision: Revision) -> list[dict]:
    contract = Contract.objects.filter(revision=revision).first()
    if contract is None:
        return []
    return [
        {"record": "contract", **contract.canonical()},
        *({"record": "instalment", **i.canonical()} for i in revision.instalments.all()),
        *({"record": "bid", **b.canonical()} for b in revision.bids.all()),
    ]


def contract_subject(revision: Revision) -> dict:
    """Which major matter's resolution authorised the contract: the page links to it."""
    contract = Contract.objects.filter(revision=revision).select_related("matter").first()
    matter = contract.matter if contract else None
    resolution = matter.resolution if matter and matter.resolution_id else None
    return {"resolution": resolution.code if resolution else None}


def contract_row_key(row: dict) -> tuple:
    record = row["record"]
    if record == "instalment":
        return (record, row["due_date"])
    if record == "bid":
        return (record, row["bidder"])
    return (record,)


def _published_contract(posting: Posting) -> Posting:
    posting = Posting.objects.select_for_update().get(pk=posting.pk)
    if posting.kind != ContractsKind.CONTRACT or posting.status != PostingStatus.PUBLISHED:
        raise ValidationError(_("Payments are recorded against a published contract."))
    return posting


@transaction.atomic
def record_payment(
    *,
    posting: Posting,
    paid_on: datetime.date,
    amount: Decimal,
    ledger_reference: str = "",
    ledger_entry=None,
    note: str = "",
    by,
    ip=None,
) -> Payment:
    require(by, Action.DRAFT, posting)
    posting = _published_contract(posting)
    if ledger_entry is not None:
        _check_ledger_entry(ledger_entry, posting)
        ledger_reference = ledger_reference or ledger_entry.voucher_no
    else:
        ledger_entry = _ledger_entry_for(posting.village, ledger_reference.strip())
    if amount <= 0:
        raise ValidationError({"amount": _("The amount paid must be more than zero.")})
    if paid_on > clock.today():
        raise ValidationError({"paid_on": _("A payment cannot be dated in the future.")})
    payment = Payment(
        posting=posting,
        village=posting.village,
        paid_on=paid_on,
        amount=amount,
        ledger_entry=ledger_entry,
        ledger_reference=ledger_reference.strip(),
        note=mask_text(note.strip()),
        recorded_by=by,
    )
    records.publish("payment", payment)
    _audit("contract.payment", payment, by, ip)
    return payment


def _ledger_entry_for(village, voucher_no: str):
    """The entry of the village's published finances with this voucher number, if exactly one.

    Voucher numbers restart every year in many villages: an ambiguous number links nothing.
    """
    if not voucher_no:
        return None
    entries = LedgerEntry.objects.filter(
        revision_is_published("revision"),
        village=village,
        voucher_no=voucher_no,
        revision__posting__current=F("revision"),
    )[:2]
    return entries[0] if len(entries) == 1 else None


def _check_ledger_entry(entry, posting: Posting) -> None:
    # Entries of unpublished periods may be replaced by a new import; published ones are permanent.
    if entry.village_id != posting.village_id or not entry.revision.is_published:
        raise ValidationError(
            {"ledger_entry": _("Link a ledger entry of this village's published finances.")}
        )


@transaction.atomic
def reverse_payment(*, payment: Payment, reason: str, by, ip=None) -> Payment:
    """Undo a mistaken payment with a reversing entry; the mistake stays on record."""
    require(by, Action.DRAFT, payment)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    reason = mask_text(reason.strip())
    if not reason:
        raise ValidationError({"reason": _("Say why the payment is reversed.")})
    if payment.reverses_id or Payment.objects.filter(reverses=payment).exists():
        raise ValidationError(_("This payment has already been reversed, or is a reversal."))
    reversal = Payment(
        posting=payment.posting,
        village=payment.village,
        paid_on=clock.today(),
        amount=-payment.amount,
        ledger_entry=payment.ledger_entry,
        ledger_reference=payment.ledger_reference,
        note=reason[:200],
        reverses=payment,
        recorded_by=by,
    )
    records.publish("payment", reversal)
    _audit("contract.payment_reversal", reversal, by, ip)
    return reversal


def _audit(action: str, payment: Payment, by, ip) -> None:
    record(
        by=by,
        action=action,
        village=payment.village,
        target=payment.posting.code,
        ip=ip,
        amount=f"{payment.amount:.2f}",
        paid_on=payment.paid_on.isoformat(),
        ledger_reference=payment.ledger_reference,
    )
