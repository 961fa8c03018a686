"""A villager questions an expenditure from a phone and reads the village's answer beside it.

On 清河村's published first-quarter finances a villager, on a 360 px phone, taps "问" beside
voucher 记-003 (村道硬化工程款, ¥38,000.00) and asks how the builder was chosen, leaving a mobile
number. The supervisor (李监督) finds the question under 待您处理 and lists it; the clerk (王会计)
answers it. The villager keeps the tracking code the receipt shows, follows the question with it
from waiting to answered, reads the answer beside the entry, and the number is shown nowhere.
"""

from playwright.sync_api import Page, expect

from ..finance.ledgers import published_period
from .conftest import PHONE, has_no_horizontal_scroll

PASSWORD = "correct horse battery staple"
QUESTION = "村道硬化工程款三万八千元，青山建筑队是怎么选定的？"
ANSWER = "经2025年1月村民代表会议决定公开比选，三家报价中青山建筑队最低，比选记录已公开。"
LABEL = "凭证 记-003 · 村道硬化工程款 · 支出 ¥38,000.00"


def log_in(page: Page, username: str) -> None:
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="工作台", level=1)).to_be_visible()


def follow(villager: Page, code: str) -> None:
    villager.goto("/q/track/")
    villager.get_by_label("查询码").fill(code)
    villager.get_by_role("button", name="查看办理进度").click()
    expect(villager.get_by_role("heading", name="您的问题", level=1)).to_be_visible()
    assert has_no_horizontal_scroll(villager)


def open_task(page: Page, task: str) -> None:
    page.goto("/staff/")
    page.get_by_role("link", name=task).click()
    page.get_by_role("link", name=LABEL).click()
    expect(page.get_by_role("heading", name="质询", level=1)).to_be_visible()


def test_a_villager_asks_about_an_expenditure_and_reads_the_answer_beside_it(
    open_window, village_a, clerk_a, supervisor_a, screenshot
):
    period = published_period(village_a, clerk_a, supervisor_a)

    villager = open_window(PHONE)
    villager.goto(period.posting.get_absolute_url())
    expect(villager.get_by_role("heading", name="村民质询与答复")).to_be_visible()
    villager.locator("summary", has_text="全部账目明细").click()  # the full ledger, one tap away
    villager.get_by_role("link", name="对凭证记-003提出质询").click()
    expect(villager.get_by_role("heading", name=LABEL, level=1)).to_be_visible()
    villager.get_by_label("您的问题").fill(QUESTION)
    villager.get_by_label("手机号码（可不填，绝不公开）").fill("138 1234 5678")
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "question-form")
    question_page = villager.url
    villager.get_by_role("button", name="提交问题").click()
    expect(villager.get_by_role("heading", name="您的质询已收到")).to_be_visible()
    expect(villager.get_by_text("查询码只显示这一次")).to_be_visible()
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "question-receipt")
    code = villager.locator(".code strong").inner_text()
    follow(villager, code)
    expect(villager.get_by_text("待审核", exact=True)).to_be_visible()
    villager.goto(question_page)
    expect(villager.get_by_text(QUESTION)).to_have_count(0)

    supervisor = open_window()
    log_in(supervisor, "supervisor_a")
    open_task(supervisor, "质询待审核")
    expect(supervisor.get_by_text(QUESTION)).to_be_visible()
    expect(supervisor.get_by_text("138****5678")).to_be_visible()
    supervisor.get_by_role("button", name="公开", exact=True).click()
    expect(supervisor.get_by_role("status")).to_contain_text("该质询已公开")

    clerk = open_window()
    log_in(clerk, "clerk_a")
    open_task(clerk, "质询待答复")
    clerk.get_by_role("textbox", name="答复").fill(ANSWER)
    clerk.get_by_role("button", name="发布答复").click()
    expect(clerk.get_by_role("status")).to_contain_text("答复已公开在问题旁边")

    follow(villager, code)
    expect(villager.get_by_text(ANSWER)).to_be_visible()
    screenshot(villager, "question-followed")
    villager.goto(question_page)
    expect(villager.get_by_text(QUESTION)).to_be_visible()
    expect(villager.get_by_text(ANSWER)).to_be_visible()
    expect(villager.get_by_text("王会计于")).to_be_visible()
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "question-answered")

    villager.get_by_role("link", name="返回质询的事项").click()
    expect(villager.locator("#line-3")).to_contain_text("村道硬化工程款")
    villager.goto(period.posting.get_absolute_url())
    expect(villager.get_by_text(ANSWER)).to_be_visible()
    assert "5678" not in villager.content()
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "question-on-period-page")
