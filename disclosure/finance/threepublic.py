"""Three-public spending (三公经费) year on year, as the public overview and red flags read it.

Read from published data only: the entries of the current revision of each published period,
each carrying the answer its county's scope gave when it was checked (`is_hospitality`). Spending
is compared month by month, by the dates of the entries, so that a year disclosed quarterly
compares with one disclosed monthly; a month counts only when a published period of each year
covers it, so that a month not yet disclosed never looks like a fall.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Sum
from django.db.models.functions import ExtractMonth

from disclosure.publishing.models import posting_is_in_force

from .models import LedgerEntry, Period

ZERO = Decimal("0.00")


@dataclass
class Spending:
    """One village's three-public spending in one year, per month its published periods cover."""

    by_month: dict[int, Decimal] = field(default_factory=dict)

    def over(self, months) -> Decimal | None:
        """The spending of these months, or None when a published period covers not all of them."""
        months = list(months)
        if not months or any(month not in self.by_month for month in months):
            return None
        return sum((self.by_month[month] for month in months), ZERO)


@dataclass(frozen=True)
class Comparison:
    """A year's spending against the same months of the year before."""

    year: int
    months: tuple[int, ...]
    this_year: Decimal
    last_year: Decimal

    @property
    def rise(self) -> Decimal:
        return self.this_year - self.last_year

    @property
    def rose(self) -> bool:
        return self.this_year > self.last_year


def spending(village_ids, years) -> dict[tuple[int, int], Spending]:
    """(village, year) → Spending, in two queries whatever the number of villages and years."""
    village_ids, years = list(village_ids), list(years)
    in_force = posting_is_in_force("revision__posting")
    current = {
        "revision__posting__current": F("revision"),
        "revision__posting__finance_period__village_id__in": village_ids,
        "revision__posting__finance_period__year__in": years,
    }
    found = defaultdict(Spending)
    periods = Period.objects.filter(
        posting_is_in_force("posting"), village_id__in=village_ids, year__in=years
    ).values_list("village_id", "year", "start", "end")
    for village_id, year, start, end in periods:
        for month in range(start.month, end.month + 1):
            found[village_id, year].by_month[month] = ZERO
    sums = (
        LedgerEntry.objects.filter(in_force, is_hospitality=True, **current)
        .annotate(month=ExtractMonth("date"))
        .values("village_id", "revision__posting__finance_period__year", "month")
        .annotate(amount=Sum("expenditure"))
    )
    for row in sums:
        key = (row["village_id"], row["revision__posting__finance_period__year"])
        if row["month"] in found[key].by_month:
            found[key].by_month[row["month"]] = row["amount"]
    return found


def compare(found: dict, village_id: int, year: int) -> Comparison | None:
    """The months both years disclosed, or None when they share none."""
    this, last = found.get((village_id, year)), found.get((village_id, year - 1))
    if this is None or last is None:
        return None
    months = tuple(sorted(set(this.by_month) & set(last.by_month)))
    if not months:
        return None
    return Comparison(year, months, this.over(months), last.over(months))


@dataclass(frozen=True)
class PeriodLine:
    label: str
    this_year: Decimal
    last_year: Decimal | None


def year_on_year(village, year: int, rows) -> tuple[list[PeriodLine], Comparison | None]:
    """Each published period of the year (rows: yearly.standings) beside the same months of last
    year, and the year so far against the same months of last year."""
    found = spending([village.pk], [year - 1, year])
    this, last = found.get((village.pk, year)), found.get((village.pk, year - 1), Spending())
    lines = []
    for row in rows:
        months = range(row.start.month, row.end.month + 1)
        if row.summary is not None and this is not None and this.over(months) is not None:
            lines.append(PeriodLine(row.label, this.over(months), last.over(months)))
    return lines, compare(found, village.pk, year)
