"""What is stored when a period is published, so that pages read a few rows, and its check.

The stored totals are derived from the chained entries and balances; `verify_chain` derives them
again (`totals_problem`) so that a changed total cannot hide outside the proof.
"""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    EXPENDITURE_CATEGORIES,
    INCOME_CATEGORIES,
    Category,
    Fund,
    LedgerEntry,
    Period,
    PeriodSummary,
    PeriodTotal,
)
from .content import require_ended

LARGEST_COUNT = 5
ZERO = Decimal("0.00")
TOTAL_FIELDS = ("category", "income", "expenditure", "entries")
SUMMARY_FIELDS = (
    "village_id",
    "period_id",
    "income",
    "expenditure",
    "cash_opening",
    "cash_closing",
    "bank_opening",
    "bank_closing",
    "claims_change",
    "debts_change",
    "hospitality",
    "entries",
    "largest_expenditures",
)


def store_totals(revision) -> PeriodSummary:
    """Totals per category and the period's headline figures, inside the publishing transaction,
    once the period has ended (a revision signed off before its end waits for it)."""
    require_ended(revision)
    totals, summary = period_totals(revision)
    PeriodTotal.objects.bulk_create(totals)
    summary.save()
    return summary


def period_totals(revision) -> tuple[list[PeriodTotal], PeriodSummary]:
    """The totals and headline figures of a revision, summed from its entries, not saved.

    Income is what came in under the income categories and expenditure what went out under the
    expenditure categories; transfers between cash and bank, claims and debts are shown apart.
    """
    entries = LedgerEntry.objects.filter(revision=revision)
    per_category = entries.values("category").annotate(
        income=Sum("income"), expenditure=Sum("expenditure"), entries=Count("id")
    )
    totals = [
        PeriodTotal(revision=revision, village_id=revision.village_id, **row)
        for row in per_category.order_by("category")
    ]
    by_category = {total.category: total for total in totals}

    def net(category, sign=1):
        total = by_category.get(category)
        return sign * (total.income - total.expenditure) if total else ZERO

    balances = {balance.fund: balance for balance in revision.balances.all()}
    hospitality = entries.aggregate(
        total=Sum("expenditure", filter=Q(is_hospitality=True), default=ZERO)
    )["total"]
    summary = PeriodSummary(
        revision=revision,
        village_id=revision.village_id,
        period=Period.objects.filter(posting_id=revision.posting_id).first(),
        income=sum((by_category[c].income for c in INCOME_CATEGORIES if c in by_category), ZERO),
        expenditure=sum(
            (by_category[c].expenditure for c in EXPENDITURE_CATEGORIES if c in by_category),
            ZERO,
        ),
        cash_opening=balances[Fund.CASH].opening,
        cash_closing=balances[Fund.CASH].closing,
        bank_opening=balances[Fund.BANK].opening,
        bank_closing=balances[Fund.BANK].closing,
        claims_change=net(Category.CLAIMS, sign=-1),
        debts_change=net(Category.DEBTS),
        hospitality=hospitality,
        entries=sum(total.entries for total in totals),
        largest_expenditures=_largest(entries),
    )
    return totals, summary


def period_problem(revision) -> str | None:
    """Whether the period is filed under its village, and the stored totals and headline figures
    are still those the rows give."""
    period = Period.objects.filter(posting_id=revision.posting_id).first()
    if period is None or period.village_id != revision.village_id:
        return _("its period is not filed under its village")
    if timezone.localdate(revision.published_at) <= period.end:
        return _("it was published before its period ended")
    totals, summary = period_totals(revision)
    stored = PeriodTotal.objects.filter(revision=revision).order_by("category")
    if _values(stored, TOTAL_FIELDS) != _values(totals, TOTAL_FIELDS):
        return _("its stored totals per category are not those of its entries")
    kept = PeriodSummary.objects.filter(revision=revision).first()
    if kept is None or _values([kept], SUMMARY_FIELDS) != _values([summary], SUMMARY_FIELDS):
        return _("its stored headline figures are not those of its entries and balances")
    return None


def _values(rows, fields) -> list[tuple]:
    return [tuple(getattr(row, name) for name in fields) for row in rows]


def _largest(entries) -> list[dict]:
    largest = entries.filter(category__in=EXPENDITURE_CATEGORIES, expenditure__gt=0).order_by(
        "-expenditure", "line"
    )[:LARGEST_COUNT]
    return [
        {
            "line": entry.line,
            "date": entry.date.isoformat(),
            "voucher_no": entry.voucher_no,
            "summary": entry.summary,
            "amount": f"{entry.expenditure:.2f}",
        }
        for entry in largest
    ]
