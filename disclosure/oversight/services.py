"""The township's view of its villages: one row per village with everything the dashboard and
its export show, ranked; and the county's summary of its townships.

Each figure comes from the app that owns it through its agreed function (participation,
reports, redflags), every one answering for all villages at once, so a dashboard costs the
same number of queries for three villages or three hundred.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from disclosure.participation.services import (
    QuestionCounts,
    RatingSummary,
    question_counts,
    rating_summary,
)
from disclosure.redflags.services import flags_for
from disclosure.regions.access import Action, villages_for
from disclosure.regions.models import Region
from disclosure.reports.services import report_counts

from .calendar import SECTION_LABELS, DueItem, DueSection, due_items
from .models import CorrectionOrder
from .risk import Risk, assess
from .scoring import ONE_DECIMAL, Judgement, Standing, Tally, judge_village, ranking_key, score
from .scoring import tally as tally_of

__all__ = ["DueItem", "VillageRow", "due_items", "village_rows", "township_summaries"]


@dataclass
class VillageRow:
    village: Region
    tallies: dict[str, Tally]
    score: Decimal | None
    judgement: Judgement
    questions: QuestionCounts
    satisfaction: RatingSummary
    flags: int
    strong_flags: int
    open_orders: int
    # The keys of the strong flags raised today, which the risk follows to their cases.
    strong_keys: list[str] = field(default_factory=list)
    reports: dict[str, int] | None = None  # None where the user may not see reports
    rank: int = 0
    risk: Risk | None = None
    # Every item of the calendar, where computed afresh; a kept summary holds only their tallies.
    items: list[DueItem] = field(default_factory=list)

    @property
    def tally_cells(self) -> list[Tally]:
        return [self.tallies[section] for section in DueSection]

    @property
    def labelled_tallies(self) -> list[tuple[str, Tally]]:
        return [(SECTION_LABELS[section], self.tallies[section]) for section in DueSection]


def _flag_counts(ids: list[int], today: date) -> tuple[Counter, dict[int, list[str]]]:
    """Each village's flags, and the keys of its strong ones."""
    flags = flags_for(ids, today)
    strong: dict[int, list[str]] = {}
    for flag in flags:
        if flag.strong:
            strong.setdefault(flag.village_id, []).append(flag.key)
    return Counter(flag.village_id for flag in flags), strong


def _open_orders(ids: list[int]) -> dict[int, int]:
    rows = (
        CorrectionOrder.objects.open()
        .filter(village_id__in=ids)
        .values("village_id")
        .annotate(number=Count("pk"))
        .order_by()
    )
    return {row["village_id"]: row["number"] for row in rows}


def computed_rows(villages: Iterable[Region], today: date, year: int) -> list[VillageRow]:
    """A row per village computed from its data, in the order given, without reports."""
    villages = list(villages)
    ids = [village.pk for village in villages]
    items = due_items(ids, today, year)
    questions = question_counts(ids, today)
    ratings = rating_summary(ids, since=date(year, 1, 1))
    flags, strong = _flag_counts(ids, today)
    orders = _open_orders(ids)
    return [
        VillageRow(
            village=village,
            items=items[village.pk],
            tallies={section: tally_of(items[village.pk], section) for section in DueSection},
            score=score(items[village.pk]),
            judgement=judge_village(
                items[village.pk], questions[village.pk].overdue, len(strong.get(village.pk, []))
            ),
            questions=questions[village.pk],
            satisfaction=ratings[village.pk],
            flags=flags[village.pk],
            strong_flags=len(strong.get(village.pk, [])),
            strong_keys=strong.get(village.pk, []),
            open_orders=orders.get(village.pk, 0),
        )
        for village in villages
    ]


def with_reports(rows: list[VillageRow], user) -> list[VillageRow]:
    """Report counts on the rows of the villages whose reports the user may see.

    Reports are counted on every request: they are no public change, so no summary could know
    when one arrives, and whom they may be shown to depends on the user.
    """
    ids = [row.village.pk for row in rows]
    readable = villages_for(user, Action.VIEW_REPORTS).filter(pk__in=ids)
    readable = list(readable.values_list("pk", flat=True))
    reports = report_counts(readable) if readable else {}
    for row in rows:
        row.reports = reports.get(row.village.pk)
    return rows


def ranked(rows: list[VillageRow], today: date) -> list[VillageRow]:
    """The rows by risk, highest first (risk.py), then by completeness score as the lists are."""
    risks = assess(rows, today)
    for row in rows:
        row.risk = risks[row.village.pk]
    rows = sorted(
        rows, key=lambda row: (-row.risk.points, *ranking_key(row.score, row.village.code))
    )
    for position, row in enumerate(rows, start=1):
        row.rank = position
    return rows


def by_score(rows: list[VillageRow]) -> list[VillageRow]:
    """The rows as the red and black lists rank them: by completeness score."""
    return sorted(rows, key=lambda row: ranking_key(row.score, row.village.code))


def village_rows(villages: Iterable[Region], user, today: date, year: int) -> list[VillageRow]:
    """A ranked row per village, computed afresh; report counts only where the user may see them."""
    return ranked(with_reports(computed_rows(villages, today, year), user), today)


@dataclass(frozen=True)
class TownshipSummary:
    township: Region
    villages: int
    average: Decimal | None
    red: int
    black: int


def _average(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values) / len(values)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def township_summaries(townships: Iterable[Region], rows: list[VillageRow]) -> list:
    """Each township: its villages, their average score (of those with one), red and black."""
    summaries = []
    for township in townships:
        inside = [row for row in rows if township.contains(row.village)]
        standings = Counter(row.judgement.standing for row in inside)
        summaries.append(
            TownshipSummary(
                township,
                len(inside),
                _average([row.score for row in inside if row.score is not None]),
                standings[Standing.RED],
                standings[Standing.BLACK],
            )
        )
    return summaries
