"""A question's way through moderation to its answer: who may do what, what is kept, what mailed."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from disclosure.participation import questions
from disclosure.participation.models import Question, QuestionStatus
from disclosure.publishing.models import AuditEntry

from ..clock import at
from .conftest import answered, ask, listed


def _emails(*users):
    for user in users:
        user.email = f"{user.username}@example.cn"
        user.save()


def test_phone_numbers_are_accepted_as_villagers_write_them():
    assert questions.clean_phone("+86 138-1234-5678") == "13812345678"
    assert questions.clean_phone("１３８１２３４５６７８") == "13812345678"
    assert questions.clean_phone("  ") == ""
    for wrong in ["12812345678", "1381234567", "0571-8888888", "phone"]:
        with pytest.raises(ValidationError):
            questions.clean_phone(wrong)


def test_numbers_typed_into_a_question_are_masked_before_it_is_kept(about_notice_a):
    question = ask(about_notice_a, text="我的电话13812345678，身份证320102199001011234，请回电。")
    assert "13812345678" not in question.text
    assert "138****5678" in question.text
    assert "3201**********1234" in question.text


def test_one_address_may_ask_again_an_hour_later(settings, about_notice_a):
    settings.QUESTIONS_PER_HOUR = 1
    with time_machine.travel(at(2026, 3, 1, hour=9), tick=False):
        ask(about_notice_a)
    with time_machine.travel(at(2026, 3, 1, hour=9) + datetime.timedelta(minutes=59), tick=False):
        with pytest.raises(ValidationError, match="请稍后再试"):
            ask(about_notice_a)
    with time_machine.travel(at(2026, 3, 1, hour=10) + datetime.timedelta(minutes=1), tick=False):
        ask(about_notice_a)
    assert Question.objects.count() == 2


def test_a_new_question_is_mailed_to_the_supervisors_and_a_listed_one_to_who_answers(
    about_notice_a,
    clerk_a,
    supervisor_a,
    supervisor_b,
    township_official,
    task_queue,
):
    _emails(clerk_a, supervisor_a, supervisor_b, township_official)
    question = ask(about_notice_a, name="张建国", phone="13812345678")
    task_queue.run()
    assert [message.to for message in mail.outbox] == [["supervisor_a@example.cn"]]
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert "清河村" in body and f"/staff/participation/questions/{question.pk}/" in body
    assert "5678" not in body and "张建国" not in body

    listed(question, supervisor_a)
    task_queue.run()
    assert sorted(mail.outbox[1].to) == ["clerk_a@example.cn", "supervisor_a@example.cn"]
    assert "5678" not in mail.outbox[1].body


def test_the_answer_is_due_the_configured_number_of_days_after_listing(
    settings, about_notice_a, supervisor_a
):
    settings.QUESTIONS_ANSWER_DAYS = 3
    question = listed(ask(about_notice_a), supervisor_a, now=at(2026, 3, 30, hour=23))
    assert question.due_on == datetime.date(2026, 4, 2)
    assert not question.is_overdue(datetime.date(2026, 4, 2))
    assert question.is_overdue(datetime.date(2026, 4, 3))


@pytest.mark.parametrize("who", ["clerk_a", "supervisor_b", "township_official"])
def test_only_the_villages_supervision_committee_moderates(request, about_notice_a, who):
    question = ask(about_notice_a)
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        questions.list_question(question=question, by=user)
    with pytest.raises(PermissionDenied):
        questions.reject_question(question=question, reason="无关", by=user)
    assert Question.objects.get().status == QuestionStatus.PENDING


def test_a_question_not_listed_keeps_its_reason_and_is_never_shown(
    client, about_notice_a, notice_a, supervisor_a
):
    question = ask(about_notice_a, text="广告：收购旧家电，价格公道")
    with pytest.raises(ValidationError):
        questions.reject_question(question=question, reason="  ", by=supervisor_a)
    question = questions.reject_question(
        question=question, reason="广告，与村务无关", by=supervisor_a
    )
    assert (question.status, question.reject_reason) == (
        QuestionStatus.REJECTED,
        "广告，与村务无关",
    )
    assert "收购旧家电" not in client.get(f"/q/p/{notice_a.code}/").content.decode()
    with pytest.raises(ValidationError, match="已经审核过"):
        listed(question, supervisor_a)
    entry = AuditEntry.objects.get(action="question.reject")
    assert (entry.user, entry.village, entry.detail["question"]) == (
        supervisor_a,
        notice_a.village,
        question.pk,
    )


@pytest.mark.parametrize("who", ["clerk_a", "supervisor_a"])
def test_the_clerk_or_a_supervisor_answers_once(request, about_notice_a, supervisor_a, who):
    question = listed(ask(about_notice_a), supervisor_a)
    user = request.getfixturevalue(who)
    question = answered(question, user, text="已答复。")
    assert (question.status, question.answered_by_name) == (
        QuestionStatus.ANSWERED,
        user.public_name,
    )
    assert AuditEntry.objects.filter(action="question.answer", user=user).exists()
    with pytest.raises(ValidationError, match="已经答复"):
        answered(question, user)


@pytest.mark.parametrize("who", ["clerk_b", "township_official", "administrator"])
def test_nobody_outside_the_village_answers(request, about_notice_a, supervisor_a, who):
    question = listed(ask(about_notice_a), supervisor_a)
    with pytest.raises(PermissionDenied):
        answered(question, request.getfixturevalue(who))
    assert Question.objects.get().answer == ""


def test_a_question_waiting_for_moderation_cannot_be_answered(about_notice_a, clerk_a):
    with pytest.raises(ValidationError, match="审核公开的问题才能答复"):
        answered(ask(about_notice_a), clerk_a)
    with pytest.raises(ValidationError):
        answered(Question.objects.get(), clerk_a, text="   ")


def test_an_answered_question_is_permanent_in_the_database_itself(
    about_notice_a, supervisor_a, clerk_a
):
    question = answered(listed(ask(about_notice_a), supervisor_a), clerk_a)
    with pytest.raises(IntegrityError, match="permanent"), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(answer="改过的答复")
    with pytest.raises(IntegrityError, match="permanent"), transaction.atomic():
        Question.objects.filter(pk=question.pk).delete()
    assert Question.objects.get().answer == "用于村道硬化，详见凭证。"


def test_a_question_not_yet_answered_may_still_change(about_notice_a, supervisor_a):
    question = ask(about_notice_a)
    Question.objects.filter(pk=question.pk).update(text="改正错别字")
    listed(question, supervisor_a)
