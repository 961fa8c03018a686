"""A question followed to the end by its tracking code: a receipt shown once, a page to follow it,
the committee's deadline to list or reject it, and its reason when it is not listed."""

import datetime

import pytest
import time_machine
from django.test import Client

from disclosure.participation import questions
from disclosure.participation.models import Question

from ..clock import at
from .conftest import answered, ask, listed

QUESTION = "村道硬化工程款三万八千元，施工队是怎么选的？"
ASKED = at(2025, 6, 2)


def _ask_on_the_page(client, notice):
    fields = {"text": QUESTION, "name": "", "phone": "", "website": ""}
    client.post(f"/q/p/{notice.code}/", fields, REMOTE_ADDR="10.1.1.1")
    return client.get("/q/receipt/").content.decode()


def _code_on(receipt: str) -> str:
    return receipt.split('aria-label="查询码"><strong>')[1].split("<")[0]


def _follow(client, code, ip="10.2.2.2"):
    return client.post("/q/track/", {"code": code}, REMOTE_ADDR=ip)


def test_the_receipt_shows_the_code_once_with_the_committee_s_deadline(client, notice_a):
    with time_machine.travel(ASKED, tick=False):
        receipt = _ask_on_the_page(client, notice_a)
    code = _code_on(receipt)
    assert len(code) == 14 and code.count("-") == 2
    assert "2025-06-07" in receipt  # listed or rejected within QUESTIONS_LISTING_DAYS (5)
    assert code not in client.get("/q/receipt/").content.decode()
    question = Question.objects.get()
    assert question.list_by == datetime.date(2025, 6, 7)
    assert code.replace("-", "") not in str(Question.objects.values().get())


def test_the_asker_follows_the_question_from_waiting_to_answered(
    client, notice_a, supervisor_a, clerk_a
):
    code = _code_on(_ask_on_the_page(client, notice_a))
    page = _follow(client, code.lower().replace("-", " ")).content.decode()
    assert QUESTION in page and "待审核" in page

    listed(Question.objects.get(), supervisor_a)
    page = _follow(Client(), code).content.decode()
    assert "已公开，待答复" in page

    answered(Question.objects.get(), clerk_a, text="经村民代表会议公开招标确定。")
    page = _follow(Client(), code).content.decode()
    assert "经村民代表会议公开招标确定。" in page and "王会计" in page


def test_the_asker_reads_why_the_committee_did_not_list_it(client, notice_a, supervisor_a):
    code = _code_on(_ask_on_the_page(client, notice_a))
    questions.reject_question(
        question=Question.objects.get(), reason="与本村事务无关。", by=supervisor_a
    )
    page = _follow(client, code).content.decode()
    assert "不予公开" in page and "与本村事务无关。" in page


def test_a_question_left_past_the_committee_s_deadline_says_the_township_sees_it(
    about_notice_a,
):
    with time_machine.travel(ASKED, tick=False):
        question = ask(about_notice_a)
    code = question.tracking_code
    with time_machine.travel(at(2025, 6, 7), tick=False):
        assert "乡镇" not in _follow(Client(), code).content.decode().split("<main")[1]
    with time_machine.travel(at(2025, 6, 8), tick=False):
        page = _follow(Client(), code).content.decode()
    assert "监督委员会已超过期限" in page


def test_a_wrong_code_says_so_and_too_many_are_refused(client, notice_a):
    _ask_on_the_page(client, notice_a)
    response = _follow(client, "ABCD-EFGH-JKMN")
    assert response.status_code == 400
    assert "没有这个查询码的质询" in response.content.decode()
    for _attempt in range(questions.TRACK_FAILURES_PER_HOUR):
        _follow(client, "2345-6789-ABCD")
    refused = _follow(client, "2345-6789-ABCD")
    assert refused.status_code == 429


@pytest.mark.parametrize("typed", ["", "x" * 41, "!!!"])
def test_nonsense_codes_change_nothing_and_never_fail(client, db, typed):
    assert _follow(client, typed).status_code == 400
