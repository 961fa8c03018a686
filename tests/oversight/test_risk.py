"""The ranking by risk: which village the township visits first, and why, in one line.

The rows are built by hand with the figures the dashboard keeps, so that each term's weight can be
read off; the cases of flags are real rows, as the terms read them from the database."""

import datetime
from decimal import Decimal

import pytest

from disclosure.oversight import risk
from disclosure.oversight.scoring import Judgement, Standing
from disclosure.oversight.services import VillageRow, ranked
from disclosure.participation.services import QuestionCounts, RatingSummary
from disclosure.redflags.models import CaseStatus, FlagCase

pytestmark = pytest.mark.usefixtures("english")

D = datetime.date
TODAY = D(2025, 6, 1)
NO_REPORTS = {"received": 0, "investigating": 0, "concluded": 0}


def row(village, *, score="100.0", strong_keys=(), overdue=0, reports=None, ratings=(0, 0, 0)):
    return VillageRow(
        village=village,
        tallies={},
        score=None if score is None else Decimal(score),
        judgement=Judgement(Standing.NEITHER),
        questions=QuestionCounts(open=overdue, overdue=overdue),
        satisfaction=RatingSummary.of(*ratings),
        flags=len(strong_keys),
        strong_flags=len(strong_keys),
        strong_keys=list(strong_keys),
        open_orders=0,
        reports=NO_REPORTS if reports is None else reports,
    )


def case(village, key, *, first_seen_on, status=CaseStatus.OPEN, deadline=None):
    return FlagCase.objects.create(
        village=village,
        rule=key.split("/")[0],
        key=key,
        strong=True,
        title=key,
        explanation="",
        url="",
        first_seen_on=first_seen_on,
        last_seen_on=TODAY,
        status=status,
        deadline=deadline,
    )


def test_a_complete_village_with_old_strong_flags_an_overdue_question_and_a_report_comes_first(
    village_a, village_b
):
    """杏花村's case: first by completeness, yet the one to visit first."""
    for number in range(3):
        case(village_a, f"rule/{number}", first_seen_on=TODAY - datetime.timedelta(days=40))
    troubled = row(
        village_a,
        score="100.0",
        strong_keys=["rule/0", "rule/1", "rule/2"],
        overdue=1,
        reports={"received": 1, "investigating": 0, "concluded": 0},
    )
    late = row(village_b, score="60.0")

    first, second = ranked([late, troubled], TODAY)

    assert (first.village, second.village) == (village_a, village_b)
    # 3 × 10 + 40 days × 0.2 = 38; 8 for the question; 6 for the report.
    assert first.risk.points == Decimal("52.0")
    assert first.risk.reason == (
        "3 strong flags open for 40 days; 1 question overdue; 1 report open"
    )
    # 40 points short of 100, half a point each.
    assert (second.risk.points, second.risk.reason) == (Decimal("20.0"), "completeness score 60.0")


def test_finished_cases_weigh_nothing_though_their_flag_is_still_raised(village_a):
    case(village_a, "rule/closed", first_seen_on=D(2025, 1, 1), status=CaseStatus.CLOSED)
    case(village_a, "rule/dismissed", first_seen_on=D(2025, 1, 1), status=CaseStatus.DISMISSED)

    (only,) = ranked([row(village_a, strong_keys=["rule/closed", "rule/dismissed"])], TODAY)

    assert only.risk.points == 0
    assert only.risk.reason == ""


def test_a_strong_flag_without_a_case_yet_is_open_since_today(village_a):
    (only,) = ranked([row(village_a, strong_keys=["rule/new"])], TODAY)

    assert only.risk.points == 10
    assert only.risk.reason == "1 strong flag raised today"


def test_an_open_case_whose_flag_is_no_longer_raised_weighs_nothing(village_a):
    """The rent was paid: the flag is gone, though the township has yet to close its case."""
    case(village_a, "rule/paid", first_seen_on=D(2025, 1, 1), status=CaseStatus.ACKNOWLEDGED)

    (only,) = ranked([row(village_a)], TODAY)

    assert only.risk.points == 0


def test_a_rectification_past_its_deadline_weighs_by_the_days_it_is_late(village_a, village_b):
    case(
        village_a,
        "rule/late",
        first_seen_on=D(2025, 5, 1),
        status=CaseStatus.RECTIFYING,
        deadline=D(2025, 5, 20),
    )
    case(
        village_b,
        "rule/on_time",
        first_seen_on=D(2025, 5, 1),
        status=CaseStatus.RECTIFYING,
        deadline=TODAY,
    )

    late, on_time = ranked([row(village_a), row(village_b)], TODAY)

    # 15 for the rectification, 12 days late × 0.5.
    assert (late.risk.points, late.risk.reason) == (
        Decimal("21.0"),
        "1 rectification overdue by 12 days",
    )
    assert on_time.risk.points == 0


def test_days_beyond_the_cap_add_nothing(village_a):
    case(village_a, "rule/old", first_seen_on=TODAY - datetime.timedelta(days=400))

    (only,) = ranked([row(village_a, strong_keys=["rule/old"])], TODAY)

    assert only.risk.points == 10 + Decimal("0.2") * risk.DAY_CAP
    assert only.risk.reason == "1 strong flag open for 400 days"


def test_dissatisfaction_weighs_by_the_share_of_not_satisfied_ratings(village_a, village_b):
    unhappy, unrated = ranked(
        [row(village_b), row(village_a, ratings=(5, 5, 10))],
        TODAY,
    )

    assert unhappy.village == village_a
    assert (unhappy.risk.points, unhappy.risk.reason) == (
        Decimal("10.0"),
        "50% of ratings not satisfied",
    )
    assert unrated.risk.points == 0


def test_reports_weigh_only_where_the_reader_may_see_them(village_a):
    hidden = row(village_a)
    hidden.reports = None

    (only,) = ranked([hidden], TODAY)

    assert only.risk.points == 0


def test_a_village_without_a_score_is_not_marked_down_for_it(village_a):
    (only,) = ranked([row(village_a, score=None)], TODAY)

    assert only.risk.points == 0


def test_equal_risks_are_ranked_by_completeness_score(village_a, village_b):
    better, worse = ranked(
        [row(village_a, score=None), row(village_b, score="100.0")],
        TODAY,
    )

    assert (better.village, worse.village) == (village_b, village_a)


def test_a_term_added_to_the_module_reaches_the_ranking_and_its_reason(village_a, monkeypatch):
    """How another measure (the committee's findings left unanswered) joins the ranking."""
    monkeypatch.setattr(risk, "TERMS", list(risk.TERMS))
    risk.term(
        key="unanswered_findings",
        label="Findings unanswered",
        per_unit="4",
        rule="4 points for each finding unanswered",
        reason=lambda m: f"{m.amount} findings unanswered",
    )(lambda rows, today: {r.village.pk: risk.Measure(Decimal(2)) for r in rows})

    (only,) = ranked([row(village_a)], TODAY)

    assert (only.risk.points, only.risk.reason) == (Decimal("8.0"), "2 findings unanswered")
