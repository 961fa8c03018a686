"""A villager asks on the question page of an item; what the committee lists shows beside it."""

import pytest
from django.test import Client

from disclosure.finance.models import LedgerEntry
from disclosure.participation import subjects
from disclosure.participation.models import Question, QuestionStatus
from disclosure.web.addresses import keyed
from disclosure.web.models import Attempt

from ..decisions.builders import discussed_matter, resolved_matter
from ..factories import draft_posting
from ..finance.ledgers import draft_period
from .conftest import answered, ask, listed

QUESTION = "村道硬化工程款三万八千元，施工队是怎么选的？"


def _post(client, url, **data):
    fields = {"text": QUESTION, "name": "", "phone": "", "website": ""}
    return client.post(url, {**fields, **data}, REMOTE_ADDR="10.1.1.1")


def test_a_question_is_received_and_waits_for_the_supervision_committee(client, notice_a):
    url = f"/q/p/{notice_a.code}/"
    response = _post(client, url, name="张建国", phone="138 1234 5678")
    assert response.status_code == 302
    assert response["Location"] == "/q/receipt/"
    receipt = client.get(response["Location"]).content.decode()
    assert "您的质询已收到" in receipt and "查询码" in receipt
    assert QUESTION not in client.get(url).content.decode()
    question = Question.objects.get()
    assert (question.status, question.phone, question.village) == (
        QuestionStatus.PENDING,
        "13812345678",
        notice_a.village,
    )
    assert "10.1.1.1" not in str(Question.objects.values().get())
    assert Attempt.objects.get().key == keyed("10.1.1.1")


def test_a_listed_question_and_its_answer_show_with_the_name_masked_and_no_phone(
    client, about_notice_a, notice_a, supervisor_a, clerk_a
):
    question = ask(about_notice_a, text=QUESTION, name="张建国", phone="13812345678")
    listed(question, supervisor_a)
    page = client.get(f"/q/p/{notice_a.code}/").content.decode()
    assert QUESTION in page and "张*" in page
    assert "张建国" not in page and "5678" not in page
    assert "答复期限" in page
    answered(Question.objects.get(), clerk_a, text="经村民代表会议公开招标确定。")
    posting_page = client.get(notice_a.get_absolute_url()).content.decode()
    assert "经村民代表会议公开招标确定。" in posting_page
    assert "王会计" in posting_page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "请写下您的问题"),
        ({"text": "钱呢"[:1]}, "至少"),
        ({"text": "问" * 501}, "500"),
        ({"phone": "12345"}, "11位手机号码"),
        ({"name": "张" * 31}, "30"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_saves_nothing(
    client, notice_a, data, message
):
    response = _post(client, f"/q/p/{notice_a.code}/", **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_a_filled_honeypot_looks_received_but_saves_nothing(client, notice_a):
    response = _post(client, f"/q/p/{notice_a.code}/", website="http://spam.example")
    assert response.status_code == 302
    assert not Question.objects.exists()


def test_one_address_may_ask_only_so_often_in_an_hour(client, settings, notice_a):
    settings.QUESTIONS_PER_HOUR = 2
    url = f"/q/p/{notice_a.code}/"
    assert [_post(client, url).status_code for _ in range(3)] == [302, 302, 400]
    assert Question.objects.count() == 2
    other = Client().post(url, {"text": QUESTION, "website": ""}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


def test_only_what_villagers_can_read_can_be_asked_about(client, village_a, clerk_a, supervisor_a):
    draft = draft_posting(village_a, clerk_a).posting
    draft_entry = LedgerEntry.objects.filter(revision=draft_period(village_a, clerk_a)).first()
    for url in [
        f"/q/p/{draft.code}/",
        "/q/p/NOSUCH/",
        f"/q/e/{draft_entry.pk}/",
        "/q/e/999999999/",
        "/q/m/999999999/",
        "/q/x/1/",
        "/q/e/ABC/",
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"text": QUESTION}).status_code == 404, url
    assert not Question.objects.exists()


def test_each_entry_of_a_published_period_links_to_its_question_page(client, period_a):
    road = LedgerEntry.objects.get(revision=period_a, line=3)
    page = client.get(period_a.posting.get_absolute_url()).content.decode()
    assert f'href="/q/e/{road.pk}/"' in page
    entries_page = client.get(f"/p/{period_a.posting.code}/1/entries/").content.decode()
    assert f'href="/q/e/{road.pk}/"' in entries_page


def test_a_question_about_an_entry_names_it_and_shows_on_the_period_page(
    client, period_a, supervisor_a, clerk_a
):
    road = LedgerEntry.objects.get(revision=period_a, line=3)
    response = _post(client, f"/q/e/{road.pk}/")
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.subject_label == "凭证 记-003 · 村道硬化工程款 · 支出 ¥38,000.00"
    assert question.posting == period_a.posting
    assert question.subject_url.endswith("#line-3")
    answered(listed(question, supervisor_a), clerk_a, text="付给青山建筑队的第一期工程款。")
    entry_page = client.get(f"/q/e/{road.pk}/").content.decode()
    assert "付给青山建筑队的第一期工程款。" in entry_page
    period_page = client.get(period_a.posting.get_absolute_url()).content.decode()
    assert "凭证 记-003" in period_page and "付给青山建筑队的第一期工程款。" in period_page


def test_a_question_about_a_matter_shows_on_the_matter_page(
    client, village_a, clerk_a, supervisor_a
):
    matter = discussed_matter(village_a, clerk_a)
    url = f"/v/{village_a.code}/decisions/{matter.pk}/"
    assert f"/q/m/{matter.pk}/#ask" in client.get(url).content.decode()
    question = ask(subjects.find(subjects.MATTER, str(matter.pk)), text=QUESTION)
    assert question.posting is None
    listed(question, supervisor_a)
    assert QUESTION in client.get(url).content.decode()


def test_a_question_about_a_resolved_matter_also_shows_beside_its_resolution(
    client, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    question = ask(subjects.find(subjects.MATTER, str(matter.pk)), text=QUESTION)
    assert question.posting == matter.resolution
    listed(question, supervisor_a)
    assert QUESTION in client.get(matter.resolution.get_absolute_url()).content.decode()


def test_the_question_page_speaks_english_after_the_switch(client, settings, notice_a):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/q/p/{notice_a.code}/").content.decode()
    assert "Ask a question" in page and "Your question" in page
    assert 'lang="en"' in page
