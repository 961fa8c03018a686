"""Questions left past a deadline go up to the township, once for each deadline missed."""

import datetime

import pytest
from django.core import mail

from disclosure.participation import questions
from disclosure.participation.escalation import escalate_late_questions
from disclosure.participation.jobs import escalate_questions
from disclosure.publishing import messaging

from ..clock import at, on
from .conftest import answered, ask, listed

D = datetime.date


@pytest.fixture(autouse=True)
def _addresses(township_official, supervisor_a):
    messaging.outbox.clear()
    for user in (township_official, supervisor_a):
        user.email = f"{user.username}@example.cn"
        user.save()


def to_the_township() -> list:
    return [email for email in mail.outbox if "official@example.cn" in email.to]


def _sent(task_queue, django_capture_on_commit_callbacks, today) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        count = escalate_late_questions(today=today)
    task_queue.run()
    return count


def test_a_question_the_committee_left_past_its_deadline_reaches_the_township_once(
    about_notice_a, task_queue, django_capture_on_commit_callbacks
):
    ask(about_notice_a, text="修路款是否已付清？", now=at(2025, 6, 2))  # to be listed by 6 June
    assert _sent(task_queue, django_capture_on_commit_callbacks, D(2025, 6, 7)) == 0
    assert _sent(task_queue, django_capture_on_commit_callbacks, D(2025, 6, 8)) == 1
    assert _sent(task_queue, django_capture_on_commit_callbacks, D(2025, 6, 9)) == 0

    (email,) = to_the_township()
    assert email.to == ["official@example.cn"]
    assert "修路款是否已付清？" in email.body and "2025-06-07" in email.body


def test_a_listed_question_left_unanswered_is_escalated_again(
    settings, about_notice_a, supervisor_a, task_queue, django_capture_on_commit_callbacks
):
    settings.QUESTIONS_ANSWER_DAYS = 10
    question = ask(about_notice_a, now=at(2025, 6, 2))
    _sent(task_queue, django_capture_on_commit_callbacks, D(2025, 6, 8))
    listed(question, supervisor_a, now=at(2025, 6, 9))  # to be answered by 19 June

    assert _sent(task_queue, django_capture_on_commit_callbacks, D(2025, 6, 19)) == 0
    assert _sent(task_queue, django_capture_on_commit_callbacks, D(2025, 6, 20)) == 1
    assert len(to_the_township()) == 2
    assert "2025-06-19" in to_the_township()[1].body


def test_questions_answered_or_rejected_in_time_are_not_escalated(
    about_notice_a, supervisor_a, clerk_a, task_queue, django_capture_on_commit_callbacks
):
    first = ask(about_notice_a, now=at(2025, 6, 2))
    answered(listed(first, supervisor_a, now=at(2025, 6, 3)), clerk_a, now=at(2025, 6, 4))
    second = ask(about_notice_a, now=at(2025, 6, 2), ip="10.0.0.9")
    questions.reject_question(question=second, reason="重复提问。", by=supervisor_a)

    assert _sent(task_queue, django_capture_on_commit_callbacks, D(2025, 9, 1)) == 0
    assert to_the_township() == []


def test_the_daily_job_escalates_the_day_s_late_questions(about_notice_a):
    question = ask(about_notice_a, now=at(2025, 6, 2))
    with on(D(2025, 6, 8)):
        escalate_questions(timestamp=0)
    question.refresh_from_db()
    assert question.escalated_on == D(2025, 6, 8)
