"""The completeness score's arithmetic and the red and black lists, with their reasons."""

import datetime
from decimal import Decimal

import pytest

from disclosure.oversight.calendar import DueItem, DueSection, DueStatus
from disclosure.oversight.scoring import Standing, judge_village, ranking_key, score, tally

pytestmark = pytest.mark.usefixtures("english")

DUE = datetime.date(2025, 4, 15)


def item(status, section=DueSection.GENERAL, label="General village affairs 2025, quarter 1"):
    return DueItem(section, label, DUE, None, status, "/")


def items(on_time=0, late=0, missing=0, not_yet_due=0):
    counts = {
        DueStatus.ON_TIME: on_time,
        DueStatus.LATE: late,
        DueStatus.MISSING: missing,
        DueStatus.NOT_YET_DUE: not_yet_due,
    }
    return [item(status) for status, n in counts.items() for _ in range(n)]


def test_on_time_counts_whole_late_half_missing_nothing():
    assert score(items(on_time=2, late=1, missing=1)) == Decimal("62.5")


def test_items_not_yet_due_are_left_out():
    assert score(items(on_time=3, not_yet_due=5)) == Decimal("100.0")


def test_the_score_has_one_decimal_rounded_half_up():
    # 2 of 3: 66.666… → 66.7; ½ of 3: 16.666… → 16.7; 1 on time and 1 late of 8: 18.75 → 18.8.
    assert score(items(on_time=2, missing=1)) == Decimal("66.7")
    assert score(items(late=1, missing=2)) == Decimal("16.7")
    assert score(items(on_time=1, late=1, missing=6)) == Decimal("18.8")


def test_nothing_judged_means_no_score():
    assert score(items(not_yet_due=4)) is None
    assert score([]) is None


def test_a_tally_counts_one_section():
    found = items(on_time=1, late=2) + [item(DueStatus.MISSING, section=DueSection.FINANCE)]
    general = tally(found, DueSection.GENERAL)
    assert (general.on_time, general.late, general.missing, general.judged) == (1, 2, 0, 3)
    assert tally(found, DueSection.FINANCE).missing == 1


def test_red_list_needs_the_score_no_overdue_question_and_no_strong_flag(settings):
    settings.OVERSIGHT_RED_LIST_SCORE = 95
    perfect = items(on_time=20)
    assert judge_village(perfect, 0, 0).standing == Standing.RED
    assert judge_village(perfect, 1, 0).standing == Standing.NEITHER
    assert judge_village(perfect, 0, 1).standing == Standing.NEITHER
    # 19 on time, 1 late: 97.5; 18 on time, 2 missing: 90.0.
    assert judge_village(items(on_time=19, late=1), 0, 0).standing == Standing.RED
    assert judge_village(items(on_time=18, missing=2), 0, 0).standing == Standing.NEITHER


def test_exactly_the_red_score_is_enough(settings):
    settings.OVERSIGHT_RED_LIST_SCORE = 95
    assert score(items(on_time=18, late=2)) == Decimal("95.0")
    assert judge_village(items(on_time=18, late=2), 0, 0).standing == Standing.RED


def test_black_list_below_the_black_score_says_so(settings):
    settings.OVERSIGHT_BLACK_LIST_SCORE = 70
    judged = judge_village(items(on_time=2, late=1, missing=1), 0, 0)
    assert judged.standing == Standing.BLACK
    assert judged.reasons == ["Completeness score 62.5 is below 70."]
    assert judge_village(items(on_time=7, missing=3), 0, 0).standing == Standing.NEITHER


def test_a_finance_period_never_disclosed_puts_a_village_on_the_black_list(settings):
    settings.OVERSIGHT_BLACK_LIST_SCORE = 70
    missing = item(DueStatus.MISSING, DueSection.FINANCE, "Finances 2025, quarter 1")
    judged = judge_village(items(on_time=19) + [missing], 0, 0)
    assert score(items(on_time=19) + [missing]) == Decimal("95.0")
    assert judged.standing == Standing.BLACK
    assert judged.reasons == ["Finances 2025, quarter 1 not disclosed (due 2025-04-15)."]


def test_a_strong_flag_alone_does_not_black_list():
    assert judge_village(items(on_time=10), 0, 3).standing == Standing.NEITHER


def test_a_village_without_a_score_stands_on_no_list():
    assert judge_village(items(not_yet_due=3), 5, 5).standing == Standing.NEITHER


def test_ranking_is_by_score_then_code_with_no_score_last():
    villages = [
        ("990101001003", Decimal("80.0")),
        ("990101001002", None),
        ("990101001001", Decimal("80.0")),
        ("990101001004", Decimal("92.5")),
    ]
    ranked = sorted(villages, key=lambda v: ranking_key(v[1], v[0]))
    assert [code for code, _ in ranked] == [
        "990101001004",
        "990101001001",
        "990101001003",
        "990101001002",
    ]
