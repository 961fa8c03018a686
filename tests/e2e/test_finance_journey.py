"""A quarter's ledger from the clerk's messy spreadsheet to a villager's phone.

The clerk (王会计) of 清河村 imports the bank journal as the office keeps it in Excel: a merged
title row, amounts written as ¥12,000.00, 1,800.00元 and (200.00) (a refund, kept as a
negative expenditure), a totals row, and one date that does not exist. The import refuses the
file, naming the row and column; the clerk fixes the date, imports, attaches a voucher photo and
submits. The supervisor (李监督) signs off, the clerk publishes, and a villager reads the chart and
opens the voucher on a 360 px phone.
"""

import datetime
import io

from openpyxl import Workbook
from playwright.sync_api import Page, expect

from disclosure.finance.models import LedgerEntry, Period

from ..finance.ledgers import photo
from .conftest import PHONE, has_no_horizontal_scroll

PASSWORD = "correct horse battery staple"
HEADINGS = [
    "日期",
    "凭证号",
    "摘要",
    "科目编码",
    "科目名称",
    "收入",
    "支出",
    "对方单位",
    "经办人",
    "审批人",
]
BAD_DATE = "2026年2月30日"


def ledger(*, fixed: bool) -> bytes:
    """The office's journal; unfixed, with a date that does not exist."""
    book = Workbook()
    sheet = book.active
    sheet.title = "银行日记账"
    sheet.append(["清河村2026年第一季度银行存款日记账"])
    sheet.merge_cells("A1:J1")
    sheet.append(HEADINGS)
    third_date = "2026年2月28日" if fixed else BAD_DATE
    rows = [
        [datetime.date(2026, 1, 5), "记-001", "土地承包费收入", "501", "经营收入",
         "¥12,000.00", None, "承包户王建国"],
        ["2026/1/18", "记-002", "保洁员工资", "531", "管理费用", None, "1,800.00元", "赵秀英"],
        [third_date, "记-003", "村道硬化工程款", "532", "公益支出",
         None, "¥38,000.00", "青山建筑队"],
        ["2026.3.10", "记-004", "办公用品退货退款", "531", "管理费用",
         None, "(200.00)", "城关文具店"],
    ]  # fmt: skip
    for row in rows:
        sheet.append([*row, "王会计", "张主任"])
    sheet.append(["合计", None, None, None, None, "12,000.00", "39,600.00"])
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


def upload_ledger(clerk: Page, village, content: bytes) -> None:
    clerk.goto(f"/staff/finance/v/{village.code}/")
    clerk.get_by_label("年度").fill("2026")
    clerk.get_by_label("月份或季度").fill("1")
    clerk.get_by_label("账目文件").set_input_files(
        {
            "name": "清河村一季度银行日记账.xlsx",
            "mimeType": "application/octet-stream",
            "buffer": content,
        }
    )
    clerk.get_by_role("button", name="上传并继续").click()
    clerk.get_by_role("button", name="检查文件").click()


def log_in(page: Page, username: str) -> None:
    page.goto("/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="工作台", level=1)).to_be_visible()


def import_fixed_file(clerk: Page, village) -> None:
    upload_ledger(clerk, village, ledger(fixed=True))
    expect(clerk.get_by_role("alert")).to_have_count(0)
    clerk.get_by_label("期初库存现金").fill("2000.00")
    clerk.get_by_label("期初银行存款").fill("100000.00")
    clerk.get_by_label("期末库存现金").fill("2000.00")
    # 100,000 + 12,000 − 1,800 − 38,000 − (−200, the refund)
    clerk.get_by_label("期末银行存款").fill("72400.00")
    clerk.get_by_role("button", name="导入本期").click()
    expect(clerk.get_by_text("账目已导入")).to_be_visible()


def attach_voucher(clerk: Page, village, tmp_path) -> None:
    entry = LedgerEntry.objects.get(village=village, voucher_no="记-003")
    picture = tmp_path / "记-003.jpg"
    picture.write_bytes(photo())
    clerk.goto(f"/staff/finance/v/{village.code}/")
    clerk.get_by_role("link", name="账目和凭证").first.click()
    row = clerk.locator(f"#entry-{entry.pk}")
    row.get_by_label("凭证照片或PDF").set_input_files(picture)
    row.get_by_role("button", name="上传").click()
    expect(clerk.locator(f"#entry-{entry.pk}")).to_contain_text("记-003.jpg")
    clerk.get_by_role("link", name="返回该版本：提交、审核、公开").click()


def open_from_workspace(page: Page, title: str) -> None:
    page.goto("/staff/")
    page.get_by_role("link", name=title).first.click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()


def test_a_messy_ledger_is_fixed_imported_signed_off_and_read_on_a_phone(
    open_window, village_a, clerk_a, supervisor_a, tmp_path, screenshot
):
    clerk = open_window()
    log_in(clerk, "clerk_a")

    upload_ledger(clerk, village_a, ledger(fixed=False))
    problems = clerk.get_by_role("alert")
    expect(problems).to_contain_text("未导入任何内容")
    bad_date = problems.get_by_role("row").filter(has_text=BAD_DATE)
    expect(bad_date.get_by_role("cell").nth(0)).to_have_text("5")  # title, header, two entries
    expect(bad_date.get_by_role("cell").nth(1)).to_contain_text("A")
    expect(problems.get_by_role("row").filter(has_text="(200.00)")).to_have_count(0)
    screenshot(clerk, "finance-import-problems")
    assert not LedgerEntry.objects.exists()

    import_fixed_file(clerk, village_a)
    attach_voucher(clerk, village_a, tmp_path)
    clerk.get_by_role("button", name="提交审核").click()
    expect(clerk.get_by_role("status")).to_contain_text("已提交村务监督委员会审核")

    title = Period.objects.get(village=village_a).posting.revisions.get().title
    supervisor = open_window()
    log_in(supervisor, "supervisor_a")
    open_from_workspace(supervisor, title)
    supervisor.get_by_label("村务监督委员会审核意见").fill("账目与凭证相符，同意公开。")
    supervisor.get_by_role("button", name="审核通过").click()
    expect(supervisor.get_by_role("status")).to_contain_text("已审核通过")

    open_from_workspace(clerk, title)
    clerk.get_by_role("link", name="发布", exact=True).click()
    clerk.get_by_role("button", name="立即发布").click()
    expect(clerk.get_by_role("status")).to_contain_text("已发布")

    villager = open_window(PHONE)
    villager.goto(f"/v/{village_a.code}/finance/?year=2026")
    villager.get_by_role("link", name="1季度").or_(
        villager.get_by_role("link", name="第1季度")
    ).first.click()
    expect(villager.get_by_role("heading", name=title, level=1)).to_be_visible()
    # The accounting detail opens with a tap, below the period's sums and purposes.
    villager.locator("summary", has_text="按会计科目分类").click()
    chart = villager.get_by_role("img", name="分类收支")
    expect(chart).to_be_visible()
    expect(chart).to_contain_text("¥38,000.00")
    expect(villager.get_by_role("cell", name="¥38,000.00").first).to_be_visible()
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "finance-period")

    villager.locator("summary", has_text="全部账目明细").click()  # the full ledger, one tap away
    with villager.expect_response(lambda response: "/fv/" in response.url) as opened:
        villager.get_by_role("link", name="凭证照片 记-003.jpg").click()
    assert opened.value.status == 200
    assert opened.value.header_value("content-type") == "image/jpeg"
