"""Which village the township visits first, and why: the dashboard's ranking by risk.

Each term of the risk measures one thing in every village (how many, and for how many days the
oldest has waited), weighs it in points, and says it in a few words. A village's risk is the sum
of its terms' points; its reason names the terms that gave points, heaviest first. Adding a term
is adding one decorated function here: the page, the spreadsheet, the explanation under the table
and docs/oversight.md read the list of terms.

Terms read the row's figures where the dashboard has them already (kept summaries, reports) and
ask the database only for what changes without a public change of the village (the steps of a
flag's case), once for all villages, so the page costs the same queries for any number of them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Min
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext

from disclosure.redflags.models import FINISHED, CaseStatus, FlagCase

# Days beyond this add no more points: a flag left for a year is not worth ten fresh ones.
DAY_CAP = 90
PERFECT_SCORE = Decimal(100)


@dataclass(frozen=True)
class Measure:
    """What a term found in a village: how much, and how many days the oldest has waited."""

    amount: Decimal = Decimal(0)
    days: int = 0


NOTHING = Measure()


@dataclass(frozen=True)
class Term:
    key: str
    label: str
    # What one unit of the amount, and one day of waiting, weigh in points.
    per_unit: Decimal
    per_day: Decimal
    # Said in words on the page, under the table.
    rule: str
    measure: Callable[[list, date], dict[int, Measure]]
    reason: Callable[[Measure], str]

    def points(self, measure: Measure) -> Decimal:
        if not measure.amount:
            return Decimal(0)
        return self.per_unit * measure.amount + self.per_day * min(measure.days, DAY_CAP)


TERMS: list[Term] = []


def term(*, key: str, label, per_unit: str, per_day: str = "0", rule, reason):
    """Register the decorated function as the measure of a term of the risk."""

    def register(measure):
        TERMS.append(Term(key, label, Decimal(per_unit), Decimal(per_day), rule, measure, reason))
        return measure

    return register


def _said(words, measure: Measure) -> str:
    """`words` from ngettext_lazy(…, "count"): the form for the measure's count."""
    return words % {"count": int(measure.amount), "days": measure.days}


@term(
    key="completeness",
    label=_("Completeness score"),
    per_unit="0.5",
    rule=_("half a point for each point of the completeness score below 100"),
    reason=lambda m: _("completeness score %(score)s") % {"score": PERFECT_SCORE - m.amount},
)
def completeness(rows: list, today: date) -> dict[int, Measure]:
    return {
        row.village.pk: Measure(PERFECT_SCORE - row.score) for row in rows if row.score is not None
    }


def _strong_flags_reason(measure: Measure) -> str:
    if measure.days:
        return _said(
            ngettext_lazy(
                "%(count)d strong flag open for %(days)d days",
                "%(count)d strong flags open for %(days)d days",
                "count",
            ),
            measure,
        )
    return _said(
        ngettext_lazy(
            "%(count)d strong flag raised today", "%(count)d strong flags raised today", "count"
        ),
        measure,
    )


@term(
    key="strong_flags",
    label=_("Strong red flags open"),
    per_unit="10",
    per_day="0.2",
    rule=_(
        "10 points for each strong red flag not closed or dismissed, and 0.2 for each day the "
        "oldest has been open"
    ),
    reason=_strong_flags_reason,
)
def strong_flags(rows: list, today: date) -> dict[int, Measure]:
    """The strong flags raised today whose case is not finished; a flag seen for the first time
    today, without a case yet, is open since today."""
    raised = {row.village.pk: set(row.strong_keys) for row in rows}
    cases = FlagCase.objects.filter(village_id__in=list(raised), strong=True)
    cases = cases.values_list("village_id", "key", "status", "first_seen_on")
    finished, since = set(), {}
    for village_id, key, status, first_seen_on in cases:
        if status in FINISHED:
            finished.add((village_id, key))
        else:
            since[(village_id, key)] = first_seen_on
    found = {}
    for village_id, keys in raised.items():
        open_keys = [key for key in keys if (village_id, key) not in finished]
        if open_keys:
            oldest = min(since.get((village_id, key), today) for key in open_keys)
            found[village_id] = Measure(Decimal(len(open_keys)), (today - oldest).days)
    return found


@term(
    key="overdue_rectifications",
    label=_("Rectifications overdue"),
    per_unit="15",
    per_day="0.5",
    rule=_(
        "15 points for each rectification past its deadline, and 0.5 for each day the oldest "
        "is late"
    ),
    reason=lambda m: _said(
        ngettext_lazy(
            "%(count)d rectification overdue by %(days)d days",
            "%(count)d rectifications overdue, the oldest by %(days)d days",
            "count",
        ),
        m,
    ),
)
def overdue_rectifications(rows: list, today: date) -> dict[int, Measure]:
    late = (
        FlagCase.objects.filter(
            village_id__in=[row.village.pk for row in rows],
            status=CaseStatus.RECTIFYING,
            deadline__lt=today,
        )
        .values("village_id")
        .annotate(number=Count("pk"), oldest=Min("deadline"))
        .order_by()
    )
    return {
        found["village_id"]: Measure(Decimal(found["number"]), (today - found["oldest"]).days)
        for found in late
    }


@term(
    key="overdue_questions",
    label=_("Questions overdue"),
    per_unit="8",
    rule=_(
        "8 points for each question left past a deadline: neither listed nor rejected by the "
        "supervision committee in time, or listed and not answered in time"
    ),
    reason=lambda m: _said(
        ngettext_lazy("%(count)d question overdue", "%(count)d questions overdue", "count"), m
    ),
)
def overdue_questions(rows: list, today: date) -> dict[int, Measure]:
    return {row.village.pk: Measure(Decimal(row.questions.late)) for row in rows}


@term(
    key="open_reports",
    label=_("Reports open"),
    per_unit="6",
    rule=_(
        "6 points for each report received or under investigation (only for those who may "
        "see reports)"
    ),
    reason=lambda m: _said(
        ngettext_lazy("%(count)d report open", "%(count)d reports open", "count"), m
    ),
)
def open_reports(rows: list, today: date) -> dict[int, Measure]:
    return {
        row.village.pk: Measure(Decimal(row.reports["received"] + row.reports["investigating"]))
        for row in rows
        if row.reports is not None
    }


@term(
    key="dissatisfaction",
    label=_("Not satisfied (%)"),
    per_unit="0.2",
    rule=_("0.2 points for each per cent of this year's ratings that say not satisfied"),
    reason=lambda m: _("%(share)s%% of ratings not satisfied") % {"share": m.amount},
)
def dissatisfaction(rows: list, today: date) -> dict[int, Measure]:
    found = {}
    for row in rows:
        ratings = row.satisfaction
        if ratings.total:
            share = Decimal(100) * ratings.not_satisfied / ratings.total
            found[row.village.pk] = Measure(share.quantize(Decimal(1)))
    return found


@dataclass(frozen=True)
class Risk:
    points: Decimal
    measures: dict[str, Measure]
    reasons: list[str]

    @property
    def reason(self) -> str:
        return pgettext("between the reasons of a village's risk", "; ").join(self.reasons)


def assess(rows: list, today: date) -> dict[int, Risk]:
    """The risk of each row's village, with its one-line reason."""
    found = {term.key: term.measure(rows, today) for term in TERMS}
    risks = {}
    for row in rows:
        pk = row.village.pk
        measures = {term.key: found[term.key].get(pk, NOTHING) for term in TERMS}
        weighed = [(term.points(measures[term.key]), term) for term in TERMS]
        weighed = [(points, term) for points, term in weighed if points]
        weighed.sort(key=lambda pair: -pair[0])
        risks[pk] = Risk(
            points=sum((points for points, _term in weighed), Decimal(0)).quantize(Decimal("0.1")),
            measures=measures,
            reasons=[str(term.reason(measures[term.key])) for _points, term in weighed],
        )
    return risks
