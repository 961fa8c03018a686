"""The township official (孙干部) opens the dashboard: the village to visit first is at the top,
with why in one line; every column is in view at 1280 px, the villages are cards on a phone, and
a heading sorts the table without any script.

Neither village has disclosed this year's finances; 清河村 has also paid 68,000 yuan with no
decision, left a villager's question unanswered past its deadline, and has a report open."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from disclosure.participation import questions, subjects
from disclosure.reports.models import ReportCategory
from disclosure.reports.services import Filing, file_report

from ..factories import published_posting
from ..redflags.builders import ledger, spend
from .conftest import PHONE, has_no_horizontal_scroll
from .test_notice_journey import log_in


@pytest.fixture
def troubled_village(village_a, village_b, clerk_a, supervisor_a):
    ledger(village_a, clerk_a, supervisor_a, [spend("68000.00", summary="购置挖掘机")])
    posting = published_posting(village_a, clerk_a, supervisor_a).posting
    asked = timezone.now() - datetime.timedelta(days=60)
    question = questions.ask(
        subject=subjects.find(subjects.POSTING, posting.code),
        text="挖掘机买来做什么用？",
        ip="10.0.0.1",
        now=asked,
    )
    questions.list_question(question=question, by=supervisor_a, now=asked)
    filing = Filing(village_a, ReportCategory.values[0], "挖掘机一直停在村干部家里。", True)
    file_report(filing=filing, ip="10.0.0.2")
    return village_a


def first_row(page: Page):
    return page.locator("table.oversight").first.locator("tbody tr").first


def table_fits(page: Page) -> bool:
    return page.locator(".scroll").first.evaluate("box => box.scrollWidth <= box.clientWidth")


def test_the_township_sees_which_village_to_visit_first_and_why(
    open_window, screenshot, troubled_village, township_official
):
    official = open_window()
    log_in(official, "official")
    official.goto("/staff/oversight/")
    expect(official.get_by_role("heading", name="青山镇", level=1)).to_contain_text("青山镇")

    row = first_row(official)
    expect(row.get_by_role("rowheader")).to_have_text("清河村")
    expect(row).to_contain_text("1条质询逾期未答")
    expect(row).to_contain_text("1件举报未办结")
    expect(official.get_by_role("heading", name="风险计分规则")).to_be_visible()
    assert table_fits(official) and has_no_horizontal_scroll(official)
    screenshot(official, "risk-dashboard")

    official.get_by_role("link", name="风险分").click()
    expect(first_row(official).get_by_role("rowheader")).to_have_text("柳树村")
    official.get_by_role("link", name="风险分").click()
    expect(first_row(official).get_by_role("rowheader")).to_have_text("清河村")

    # The same official on a phone-sized screen.
    phone = official
    phone.set_viewport_size(PHONE)
    phone.reload()
    card = first_row(phone)
    assert card.evaluate("row => getComputedStyle(row).display") == "block"
    # Each figure of the card is labelled (by its cell's data-label, shown before it).
    expect(card.locator("td.wrap")).to_have_attribute("data-label", "原因")
    expect(card).to_contain_text("1条质询逾期未答")
    assert has_no_horizontal_scroll(phone)
    screenshot(phone, "risk-dashboard")
