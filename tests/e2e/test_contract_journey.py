"""A land lease from the clerk's register to a villager's phone, and a late rent that clears
the arrears.

The clerk (王会计) and the supervisor (李监督) of 清河村 work in desktop windows; the villager
reads anonymously in a phone-sized window. The first rent fell due a month ago, so the lease is
in arrears as soon as it is published.
"""

import datetime

from django.utils import timezone
from playwright.sync_api import Page, expect

from .conftest import PHONE, has_no_horizontal_scroll

PASSWORD = "correct horse battery staple"
TITLE = "清河村北塘鱼塘承包合同"
OPINION = "合同内容与村民代表会议决议一致，同意公开。"


def log_in(page: Page, username: str) -> None:
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="工作台", level=1)).to_be_visible()


def register_lease(clerk: Page, village, today: datetime.date) -> str:
    first_due, second_due = (
        today - datetime.timedelta(days=30),
        today + datetime.timedelta(days=335),
    )
    clerk.goto(f"/staff/contracts/v/{village.code}/")
    clerk.get_by_role("link", name="登记合同").click()
    clerk.get_by_label("标题").fill(TITLE)
    clerk.get_by_label("相对方类型").select_option("person")
    clerk.get_by_label("合同相对方").fill("王建国")
    clerk.get_by_label("身份证号（仅限个人）").fill("320102199001011234")
    clerk.get_by_label("涉及的资产或资源").fill("北塘鱼塘 12 亩")
    clerk.get_by_label("用途").fill("养殖淡水鱼")
    clerk.get_by_label("收支类型").select_option("income")
    clerk.get_by_label("起始日期").fill(f"{today - datetime.timedelta(days=120):%Y-%m-%d}")
    clerk.get_by_label("终止日期").fill(f"{today + datetime.timedelta(days=600):%Y-%m-%d}")
    clerk.get_by_label("合同总金额（元）").fill("12000")
    clerk.get_by_label("确定相对方的方式").select_option("negotiation")
    clerk.get_by_label("授权决策").fill("村民代表会议决议")
    clerk.get_by_label("收付款计划").fill(
        f"{first_due:%Y-%m-%d}, 6000\n{second_due:%Y-%m-%d}, 6000"
    )
    clerk.get_by_role("button", name="保存草稿").click()
    expect(clerk.get_by_role("status")).to_contain_text("合同已存为草稿")
    clerk.get_by_role("button", name="提交审核").click()
    expect(clerk.get_by_role("status")).to_contain_text("已提交村务监督委员会审核")
    return clerk.url


def sign_off(supervisor: Page, url: str) -> None:
    supervisor.goto(url)
    supervisor.get_by_label("村务监督委员会审核意见").fill(OPINION)
    supervisor.get_by_role("button", name="审核通过").click()
    expect(supervisor.get_by_role("status")).to_contain_text("已审核通过")


def publish(clerk: Page, url: str) -> None:
    clerk.goto(url)
    clerk.get_by_role("link", name="发布", exact=True).click()
    clerk.get_by_role("button", name="立即发布").click()
    expect(clerk.get_by_role("status")).to_contain_text("已发布")


def record_late_payment(clerk: Page, village, today: datetime.date) -> None:
    clerk.goto(f"/staff/contracts/v/{village.code}/")
    clerk.get_by_role("link", name="收付款").click()
    clerk.get_by_label("收付日期").fill(f"{today:%Y-%m-%d}")
    clerk.get_by_label("金额（元）").fill("6000")
    clerk.get_by_label("记账凭证号（如有）").fill("记-0615")
    clerk.get_by_role("button", name="登记", exact=True).click()
    expect(clerk.get_by_role("status")).to_contain_text("收付款已登记")


def test_a_clerk_registers_a_lease_and_a_late_rent_clears_the_arrears(
    open_window, screenshot, village_a, clerk_a, supervisor_a
):
    today = timezone.localdate()
    clerk, supervisor = open_window(), open_window()
    log_in(clerk, "clerk_a")
    log_in(supervisor, "supervisor_a")

    revision_url = register_lease(clerk, village_a, today)
    sign_off(supervisor, revision_url)
    publish(clerk, revision_url)

    villager = open_window(PHONE)
    villager.goto(f"/v/{village_a.code}/")
    villager.locator("#section-contracts > summary").click()  # the section opens with a tap
    villager.get_by_role("link", name="全部合同的收付状态和欠款").click()
    arrears = villager.get_by_role("region", name="欠款")
    expect(arrears).to_contain_text("6,000.00")
    expect(arrears.get_by_role("link", name=TITLE)).to_be_visible()
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "contracts-in-arrears")

    villager.get_by_role("link", name=TITLE).first.click()
    expect(villager.get_by_text("已逾期").first).to_be_visible()
    expect(villager.get_by_text("3201**********1234")).to_be_visible()
    expect(villager.get_by_text("320102199001011234")).to_have_count(0)
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "contract-posting")

    record_late_payment(clerk, village_a, today)
    screenshot(clerk, "contract-payments")

    # The browser may keep a public page for five minutes (Cache-Control); the villager refreshes.
    villager.goto(f"/v/{village_a.code}/contracts/")
    villager.reload()
    expect(villager.get_by_text("没有欠款的合同。")).to_be_visible()
    expect(villager.get_by_role("region", name="全部合同")).to_contain_text("未到期")
    screenshot(villager, "contracts-paid")
