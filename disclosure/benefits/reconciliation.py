"""What was paid against what was listed: a township's disbursement file and its published lists.

Rows are matched by the keyed pseudonym of the identity number (benefits/slips.py), so the check
still runs after the personal values of either side have been removed. For each person and benefit,
the lists' rows in order of publicity and the payments in order of date are paired one to one:
a row left over was listed but not paid, a payment left over was paid but not listed, and a pair
may differ in amount or be paid later than settings.BENEFITS_PAYMENT_DUE_DAYS after the list's
publicity started. A payment to an account whose holder is not the payee, or to an account that
also receives another person's money, is flagged whatever the lists say.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import F
from django.utils.translation import gettext_lazy

from disclosure.publishing.models import posting_is_in_force, revision_is_published

from .models import BenefitList, Disbursement, DisbursementRow, Recipient, benefit_label

LISTED_NOT_PAID = "listed_not_paid"
PAID_NOT_LISTED = "paid_not_listed"
AMOUNT_DIFFERS = "amount_differs"
ACCOUNT_HOLDER_DIFFERS = "account_holder_differs"
PAID_LATE = "paid_late"
KINDS = [LISTED_NOT_PAID, PAID_NOT_LISTED, AMOUNT_DIFFERS, ACCOUNT_HOLDER_DIFFERS, PAID_LATE]
LABELS = {
    LISTED_NOT_PAID: gettext_lazy("Listed but not paid"),
    PAID_NOT_LISTED: gettext_lazy("Paid but not listed"),
    AMOUNT_DIFFERS: gettext_lazy("Paid a different amount than listed"),
    ACCOUNT_HOLDER_DIFFERS: gettext_lazy("Paid into an account not the payee's"),
    PAID_LATE: gettext_lazy("Paid late"),
}


@dataclass(frozen=True)
class Listed:
    recipient_id: int
    village_id: int
    position: int
    revision_id: int
    posting_id: int
    title: str
    start: datetime.date
    benefit: str
    period: str
    amount: Decimal


@dataclass(frozen=True)
class Paid:
    row: int
    village_id: int
    benefit: str
    amount: Decimal
    paid_on: datetime.date
    account_key: str
    person_key: str
    holder_differs: bool


@dataclass(frozen=True)
class Mismatch:
    kind: str
    village_id: int
    benefit: str
    listed: Listed | None
    paid: Paid | None
    detail: str = ""

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])


@dataclass
class Total:
    village_id: int
    benefit: str
    listed: int = 0
    listed_amount: Decimal = Decimal("0.00")
    paid: int = 0
    paid_amount: Decimal = Decimal("0.00")
    mismatches: int = 0


@dataclass
class Reconciliation:
    disbursement: Disbursement
    mismatches: list[Mismatch]
    totals: list[Total]


def _listed(disbursement: Disbursement, village_ids) -> dict[tuple, list[Listed]]:
    """Rows of current published lists whose publicity started within the file's days."""
    starts = {}
    lists = BenefitList.objects.filter(
        revision_is_published("revision"),
        posting_is_in_force("revision__posting"),
        village_id__in=village_ids,
        revision__posting__current_id=F("revision_id"),
    ).select_related("revision")
    for benefit_list in lists:
        start = benefit_list.start_date()
        if disbursement.lists_from <= start <= disbursement.lists_to:
            starts[benefit_list.revision_id] = (start, benefit_list.revision)
    rows = Recipient.objects.filter(revision_id__in=starts).values(
        "pk",
        "village_id",
        "position",
        "revision_id",
        "benefit_type",
        "item",
        "period",
        "amount",
        "slip__person_key",
    )
    listed: dict[tuple, list[Listed]] = defaultdict(list)
    for row in rows.iterator(chunk_size=5000):
        start, revision = starts[row["revision_id"]]
        benefit = benefit_label(row["benefit_type"], row["item"])
        entry = Listed(
            row["pk"],
            row["village_id"],
            row["position"],
            revision.pk,
            revision.posting_id,
            revision.title,
            start,
            benefit,
            row["period"],
            row["amount"],
        )
        listed[(row["village_id"], row["slip__person_key"], benefit)].append(entry)
    return listed


def _paid(disbursement: Disbursement, village_ids) -> dict[tuple, list[Paid]]:
    rows = DisbursementRow.objects.filter(
        disbursement=disbursement, village_id__in=village_ids
    ).values_list(
        "row",
        "village_id",
        "benefit_type",
        "item",
        "amount",
        "paid_on",
        "account_key",
        "person_key",
        "holder_differs",
    )
    paid: dict[tuple, list[Paid]] = defaultdict(list)
    for row, village_id, kind, item, amount, paid_on, account, person, differs in rows.iterator(
        chunk_size=5000
    ):
        payment = Paid(
            row, village_id, benefit_label(kind, item), amount, paid_on, account, person, differs
        )
        paid[(village_id, person, payment.benefit)].append(payment)
    return paid


def _pairs(key, listed: list[Listed], paid: list[Paid]) -> list[Mismatch]:
    village_id, _person, benefit = key
    listed = sorted(listed, key=lambda entry: (entry.start, entry.position))
    paid = sorted(paid, key=lambda payment: (payment.paid_on, payment.row))
    found = []
    due = datetime.timedelta(days=settings.BENEFITS_PAYMENT_DUE_DAYS)
    for entry, payment in zip(listed, paid, strict=False):
        if entry.amount != payment.amount:
            found.append(Mismatch(AMOUNT_DIFFERS, village_id, benefit, entry, payment))
        if payment.paid_on > entry.start + due:
            found.append(Mismatch(PAID_LATE, village_id, benefit, entry, payment))
    found += [Mismatch(LISTED_NOT_PAID, village_id, benefit, e, None) for e in listed[len(paid) :]]
    found += [Mismatch(PAID_NOT_LISTED, village_id, benefit, None, p) for p in paid[len(listed) :]]
    return found


def _accounts(paid: dict[tuple, list[Paid]]) -> list[Mismatch]:
    """Payments to an account not the payee's: its holder differs, or it takes others' money."""
    people_of = defaultdict(set)
    for payments in paid.values():
        for payment in payments:
            people_of[payment.account_key].add(payment.person_key)
    found = []
    for payments in paid.values():
        for payment in payments:
            shared = len(people_of[payment.account_key]) - 1
            if payment.holder_differs or shared:
                found.append(
                    Mismatch(
                        ACCOUNT_HOLDER_DIFFERS,
                        payment.village_id,
                        payment.benefit,
                        None,
                        payment,
                        detail="shared" if shared else "holder",
                    )
                )
    return found


def reconcile(disbursement: Disbursement, village_ids=None) -> Reconciliation:
    if village_ids is None:
        village_ids = list(disbursement.lines.values_list("village_id", flat=True).distinct())
        village_ids += list(disbursement.township.children.values_list("pk", flat=True))
    village_ids = set(village_ids)
    listed, paid = _listed(disbursement, village_ids), _paid(disbursement, village_ids)
    mismatches = []
    for key in sorted(set(listed) | set(paid), key=lambda k: (k[0], k[2], k[1] or "")):
        mismatches += _pairs(key, listed.get(key, []), paid.get(key, []))
    mismatches += _accounts(paid)
    return Reconciliation(disbursement, mismatches, _totals(listed, paid, mismatches))


def _totals(listed, paid, mismatches) -> list[Total]:
    totals: dict[tuple, Total] = {}

    def total(village_id, benefit) -> Total:
        return totals.setdefault((village_id, benefit), Total(village_id, benefit))

    for (village_id, _person, benefit), entries in listed.items():
        line = total(village_id, benefit)
        line.listed += len(entries)
        line.listed_amount += sum((entry.amount for entry in entries), Decimal("0.00"))
    for (village_id, _person, benefit), payments in paid.items():
        line = total(village_id, benefit)
        line.paid += len(payments)
        line.paid_amount += sum((payment.amount for payment in payments), Decimal("0.00"))
    for mismatch in mismatches:
        total(mismatch.village_id, mismatch.benefit).mismatches += 1
    return [totals[key] for key in sorted(totals)]
