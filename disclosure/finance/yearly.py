"""A village's finances over one year, as the public overview shows them.

Everything here reads published data only: the current revision of each public period posting,
with the totals stored when it was published.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Q, Sum
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _

from disclosure.publishing.models import PostingStatus, posting_is_in_force, posting_is_public

from .figures import CategoryLine
from .models import (
    EXPENDITURE_CATEGORIES,
    INCOME_CATEGORIES,
    Frequency,
    LedgerEntry,
    Period,
    PeriodSummary,
    PeriodTotal,
)
from .services.rules import rules_of_village

ZERO = Decimal("0.00")


class Standing:
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    OVERDUE = "overdue"
    DUE = "due"
    NOT_ENDED = "not_ended"


@dataclass
class PeriodStanding:
    label: str
    start: datetime.date
    end: datetime.date
    due_date: datetime.date
    standing: str
    posting: object = None
    summary: PeriodSummary | None = None


def period_label(frequency: str, number: int) -> str:
    if frequency == Frequency.MONTHLY:
        return _("Month %(number)d") % {"number": number}
    return _("Quarter %(number)d") % {"number": number}


def _current_of_year(village, year: int) -> Q:
    """Rows of the current revision of a published period of the year."""
    return posting_is_in_force("revision__posting") & Q(
        revision__posting__finance_period__village=village,
        revision__posting__finance_period__year=year,
        revision__posting__current=F("revision"),
    )


def public_periods(village, year: int):
    return (
        Period.objects.filter(village=village, year=year)
        .exclude(posting__isnull=True)
        .filter(posting_is_public("posting"))
        .select_related("posting")
    )


def standings(village, year: int, today: datetime.date) -> list[PeriodStanding]:
    """Each period of the year: published (or withdrawn) with its figures, or not yet, or late."""
    summaries = {
        s.period_id: s for s in PeriodSummary.objects.filter(_current_of_year(village, year))
    }
    found = {(p.frequency, p.number): p for p in public_periods(village, year)}
    rows = []
    for due in rules_of_village(village).schedule(year):
        if (due.frequency, due.number) in found:
            continue
        if due.end >= today:
            standing = Standing.NOT_ENDED
        else:
            standing = Standing.OVERDUE if due.due_on < today else Standing.DUE
        rows.append(
            PeriodStanding(
                period_label(due.frequency, due.number), due.start, due.end, due.due_on, standing
            )
        )
    for period in found.values():
        published = period.posting.status == PostingStatus.PUBLISHED
        rows.append(
            PeriodStanding(
                period_label(period.frequency, period.number),
                period.start,
                period.end,
                period.due_date,
                Standing.PUBLISHED if published else Standing.WITHDRAWN,
                period.posting,
                summaries.get(period.pk),
            )
        )
    return sorted(rows, key=lambda row: (row.start, row.end))


def year_to_date(village, year: int) -> tuple[list[CategoryLine], list[CategoryLine]]:
    """Income and expenditure per category over the published periods of the year."""
    rows = (
        PeriodTotal.objects.filter(_current_of_year(village, year))
        .values("category")
        .annotate(income_sum=Sum("income"), expenditure_sum=Sum("expenditure"))
    )
    sums = {row["category"]: row for row in rows}

    def amount(category, side):
        row = sums.get(category)
        return row[f"{side}_sum"] if row else ZERO

    return (
        [CategoryLine(c, amount(c, "income")) for c in INCOME_CATEGORIES],
        [CategoryLine(c, amount(c, "expenditure")) for c in EXPENDITURE_CATEGORIES],
    )


def monthly_trend(village, year: int, rows: list[PeriodStanding]) -> tuple[list, list]:
    """Income and expenditure of each month of the published periods (None for months no
    published period covers). A quarter's figures are spread over its months by the dates of its
    entries, not heaped on its last month: they are summed from the chained entries."""
    income, spent = [None] * 12, [None] * 12
    for row in rows:
        if row.summary is not None:
            for month in range(row.start.month, row.end.month + 1):
                income[month - 1], spent[month - 1] = ZERO, ZERO
    entries = (
        LedgerEntry.objects.filter(_current_of_year(village, year))
        .annotate(month=ExtractMonth("date"))
        .values("month")
        .annotate(
            income_sum=Sum("income", filter=Q(category__in=INCOME_CATEGORIES), default=ZERO),
            expenditure_sum=Sum(
                "expenditure", filter=Q(category__in=EXPENDITURE_CATEGORIES), default=ZERO
            ),
        )
    )
    for row in entries:
        if income[row["month"] - 1] is not None:
            income[row["month"] - 1] = row["income_sum"]
            spent[row["month"] - 1] = row["expenditure_sum"]
    return income, spent


def years_with_periods(village, this_year: int) -> list[int]:
    years = set(
        Period.objects.filter(posting_is_in_force("posting"), village=village)
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(years | {this_year}, reverse=True)
