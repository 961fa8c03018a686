"""A villager reports anonymously from a phone and follows the report by its code.

The villager uses a 360 px window and no account; the township's report handler (吴纪检)
works in a desktop window. The village's own staff never take part: the report is not theirs.
"""

from playwright.sync_api import Page, expect

from demo.files import notice_board_photo
from disclosure.reports.models import Report

from .conftest import PHONE, has_no_horizontal_scroll
from .test_notice_journey import log_in

TEXT = "村里去年卖掉的集体林地收入没有公开，账上也查不到这笔钱，请乡镇查一查。"
CONCLUSION = "经镇纪委调查，该笔林地转让收入12万元已于今年10月入账，村委会已补充公开。"


def file_anonymously(villager: Page, village, photo, screenshot) -> str:
    villager.goto(f"/v/{village.code}/")
    villager.get_by_role("link", name="举报本村问题（保密，直接送乡镇）").click()
    expect(villager.get_by_text("举报将送往乡镇，而不是村里。")).to_be_visible()
    expect(villager.get_by_label("村", exact=True)).to_have_value(village.code)
    villager.get_by_label("举报内容类别").select_option(label="财务问题")
    villager.get_by_label("举报内容", exact=True).fill(TEXT)
    villager.get_by_label("照片或文件（可不附）").set_input_files(photo)
    expect(villager.get_by_label("匿名举报")).to_be_checked()
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "report-form")
    villager.get_by_role("button", name="提交举报").click()
    expect(villager.get_by_role("heading", name="您的举报已收到")).to_be_visible()
    expect(villager.get_by_text("查询码只显示这一次")).to_be_visible()
    assert has_no_horizontal_scroll(villager)
    return villager.locator(".code strong").inner_text()


def follow(villager: Page, code: str) -> None:
    villager.goto("/jubao/track/")
    villager.get_by_label("查询码").fill(code)
    villager.get_by_role("button", name="查询办理进度").click()
    expect(villager.get_by_role("heading", name="您的举报")).to_be_visible()
    assert has_no_horizontal_scroll(villager)


def open_the_new_report(handler: Page, report: Report) -> None:
    handler.goto("/staff/")
    handler.get_by_role("link", name="新举报待受理").click()
    handler.get_by_role("link", name=f"举报 {report.pk} 号").click()
    expect(handler.get_by_text(TEXT)).to_be_visible()
    expect(handler.get_by_role("link", name="现场.jpg")).to_be_visible()
    expect(handler.get_by_text("匿名", exact=True)).to_be_visible()


def move_on(handler: Page, status: str, conclusion: str = "") -> None:
    handler.get_by_label("新状态").select_option(label=status)
    if conclusion:
        handler.get_by_label("办理结果").fill(conclusion)
    handler.get_by_role("button", name="保存状态").click()
    expect(handler.get_by_role("status")).to_contain_text(f"该举报现为“{status}”")


def test_a_villager_follows_an_anonymous_report_while_the_township_investigates(
    open_window, screenshot, village_a, report_handler, tmp_path
):
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(notice_board_photo(seed="举报"))
    villager = open_window(PHONE)
    code = file_anonymously(villager, village_a, photo, screenshot)
    screenshot(villager, "report-receipt")
    report = Report.objects.get()
    assert report.anonymous and report.files.count() == 1

    handler = open_window()
    log_in(handler, "inspector")
    open_the_new_report(handler, report)
    move_on(handler, "调查中")
    screenshot(handler, "report-staff-detail")

    follow(villager, code.lower().replace("-", " "))
    expect(villager.get_by_text("调查中", exact=True)).to_be_visible()
    expect(villager.get_by_text(TEXT)).to_have_count(0)
    screenshot(villager, "report-status")

    move_on(handler, "已办结", CONCLUSION)
    follow(villager, code)
    expect(villager.get_by_text("已办结", exact=True).first).to_be_visible()
    expect(villager.get_by_text(CONCLUSION)).to_be_visible()
    expect(villager.get_by_text("吴纪检")).to_have_count(0)
    screenshot(villager, "report-concluded")
