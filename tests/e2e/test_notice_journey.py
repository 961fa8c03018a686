"""A notice from the clerk's draft to a villager's phone, and its correction.

The clerk (王会计) and the supervisor (李监督) of 清河村 work in desktop windows; the villager
reads anonymously in a phone-sized window.
"""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from demo.files import notice_board_photo
from disclosure.publishing.models import Revision
from disclosure.regions.accounts import second_factor_required
from disclosure.regions.models import User

from .conftest import PHONE, has_no_horizontal_scroll

PASSWORD = "correct horse battery staple"
TITLE = "清河村村道修路工程招标公告"
FIRST_BODY = "清河村拟对村委会至二组的村道进行硬化改造，现公开招标施工单位。"
FIXED_BODY = FIRST_BODY + "报名截止时间：5月20日下午5时。"
CORRECTED_BODY = FIRST_BODY + "报名截止时间：5月27日下午5时。"
RETURN_REASON = "请写明报名截止时间。"
OPINION = "内容属实，同意公开。"
CORRECTION_REASON = "报名截止时间写错，由5月20日更正为5月27日。"


def log_in(page: Page, username: str) -> None:
    """Log in; an account that must use a second factor types the code its app shows now."""
    device = app_of(username)
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    if device is not None:
        page.get_by_label("验证码").fill(current_code(device))
        page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="工作台", level=1)).to_be_visible()


def app_of(username: str):
    """The authenticator app of an account that must have one, set up on first use."""
    user = User.objects.get(username=username)
    if not second_factor_required(user):
        return None
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "authenticator"}
    )
    return device


def current_code(device) -> str:
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


def open_from_workspace(page: Page) -> None:
    page.goto("/staff/")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()


def replace_text_and_submit(page: Page, body: str) -> None:
    page.get_by_label("正文").fill(body)
    page.get_by_role("button", name="保存修改").click()
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_role("status")).to_contain_text("已提交村务监督委员会审核")


def sign_off(supervisor: Page) -> None:
    open_from_workspace(supervisor)
    supervisor.get_by_label("村务监督委员会审核意见").fill(OPINION)
    supervisor.get_by_role("button", name="审核通过").click()
    expect(supervisor.get_by_role("status")).to_contain_text("已审核通过")


def publish(clerk: Page) -> None:
    open_from_workspace(clerk)
    clerk.get_by_role("link", name="发布", exact=True).click()
    clerk.get_by_role("button", name="立即发布").click()
    expect(clerk.get_by_role("status")).to_contain_text("已发布")


def draft_and_submit_with_photo(clerk: Page, village, photo) -> None:
    clerk.goto(f"/staff/v/{village.code}/new/notice/")
    clerk.get_by_label("标题").fill(TITLE)
    clerk.get_by_label("正文").fill(FIRST_BODY)
    clerk.get_by_role("button", name="保存草稿").click()
    attachments = clerk.get_by_role("region", name="附件")
    attachments.get_by_label("附件").set_input_files(photo)
    attachments.get_by_role("button", name="上传").click()
    expect(clerk.get_by_text("公开栏照片.jpg")).to_be_visible()
    clerk.get_by_role("button", name="提交审核").click()
    expect(clerk.get_by_role("status")).to_contain_text("已提交村务监督委员会审核")


def return_with_reason(supervisor: Page) -> None:
    open_from_workspace(supervisor)
    supervisor.get_by_label("退回理由").fill(RETURN_REASON)
    supervisor.get_by_role("button", name="退回修改").click()
    expect(supervisor.get_by_role("status")).to_contain_text("已退回")


def find_by_search(villager: Page) -> None:
    villager.goto("/")
    assert has_no_horizontal_scroll(villager)
    villager.get_by_label("查询公开内容").fill("修路")
    villager.get_by_role("button", name="搜索").click()
    assert has_no_horizontal_scroll(villager)
    villager.get_by_role("link", name=TITLE).click()
    expect(villager.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    assert has_no_horizontal_scroll(villager)


def test_a_notice_is_drafted_reviewed_published_found_and_corrected(
    open_window, screenshot, village_a, clerk_a, supervisor_a, tmp_path
):
    photo = tmp_path / "公开栏照片.jpg"
    photo.write_bytes(notice_board_photo(seed="清河村"))
    clerk, supervisor = open_window(), open_window()
    log_in(clerk, "clerk_a")
    log_in(supervisor, "supervisor_a")

    draft_and_submit_with_photo(clerk, village_a, photo)
    screenshot(clerk, "workspace-submitted")
    return_with_reason(supervisor)
    screenshot(supervisor, "workspace-returned")

    clerk.goto("/staff/")
    expect(clerk.get_by_text(RETURN_REASON)).to_be_visible()
    screenshot(clerk, "workspace-home-returned")
    open_from_workspace(clerk)
    replace_text_and_submit(clerk, FIXED_BODY)
    sign_off(supervisor)
    publish(clerk)
    first = Revision.objects.get(title=TITLE, number=1)

    villager = open_window(PHONE)
    find_by_search(villager)
    expect(villager.get_by_text(FIXED_BODY)).to_be_visible()
    expect(villager.get_by_text("李监督").first).to_be_visible()
    expect(villager.get_by_text(OPINION)).to_be_visible()
    expect(villager.get_by_text(first.digest).first).to_be_visible()
    expect(villager.get_by_role("link", name="公开栏照片.jpg")).to_be_visible()
    screenshot(villager, "portal-posting")

    open_from_workspace(clerk)
    clerk.get_by_role("link", name="更正").click()
    clerk.get_by_label("更正理由").fill(CORRECTION_REASON)
    clerk.get_by_role("button", name="开始更正").click()
    replace_text_and_submit(clerk, CORRECTED_BODY)
    sign_off(supervisor)
    publish(clerk)
    second = Revision.objects.get(title=TITLE, number=2)

    villager.reload()
    expect(villager.get_by_text(CORRECTED_BODY)).to_be_visible()
    expect(villager.get_by_text(CORRECTION_REASON).first).to_be_visible()
    expect(villager.get_by_text(first.digest)).to_be_visible()
    expect(villager.get_by_text(second.digest).first).to_be_visible()
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "portal-posting-corrected")

    villager.get_by_role("link", name="第1版").click()
    expect(villager.get_by_text(FIXED_BODY)).to_be_visible()
    expect(villager.get_by_text("已被新版本取代")).to_be_visible()
    screenshot(villager, "portal-posting-revision-1")
