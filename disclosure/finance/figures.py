"""The headline figures of a period's revision, as the period page shows them.

A published revision has them stored at publish time (PeriodSummary, PeriodTotal), so its page
reads a few rows. A draft, seen in the staff preview, has none yet: its figures are summed from
its entries in the database, the same way services.publication stores them.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from .models import (
    EXPENDITURE_CATEGORIES,
    INCOME_CATEGORIES,
    Balance,
    Category,
    Fund,
    LedgerEntry,
    PeriodSummary,
    PeriodTotal,
)

LARGEST = 5
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CategoryLine:
    category: str
    amount: Decimal

    @property
    def label(self) -> str:
        return Category(self.category).label


@dataclass(frozen=True)
class FundLine:
    fund: str
    opening: Decimal
    income: Decimal
    expenditure: Decimal
    closing: Decimal

    @property
    def label(self) -> str:
        return Fund(self.fund).label


@dataclass
class PeriodFigures:
    income_lines: list[CategoryLine]
    expenditure_lines: list[CategoryLine]
    funds: list[FundLine]
    claims_change: Decimal
    debts_change: Decimal
    hospitality: Decimal
    entries: int
    largest: list[dict] = field(default_factory=list)

    @property
    def income(self) -> Decimal:
        return sum((line.amount for line in self.income_lines), ZERO)

    @property
    def expenditure(self) -> Decimal:
        return sum((line.amount for line in self.expenditure_lines), ZERO)

    @property
    def net(self) -> Decimal:
        return self.income - self.expenditure


def _money(name: str, **condition):
    return Coalesce(Sum(name, filter=Q(**condition) if condition else None), ZERO)


def _category_lines(amounts: dict[str, tuple[Decimal, Decimal]]):
    income = [CategoryLine(c, amounts.get(c, (ZERO, ZERO))[0]) for c in INCOME_CATEGORIES]
    spent = [CategoryLine(c, amounts.get(c, (ZERO, ZERO))[1]) for c in EXPENDITURE_CATEGORIES]
    return income, spent


def _fund_lines(revision) -> list[FundLine]:
    by_fund = (
        LedgerEntry.objects.filter(revision=revision)
        .values("fund")
        .annotate(income_sum=Sum("income"), expenditure_sum=Sum("expenditure"))
        .order_by()
    )
    moved = {r["fund"]: (r["income_sum"], r["expenditure_sum"]) for r in by_fund}
    return [
        FundLine(b.fund, b.opening, *moved.get(b.fund, (ZERO, ZERO)), b.closing)
        for b in Balance.objects.filter(revision=revision).order_by("fund")
    ]


def _largest(entries) -> list[dict]:
    biggest = entries.filter(category__in=EXPENDITURE_CATEGORIES, expenditure__gt=0).order_by(
        "-expenditure", "line"
    )[:LARGEST]
    return [
        {
            "line": e.line,
            "date": e.date.isoformat(),
            "voucher_no": e.voucher_no,
            "summary": e.summary,
            "amount": f"{e.expenditure:.2f}",
        }
        for e in biggest
    ]


def _stored(revision, summary: PeriodSummary) -> PeriodFigures:
    totals = PeriodTotal.objects.filter(revision=revision)
    income, spent = _category_lines({t.category: (t.income, t.expenditure) for t in totals})
    return PeriodFigures(
        income_lines=income,
        expenditure_lines=spent,
        funds=_fund_lines(revision),
        claims_change=summary.claims_change,
        debts_change=summary.debts_change,
        hospitality=summary.hospitality,
        entries=summary.entries,
        largest=summary.largest_expenditures,
    )


def _summed(revision) -> PeriodFigures:
    entries = LedgerEntry.objects.filter(revision=revision)
    by_category = entries.values("category").annotate(
        income_sum=_money("income"), expenditure_sum=_money("expenditure")
    )
    amounts = {r["category"]: (r["income_sum"], r["expenditure_sum"]) for r in by_category}
    overall = entries.aggregate(
        hospitality=_money("expenditure", is_hospitality=True), count=Count("pk")
    )
    claims_in, claims_out = amounts.get(Category.CLAIMS, (ZERO, ZERO))
    debts_in, debts_out = amounts.get(Category.DEBTS, (ZERO, ZERO))
    income, spent = _category_lines(amounts)
    return PeriodFigures(
        income_lines=income,
        expenditure_lines=spent,
        funds=_fund_lines(revision),
        # Money paid to a debtor raises what is owed to the village; money borrowed raises debts.
        claims_change=claims_out - claims_in,
        debts_change=debts_in - debts_out,
        hospitality=overall["hospitality"],
        entries=overall["count"],
        largest=_largest(entries),
    )


def period_figures(revision) -> PeriodFigures:
    summary = PeriodSummary.objects.filter(revision=revision).first()
    return _stored(revision, summary) if summary else _summed(revision)


def hospitality_entries(revision):
    return LedgerEntry.objects.filter(revision=revision, is_hospitality=True).order_by("line")
