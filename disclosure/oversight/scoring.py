"""The completeness score of a village and the township's red and black lists (红黑榜).

Score = (items on time + ½ × items late) ÷ items judged so far × 100, to one decimal (half up).
An item is judged once it is published or its due day has passed; items not yet due and not
yet published are left out, so a village is never marked down for what it still has time to do.
A village with nothing judged yet has no score and stands on neither list.

Red list: score ≥ OVERSIGHT_RED_LIST_SCORE, no question left unanswered past its deadline and no
strong red flag. Black list: score < OVERSIGHT_BLACK_LIST_SCORE, or a finance period not disclosed
at all once due (the core duty of art. 30, which a good score elsewhere must not hide). A red flag
is a lead to check, not a finding, so it keeps a village off the red list but never puts it on the
black one. Villages are ranked by score, highest first, then by division code.
"""

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .calendar import DueItem, DueSection, DueStatus

ONE_DECIMAL = Decimal("0.1")


def score(items: Iterable[DueItem]) -> Decimal | None:
    judged = Counter(item.status for item in items if item.status != DueStatus.NOT_YET_DUE)
    total = sum(judged.values())
    if not total:
        return None
    earned = judged[DueStatus.ON_TIME] + Decimal(judged[DueStatus.LATE]) / 2
    return (earned * 100 / total).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Tally:
    """How the items of one section stand, for a cell of the township's table."""

    on_time: int = 0
    late: int = 0
    missing: int = 0
    not_yet_due: int = 0

    @property
    def judged(self) -> int:
        return self.on_time + self.late + self.missing


def tally(items: Iterable[DueItem], section: str) -> Tally:
    counts = Counter(item.status for item in items if item.section == section)
    return Tally(**{status.value: counts[status] for status in DueStatus})


class Standing(StrEnum):
    RED = "red"
    BLACK = "black"
    NEITHER = ""


STANDING_LABELS = {
    Standing.RED: gettext_lazy("Red list"),
    Standing.BLACK: gettext_lazy("Black list"),
    Standing.NEITHER: "",
}


@dataclass(frozen=True)
class Judgement:
    standing: Standing
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return STANDING_LABELS[self.standing]


def missing_finance(items: Iterable[DueItem]) -> list[DueItem]:
    return [i for i in items if i.section == DueSection.FINANCE and i.status == DueStatus.MISSING]


def judge_village(items: list[DueItem], overdue_questions: int, strong_flags: int) -> Judgement:
    missing = [(item.label, item.due_on) for item in missing_finance(items)]
    return judge_figures(score(items), missing, overdue_questions, strong_flags)


def judge_figures(
    value: Decimal | None,
    missing: list[tuple[str, datetime.date]],
    overdue_questions: int,
    strong_flags: int,
) -> Judgement:
    """Which list the village stands on and, for the black list, every reason in words.

    `missing` names each finance period not disclosed once due, with its due day.
    """
    if value is None:
        return Judgement(Standing.NEITHER)
    reasons = []
    if value < settings.OVERSIGHT_BLACK_LIST_SCORE:
        reasons.append(
            _("Completeness score %(score)s is below %(limit)s.")
            % {"score": value, "limit": settings.OVERSIGHT_BLACK_LIST_SCORE}
        )
    for label, due_on in missing:
        reasons.append(
            _("%(item)s not disclosed (due %(date)s).")
            % {"item": label, "date": due_on.isoformat()}
        )
    if reasons:
        return Judgement(Standing.BLACK, reasons)
    if value >= settings.OVERSIGHT_RED_LIST_SCORE and not overdue_questions and not strong_flags:
        return Judgement(Standing.RED)
    return Judgement(Standing.NEITHER)


def ranking_key(score_value: Decimal | None, code: str) -> tuple:
    """Highest score first, villages without a score last, ties broken by division code."""
    return (score_value is None, -(score_value or 0), code)
