"""The figures the township's dashboard reads: per village, in a constant number of queries."""

import datetime
from decimal import Decimal

from disclosure.participation import questions, ratings, subjects
from disclosure.participation.services import (
    QuestionCounts,
    RatingSummary,
    listing_overdue_questions,
    overdue_questions,
    question_counts,
    rating_summary,
    rejected_questions,
)

from ..clock import at
from .conftest import answered, ask, listed

LISTED_ON = at(2026, 3, 2)
# Ten days to answer (QUESTIONS_ANSWER_DAYS): due by 12 March.
DUE = datetime.date(2026, 3, 12)


def test_every_village_asked_for_has_counts_even_without_questions(village_a, village_b):
    counts = question_counts([village_a.pk, village_b.pk], DUE)
    assert counts == {village_a.pk: QuestionCounts(), village_b.pk: QuestionCounts()}


def test_a_question_counts_as_pending_then_open_then_overdue_then_answered_late(
    settings, about_notice_a, village_a, supervisor_a, clerk_a
):
    settings.QUESTIONS_ANSWER_DAYS = 10
    question = ask(about_notice_a, now=at(2026, 3, 1))
    assert question_counts([village_a.pk], DUE)[village_a.pk].pending == 1

    question = listed(question, supervisor_a, now=LISTED_ON)
    assert question.due_on == DUE
    on_time = question_counts([village_a.pk], DUE)[village_a.pk]
    assert (on_time.open, on_time.overdue) == (1, 0)
    late = question_counts([village_a.pk], DUE + datetime.timedelta(days=1))[village_a.pk]
    assert (late.open, late.overdue) == (1, 1)
    assert list(overdue_questions([village_a.pk], DUE + datetime.timedelta(days=1))) == [question]
    assert not overdue_questions([village_a.pk], DUE).exists()

    answered(question, clerk_a, now=at(2026, 3, 13))
    after = question_counts([village_a.pk], datetime.date(2026, 3, 20))[village_a.pk]
    assert after == QuestionCounts(pending=0, open=0, overdue=0, answered=1, answered_late=1)


def test_a_question_left_past_the_committee_s_deadline_counts_as_late_then_as_rejected(
    settings, about_notice_a, village_a, supervisor_a
):
    settings.QUESTIONS_LISTING_DAYS = 5
    question = ask(about_notice_a, now=at(2026, 3, 1))
    assert question.list_by == datetime.date(2026, 3, 6)
    on_the_day = question_counts([village_a.pk], datetime.date(2026, 3, 6))[village_a.pk]
    assert (on_the_day.pending, on_the_day.listing_overdue, on_the_day.late) == (1, 0, 0)
    after = question_counts([village_a.pk], datetime.date(2026, 3, 7))[village_a.pk]
    assert (after.pending, after.listing_overdue, after.late) == (1, 1, 1)
    assert list(listing_overdue_questions([village_a.pk], datetime.date(2026, 3, 7))) == [question]

    questions.reject_question(question=question, reason="重复提问。", by=supervisor_a)
    rejected = question_counts([village_a.pk], datetime.date(2026, 3, 7))[village_a.pk]
    assert (rejected.pending, rejected.listing_overdue, rejected.rejected) == (0, 0, 1)
    assert [q.reject_reason for q in rejected_questions([village_a.pk])] == ["重复提问。"]


def test_an_answer_on_the_due_day_is_on_time_in_shanghai(
    about_notice_a, village_a, supervisor_a, clerk_a
):
    question = listed(ask(about_notice_a), supervisor_a, now=LISTED_ON)
    # 23:30 in Shanghai on the due day is still the due day, though UTC has moved on.
    answered(question, clerk_a, now=at(2026, 3, 12, hour=23) + datetime.timedelta(minutes=30))
    counts = question_counts([village_a.pk], datetime.date(2026, 4, 1))[village_a.pk]
    assert (counts.answered, counts.answered_late) == (1, 0)


def test_counts_keep_villages_apart_and_cost_one_query(
    about_notice_a, notice_b, village_a, village_b, village_c, django_assert_num_queries
):
    ask(about_notice_a, ip="10.0.0.1")
    ask(about_notice_a, ip="10.0.0.2")
    ask(subjects.find(subjects.POSTING, notice_b.code), ip="10.0.0.3")
    with django_assert_num_queries(1):
        counts = question_counts([village_a.pk, village_b.pk, village_c.pk], DUE)
    assert [counts[v.pk].pending for v in (village_a, village_b, village_c)] == [2, 1, 0]


def _rate(posting, choice, ip, now=None):
    return ratings.rate(
        posting=posting, choice=choice, already_rated=False, ip=ip, now=now or at(2026, 4, 2)
    )


def test_rating_summary_counts_each_choice_and_the_share_satisfied(
    period_a, village_a, village_b, django_assert_num_queries
):
    posting = period_a.posting
    for n, choice in enumerate(["satisfied", "satisfied", "basically_satisfied"]):
        _rate(posting, choice, f"10.0.1.{n}")
    _rate(posting, "not_satisfied", "10.0.1.9", now=at(2026, 1, 5))
    with django_assert_num_queries(1):
        summary = rating_summary([village_a.pk, village_b.pk])
    assert summary[village_a.pk] == RatingSummary(2, 1, 1, 4, Decimal("75.0"))
    assert summary[village_b.pk] == RatingSummary(0, 0, 0, 0, None)
    since = rating_summary([village_a.pk], since=datetime.date(2026, 2, 1))[village_a.pk]
    assert (since.total, since.satisfied_share) == (3, Decimal("100.0"))


def test_the_share_is_rounded_to_one_decimal(period_a, village_a):
    for n, choice in enumerate(["satisfied", "not_satisfied", "not_satisfied"]):
        _rate(period_a.posting, choice, f"10.0.2.{n}")
    assert rating_summary([village_a.pk])[village_a.pk].satisfied_share == Decimal("33.3")
