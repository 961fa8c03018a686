"""The township dashboard from kept summaries: a request reads each village's figures as stored,
and computes again only those of villages that changed since, or that were computed on another day.

A summary is stamped with the village's count of public changes (publishing.ChangeCount), read
before computing: a change committed meanwhile leaves the stamp behind, so it is computed again.
What the count does not see is dealt with apart: reports are counted on every request
(services.with_reports). The register of cadres is staff-only, yet the related-party flags read
it: its services count a change of the village too (redflags/cadres.py).
Stored figures hold numbers, dates and the keys of flags, never words, so they read the same in
every language.
A daily job (manage.py summarise_villages) computes the day's summaries before anyone asks.
"""

from dataclasses import asdict
from datetime import date
from decimal import Decimal

from disclosure.participation.services import QuestionCounts, RatingSummary
from disclosure.publishing.models import ChangeCount
from disclosure.regions.models import Region

from .calendar import DueSection, period_label
from .models import VillageSummary
from .scoring import Tally, judge_figures, missing_finance
from .services import VillageRow, computed_rows, ranked, with_reports

# Villages computed together by the daily job: few queries, yet a bounded amount of memory.
BATCH = 100
# The shape of the stored figures: a summary of another shape is computed again.
FORMAT = 3


def dashboard_rows(villages, user, today: date, year: int) -> list[VillageRow]:
    """The ranked rows of the villages, as `services.village_rows` computes them, from summaries."""
    villages = list(villages)
    figures = current_figures(villages, today, year)
    rows = [_row(village, figures[village.pk], year) for village in villages]
    return ranked(with_reports(rows, user), today)


def current_figures(villages: list[Region], today: date, year: int) -> dict[int, dict]:
    """Each village's stored figures, computing and storing again those no longer current."""
    figures, stale, changes = _kept(villages, today, year)
    if stale:
        figures.update(_compute(stale, changes, today, year))
    return figures


def summarise_every_village(today: date, year: int) -> int:
    """Compute the summaries no longer current of every village, a batch at a time; how many."""
    villages = list(Region.objects.villages().order_by("pk"))
    computed = 0
    for start in range(0, len(villages), BATCH):
        _, stale, changes = _kept(villages[start : start + BATCH], today, year)
        if stale:
            computed += len(_compute(stale, changes, today, year))
    return computed


def _kept(villages: list[Region], today: date, year: int) -> tuple[dict, list, dict]:
    """The figures still current, the villages whose figures are not, and the counts of changes."""
    ids = [village.pk for village in villages]
    changes = dict(ChangeCount.objects.filter(scope__in=ids).values_list("scope", "count"))
    kept = VillageSummary.objects.filter(village_id__in=ids, year=year)
    figures = {
        summary.village_id: summary.figures
        for summary in kept
        if summary.changes == changes.get(summary.village_id, 0)
        and summary.computed_on == today
        and summary.figures.get("format") == FORMAT
    }
    stale = [village for village in villages if village.pk not in figures]
    return figures, stale, changes


def _compute(villages: list[Region], changes: dict, today: date, year: int) -> dict[int, dict]:
    computed = {row.village.pk: _figures(row) for row in computed_rows(villages, today, year)}
    VillageSummary.objects.bulk_create(
        [
            VillageSummary(
                village_id=pk,
                year=year,
                changes=changes.get(pk, 0),
                computed_on=today,
                figures=found,
            )
            for pk, found in computed.items()
        ],
        update_conflicts=True,
        unique_fields=["village", "year"],
        update_fields=["changes", "computed_on", "figures"],
    )
    return computed


def _figures(row: VillageRow) -> dict:
    tallies = row.tallies
    satisfaction = row.satisfaction
    return {
        "format": FORMAT,
        "tallies": {
            section: [tally.on_time, tally.late, tally.missing, tally.not_yet_due]
            for section, tally in tallies.items()
        },
        "score": None if row.score is None else str(row.score),
        "missing_finance": [
            [*item.period, item.due_on.isoformat()] for item in missing_finance(row.items)
        ],
        "questions": asdict(row.questions),
        "ratings": [
            satisfaction.satisfied,
            satisfaction.basically_satisfied,
            satisfaction.not_satisfied,
        ],
        "flags": row.flags,
        "strong_flags": row.strong_flags,
        "strong_keys": row.strong_keys,
        "open_orders": row.open_orders,
    }


def _row(village: Region, figures: dict, year: int) -> VillageRow:
    value = None if figures["score"] is None else Decimal(figures["score"])
    questions = QuestionCounts(**figures["questions"])
    missing = [
        (period_label(frequency, year, number), date.fromisoformat(due_on))
        for frequency, number, due_on in figures["missing_finance"]
    ]
    return VillageRow(
        village=village,
        tallies={
            DueSection(section): Tally(*counts) for section, counts in figures["tallies"].items()
        },
        score=value,
        judgement=judge_figures(value, missing, questions.overdue, figures["strong_flags"]),
        questions=questions,
        satisfaction=RatingSummary.of(*figures["ratings"]),
        flags=figures["flags"],
        strong_flags=figures["strong_flags"],
        strong_keys=figures["strong_keys"],
        open_orders=figures["open_orders"],
    )
