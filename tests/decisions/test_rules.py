"""The legal thresholds of the four discussions, at their edges, in whole numbers."""

from datetime import date
from fractions import Fraction

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from disclosure.decisions import rules
from disclosure.decisions.models import Body

from .builders import figures

pytestmark = pytest.mark.usefixtures("english")

TODAY = date(2025, 6, 30)


class Held:
    """A recorded stage, as the rules see it."""

    def __init__(self, number, passed=True, attempt=1, held_on=date(2025, 6, 1)):
        self.number, self.passed, self.attempt, self.held_on = number, passed, attempt, held_on


def judged(**kwargs):
    return rules.judge(figures(4, **kwargs))


def test_a_representative_meeting_with_exactly_two_thirds_present_has_a_quorum():
    assert judged(eligible=30, present=20, votes_for=11).passed


def test_a_representative_meeting_with_one_below_two_thirds_present_is_not_passed():
    outcome = judged(eligible=30, present=19, votes_for=19)
    assert not outcome.passed
    assert "19" in outcome.explanation and "20" in outcome.explanation


def test_two_thirds_of_a_number_not_divisible_by_three_is_rounded_up():
    assert rules.TWO_THIRDS.needed(31) == 21
    assert not judged(eligible=31, present=20, votes_for=20).passed
    assert judged(eligible=31, present=21, votes_for=21).passed


def test_exactly_half_of_those_present_voting_for_is_not_passed():
    outcome = judged(eligible=30, present=20, votes_for=10, against=10)
    assert not outcome.passed
    assert "11" in outcome.explanation


def test_half_plus_one_of_those_present_voting_for_is_passed():
    assert judged(eligible=30, present=20, votes_for=11, against=9).passed


def test_nobody_present_is_not_passed():
    assert not judged(eligible=30, present=0, votes_for=0).passed


def test_abstentions_count_among_those_present_but_not_for_the_decision():
    outcome = rules.judge(rules.Figures(4, Body.REPRESENTATIVES, TODAY, 30, 21, 10, 0, 11))
    assert not outcome.passed


def test_a_villagers_meeting_needs_more_than_half_of_the_adult_villagers():
    assert not judged(body=Body.VILLAGERS, eligible=600, present=300, votes_for=300).passed
    assert judged(body=Body.VILLAGERS, eligible=600, present=301, votes_for=200).passed


def test_a_meeting_of_household_representatives_counts_households_not_people():
    missed = judged(body=Body.HOUSEHOLDS, eligible=300, present=150, votes_for=150)
    passed = judged(body=Body.HOUSEHOLDS, eligible=300, present=200, votes_for=101)
    people = judged(body=Body.VILLAGERS, eligible=300, present=150, votes_for=150)

    assert missed.explanation == (
        "Not passed: the meeting lacked a quorum. 150 of 300 households were represented; "
        "at least two thirds (200) must be."
    )
    assert passed.explanation.startswith("Passed: 101 of the 200 households present voted for")
    assert "households" not in people.explanation
    with translation.override("zh-hans"):
        chinese = judged(body=Body.HOUSEHOLDS, eligible=300, present=150, votes_for=150)
    assert "应到300户，实到150户" in chinese.explanation


def test_a_villagers_meeting_of_household_representatives_needs_two_thirds_of_households():
    assert not judged(body=Body.HOUSEHOLDS, eligible=300, present=199, votes_for=199).passed
    assert judged(body=Body.HOUSEHOLDS, eligible=300, present=200, votes_for=101).passed


def test_a_party_members_meeting_needs_two_thirds_of_the_party_members_by_default():
    assert not rules.judge(figures(3, eligible=30, present=19)).passed
    assert rules.judge(figures(3, eligible=30, present=20)).passed


def test_a_county_may_ask_a_stricter_quorum_of_the_party_members_meeting(settings):
    settings.DECISIONS_PARTY_MEMBERS_QUORUM = "4/5"
    assert not rules.judge(figures(3, eligible=30, present=23)).passed
    assert rules.judge(figures(3, eligible=30, present=24)).passed


@pytest.mark.parametrize("value", ["1/2", "3/5", "half", "0/3", "4/3"])
def test_a_representative_quorum_looser_than_the_law_is_refused(settings, value):
    settings.DECISIONS_REPRESENTATIVES_QUORUM = value
    with pytest.raises(ImproperlyConfigured):
        rules.judge(figures(4))


def test_the_party_members_quorum_must_be_more_than_half(settings):
    settings.DECISIONS_PARTY_MEMBERS_QUORUM = "1/2"
    with pytest.raises(ImproperlyConfigured):
        rules.judge(figures(3))


def test_the_first_discussion_comes_first():
    assert rules.next_stage([]) == 1
    with pytest.raises(ValidationError, match="discussion 1"):
        rules.check_figures(figures(2, held_on=TODAY), [], TODAY)


def test_a_failed_discussion_is_attempted_again_before_the_next():
    held = [Held(1), Held(2), Held(3, passed=False)]
    assert rules.next_stage(held) == 3
    assert rules.next_stage([*held, Held(3, attempt=2)]) == 4


def test_nothing_follows_a_passed_fourth_discussion():
    held = [Held(1), Held(2), Held(3), Held(4)]
    assert rules.next_stage(held) is None
    with pytest.raises(ValidationError, match="All four"):
        rules.check_figures(figures(4, held_on=TODAY), held, TODAY)


def test_each_discussion_is_held_by_its_own_meeting():
    with pytest.raises(ValidationError) as refused:
        rules.check_figures(figures(1, body=Body.PARTY_MEMBERS, held_on=TODAY), [], TODAY)
    assert "body" in refused.value.message_dict


def test_dates_do_not_go_backwards():
    held = [Held(1, held_on=date(2025, 6, 10))]
    with pytest.raises(ValidationError, match="2025-06-10"):
        rules.check_figures(figures(2, held_on=date(2025, 6, 9)), held, TODAY)
    rules.check_figures(figures(2, held_on=date(2025, 6, 10)), held, TODAY)


def test_a_meeting_in_the_future_is_refused():
    with pytest.raises(ValidationError) as refused:
        rules.check_figures(figures(1, held_on=date(2025, 7, 1)), [], TODAY)
    assert "held_on" in refused.value.message_dict


def test_more_present_than_entitled_is_refused():
    with pytest.raises(ValidationError) as refused:
        rules.check_figures(figures(1, held_on=TODAY, eligible=7, present=8), [], TODAY)
    assert "present" in refused.value.message_dict


def test_more_votes_than_people_present_is_refused():
    with pytest.raises(ValidationError) as refused:
        rules.check_figures(figures(1, held_on=TODAY, present=7, votes_for=8), [], TODAY)
    assert "votes_for" in refused.value.message_dict


def test_votes_add_up_with_those_against_and_abstaining():
    many = rules.Figures(1, Body.PARTY_BRANCH, TODAY, 7, 7, 4, 2, 2)
    with pytest.raises(ValidationError, match="8"):
        rules.check_figures(many, [], TODAY)


def test_the_explanation_reads_in_chinese_by_default():
    with translation.override("zh-hans"):
        outcome = judged(eligible=30, present=19, votes_for=19)
    assert "未通过" in outcome.explanation and "三分之二" in outcome.explanation


@given(part=st.integers(0, 10_000), whole=st.integers(1, 10_000))
def test_whole_number_thresholds_agree_with_exact_fractions(part, whole):
    assert rules.TWO_THIRDS.met(part, whole) == (Fraction(part, whole) >= Fraction(2, 3))
    assert rules.MORE_THAN_HALF.met(part, whole) == (Fraction(part, whole) > Fraction(1, 2))


@given(whole=st.integers(1, 10_000))
def test_the_number_needed_is_the_smallest_that_meets_the_threshold(whole):
    for threshold in (rules.TWO_THIRDS, rules.MORE_THAN_HALF):
        needed = threshold.needed(whole)
        assert threshold.met(needed, whole)
        assert not threshold.met(needed - 1, whole)


def test_a_notice_period_shorter_than_a_day_is_refused(settings):
    settings.DECISIONS_NOTICE_DAYS = 0
    with pytest.raises(ImproperlyConfigured):
        rules.notice_days()


def test_the_system_check_names_a_quorum_looser_than_the_law(settings):
    assert rules.check_settings() == []
    settings.DECISIONS_REPRESENTATIVES_QUORUM = "1/2"
    assert [error.id for error in rules.check_settings()] == ["decisions.E001"]
    assert "DECISIONS_REPRESENTATIVES_QUORUM" in rules.check_settings()[0].msg
