"""A village's finances over one year, as the public overview shows them.

Everything here reads published data only: the current revision of each public period posting,
with the totals stored when it was published.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Sum
from django.utils.translation import gettext as _

from disclosure.publishing.models import PostingStatus

from .figures import CategoryLine
from .models import (
    EXPENDITURE_CATEGORIES,
    INCOME_CATEGORIES,
    Frequency,
    Period,
    PeriodSummary,
    PeriodTotal,
)
from .services.periods import bounds, settings_of

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


def _current_of_year(village, year: int):
    """Filter arguments for rows of the current revision of a published period of the year."""
    return {
        "revision__posting__finance_period__village": village,
        "revision__posting__finance_period__year": year,
        "revision__posting__status": PostingStatus.PUBLISHED,
        "revision__posting__current": F("revision"),
    }


def public_periods(village, year: int):
    return (
        Period.objects.filter(village=village, year=year)
        .exclude(posting__isnull=True)
        .exclude(posting__status=PostingStatus.UNPUBLISHED)
        .select_related("posting")
    )


def standings(village, year: int, today: datetime.date) -> list[PeriodStanding]:
    """Each period of the year: published (or withdrawn) with its figures, or not yet, or late."""
    summaries = {
        s.period_id: s for s in PeriodSummary.objects.filter(**_current_of_year(village, year))
    }
    found = {(p.frequency, p.number): p for p in public_periods(village, year)}
    village_settings = settings_of(village)
    frequency = village_settings.frequency
    expected = 12 if frequency == Frequency.MONTHLY else 4
    rows = []
    for number in range(1, expected + 1):
        if (frequency, number) in found:
            continue
        start, end = bounds(year, number, frequency)
        due = end + datetime.timedelta(days=village_settings.due_days)
        if end >= today:
            standing = Standing.NOT_ENDED
        else:
            standing = Standing.OVERDUE if due < today else Standing.DUE
        rows.append(PeriodStanding(period_label(frequency, number), start, end, due, standing))
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
        PeriodTotal.objects.filter(**_current_of_year(village, year))
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


def monthly_trend(rows: list[PeriodStanding]) -> tuple[list, list]:
    """Income and expenditure placed at the month each published period ends (None elsewhere)."""
    income, spent = [None] * 12, [None] * 12
    for row in rows:
        if row.summary is not None:
            month = row.end.month - 1
            income[month] = (income[month] or ZERO) + row.summary.income
            spent[month] = (spent[month] or ZERO) + row.summary.expenditure
    return income, spent


def years_with_periods(village, this_year: int) -> list[int]:
    years = set(
        Period.objects.filter(village=village, posting__status=PostingStatus.PUBLISHED)
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(years | {this_year}, reverse=True)
