"""A listed question is a public record: listing it and answering it each append one leaf to
the county's log, and verify_chain names a question changed behind the portal."""

from disclosure.participation import questions
from disclosure.participation.models import Question

from ..records import appended_by, logs, problems, tamper
from .conftest import answered, ask, listed


def test_listing_a_question_appends_one_leaf_with_its_digest(
    about_notice_a, supervisor_a, village_a
):
    question = ask(about_notice_a, name="王秀英", phone="13812345678")

    listed_question, leaves = appended_by(village_a, lambda: listed(question, supervisor_a))

    assert len(leaves) == 1
    assert logs(leaves[0], "question", listed_question)


def test_answering_appends_one_more_leaf_for_the_answered_state(
    about_notice_a, clerk_a, supervisor_a, village_a
):
    question = listed(ask(about_notice_a), supervisor_a)
    first = question.record_digest

    answered_question, leaves = appended_by(village_a, lambda: answered(question, clerk_a))

    assert len(leaves) == 1
    assert logs(leaves[0], "question", answered_question)
    assert leaves[0].digest != first


def test_a_question_not_listed_appends_nothing(about_notice_a, supervisor_a, village_a):
    question = ask(about_notice_a)

    _result, leaves = appended_by(
        village_a,
        lambda: questions.reject_question(question=question, reason="与本村无关", by=supervisor_a),
    )

    assert leaves == []
    assert Question.objects.get(pk=question.pk).record_digest == ""


def test_the_document_shows_the_name_masked_and_never_the_phone(about_notice_a, supervisor_a):
    question = listed(ask(about_notice_a, name="王秀英", phone="13812345678"), supervisor_a)

    document = question.record_document()

    assert document["asked_by"] == "王*"
    assert "13812345678" not in str(document) and "王秀英" not in str(document)


def test_a_changed_answer_is_named_by_verify_chain(
    about_notice_a, clerk_a, supervisor_a, village_a
):
    question = answered(listed(ask(about_notice_a), supervisor_a), clerk_a)

    tamper("UPDATE participation_question SET answer = '不予答复。' WHERE id = %s", [question.pk])

    assert problems(village_a) == [
        f"清河村 (990101001001): question {question.pk} about “{question.subject_label}”: what "
        "villagers read of it no longer matches its digest."
    ]


def test_a_changed_name_is_named_when_what_is_shown_changes(
    about_notice_a, clerk_a, supervisor_a, village_a
):
    question = listed(ask(about_notice_a, name="王秀英"), supervisor_a)

    tamper("UPDATE participation_question SET name = '王二' WHERE id = %s", [question.pk])
    assert problems(village_a) == []
    tamper("UPDATE participation_question SET name = '张秀英' WHERE id = %s", [question.pk])
    assert len(problems(village_a)) == 1


def test_a_listed_question_put_back_to_moderation_is_named(about_notice_a, supervisor_a, village_a):
    question = listed(ask(about_notice_a), supervisor_a)

    tamper("UPDATE participation_question SET status = 'pending' WHERE id = %s", [question.pk])

    assert problems(village_a) == [
        f"清河村 (990101001001): question {question.pk} about “{question.subject_label}”: the "
        "county's transparency log names it, but it no longer exists or is no longer shown to "
        "villagers."
    ]
