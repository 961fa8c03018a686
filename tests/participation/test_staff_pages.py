"""The workspace of questions: who sees what, who may list, reject and answer (role × village)."""

import datetime

import pytest
from django.test import Client

from disclosure.participation import ratings
from disclosure.participation.models import Question, QuestionStatus

from ..clock import at
from .conftest import answered, ask, listed

PASSWORD = "correct horse battery staple"
EVERYONE = [
    "clerk_a",
    "supervisor_a",
    "clerk_b",
    "supervisor_b",
    "township_official",
    "other_township_official",
    "report_handler",
    "village_report_handler",
    "administrator",
]


def signed_in(request, who) -> Client:
    client = Client()
    if who != "anonymous":
        user = request.getfixturevalue(who)
        assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def pending(about_notice_a):
    return ask(about_notice_a, name="张建国", phone="13812345678")


# Village A's question page: its staff and those above it read it; other villages and the report
# handlers (who draft nothing) find nothing there.
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("clerk_a", 200),
        ("supervisor_a", 200),
        ("clerk_b", 404),
        ("supervisor_b", 404),
        ("township_official", 200),
        ("other_township_official", 404),
        ("report_handler", 404),
        ("village_report_handler", 404),
        ("administrator", 200),
    ],
)
def test_who_reads_a_question_in_the_workspace(request, pending, who, status):
    response = signed_in(request, who).get(f"/staff/participation/questions/{pending.pk}/")
    assert response.status_code == status


def test_the_anonymous_are_sent_to_log_in(client, pending):
    response = client.get(f"/staff/participation/questions/{pending.pk}/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]
    assert client.post(f"/staff/participation/questions/{pending.pk}/list/").status_code == 302
    assert Question.objects.get().status == QuestionStatus.PENDING


@pytest.mark.parametrize(("who", "masked_phone"), [("clerk_a", True), ("township_official", False)])
def test_the_phone_reaches_only_the_answering_staff_and_masked(request, pending, who, masked_phone):
    page = signed_in(request, who).get(f"/staff/participation/questions/{pending.pk}/")
    html = page.content.decode()
    assert "13812345678" not in html
    assert ("138****5678" in html) is masked_phone


LIST = {
    "supervisor_a": 302,
    "clerk_a": 403,
    "clerk_b": 404,
    "supervisor_b": 404,
    "township_official": 403,
    "other_township_official": 404,
    "report_handler": 404,
    "village_report_handler": 404,
    "administrator": 403,
}


@pytest.mark.parametrize("who", EVERYONE)
def test_who_lists_a_question(request, pending, who):
    response = signed_in(request, who).post(f"/staff/participation/questions/{pending.pk}/list/")
    assert response.status_code == LIST[who]
    expected = QuestionStatus.LISTED if LIST[who] == 302 else QuestionStatus.PENDING
    assert Question.objects.get().status == expected


@pytest.mark.parametrize("who", EVERYONE)
def test_who_rejects_a_question(request, pending, who):
    response = signed_in(request, who).post(
        f"/staff/participation/questions/{pending.pk}/reject/", {"reason": "与村务无关"}
    )
    assert response.status_code == LIST[who]
    expected = QuestionStatus.REJECTED if LIST[who] == 302 else QuestionStatus.PENDING
    assert Question.objects.get().status == expected


def test_rejecting_without_a_reason_changes_nothing(request, pending):
    client = signed_in(request, "supervisor_a")
    response = client.post(f"/staff/participation/questions/{pending.pk}/reject/", {"reason": ""})
    assert response.status_code == 400
    assert "请写明不予公开的理由" in response.content.decode()
    assert Question.objects.get().status == QuestionStatus.PENDING


ANSWER = {
    "supervisor_a": 302,
    "clerk_a": 302,
    "clerk_b": 404,
    "supervisor_b": 404,
    "township_official": 403,
    "other_township_official": 404,
    "report_handler": 404,
    "village_report_handler": 404,
    "administrator": 403,
}


@pytest.mark.parametrize("who", EVERYONE)
def test_who_answers_a_listed_question(request, pending, supervisor_a, who):
    listed(pending, supervisor_a)
    response = signed_in(request, who).post(
        f"/staff/participation/questions/{pending.pk}/answer/", {"answer": "按合同付款。"}
    )
    assert response.status_code == ANSWER[who]
    assert (Question.objects.get().answer == "按合同付款。") is (ANSWER[who] == 302)


def test_an_empty_answer_is_refused_with_a_message(request, pending, supervisor_a):
    listed(pending, supervisor_a)
    response = signed_in(request, "clerk_a").post(
        f"/staff/participation/questions/{pending.pk}/answer/", {"answer": " "}
    )
    assert response.status_code == 400
    assert "请填写答复内容" in response.content.decode()


def test_wrong_ids_are_not_found(request):
    client = signed_in(request, "supervisor_a")
    for url in ["questions/999999/", "questions/999999/list/", "questions/999999/answer/"]:
        method = client.get if url.count("/") == 2 else client.post
        assert method(f"/staff/participation/{url}").status_code == 404


def test_the_queues_show_each_person_their_own_work(
    request, about_notice_a, notice_b, supervisor_a, clerk_a
):
    from disclosure.participation import subjects

    waiting = ask(about_notice_a, text="请问修路款付清了吗？", ip="10.3.0.1")
    to_answer = listed(ask(about_notice_a, text="路灯什么时候装？", ip="10.3.0.2"), supervisor_a)
    ask(subjects.find(subjects.POSTING, notice_b.code), text="柳树村的问题", ip="10.3.0.3")

    supervisor = signed_in(request, "supervisor_a").get("/staff/participation/").content.decode()
    assert "请问修路款付清了吗？" in supervisor and "路灯什么时候装？" in supervisor
    assert "柳树村的问题" not in supervisor
    clerk = signed_in(request, "clerk_a").get("/staff/participation/").content.decode()
    assert 'id="moderate"' not in clerk and "路灯什么时候装？" in clerk
    assert waiting.pk and to_answer.pk


def test_the_start_page_counts_what_waits(request, about_notice_a, supervisor_a):
    question = ask(about_notice_a)
    supervisor = signed_in(request, "supervisor_a").get("/staff/").content.decode()
    assert "质询待审核" in supervisor
    listed(question, supervisor_a)
    clerk = signed_in(request, "clerk_a").get("/staff/").content.decode()
    assert "质询待答复" in clerk and "质询待审核" not in clerk


def test_an_overdue_question_is_highlighted_and_flagged_to_the_township(
    request, settings, about_notice_a, supervisor_a, clerk_a
):
    settings.QUESTIONS_ANSWER_DAYS = 10
    long_ago = at(2020, 1, 2)
    question = listed(ask(about_notice_a, now=long_ago), supervisor_a, now=long_ago)
    assert question.due_on == datetime.date(2020, 1, 12)
    township = signed_in(request, "township_official")
    assert "所辖村逾期未答复的质询" in township.get("/staff/").content.decode()
    overdue = township.get("/staff/participation/").content.decode()
    assert 'class="overdue"' in overdue and "已逾期" in overdue
    other = signed_in(request, "other_township_official").get("/staff/participation/")
    assert "已逾期" not in other.content.decode()
    clerk = signed_in(request, "clerk_a").get("/staff/participation/").content.decode()
    assert 'class="overdue"' in clerk
    answered(question, clerk_a)
    assert "已逾期" not in township.get("/staff/participation/").content.decode()


RATINGS = {
    "clerk_a": True,
    "supervisor_a": True,
    "clerk_b": False,
    "supervisor_b": False,
    "township_official": True,
    "other_township_official": False,
    "report_handler": True,
    "village_report_handler": None,
    "administrator": True,
}


@pytest.mark.parametrize("who", EVERYONE)
def test_who_reads_the_comments_of_village_as_ratings(request, period_a, who):
    ratings.rate(
        posting=period_a.posting,
        choice="not_satisfied",
        comment="招待费太多",
        already_rated=False,
        ip="10.4.0.1",
    )
    response = signed_in(request, who).get("/staff/participation/ratings/")
    if RATINGS[who] is None:
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        assert ("招待费太多" in response.content.decode()) is RATINGS[who]
