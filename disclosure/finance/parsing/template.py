"""The ledger template clerks download, fill in and upload."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from disclosure.spreadsheets import writing

HEADINGS = [
    "日期", "凭证号", "摘要", "科目编码", "科目名称",
    "收入", "支出", "对方单位", "经办人", "审批人",
]  # fmt: skip
EXAMPLES = [
    [datetime.date(2026, 3, 5), "记-001", "土地承包费收入", "501", "经营收入",
     Decimal("6000.00"), None, "王建国", "李会计", "陈主任"],
    [datetime.date(2026, 3, 10), "记-002", "保洁员工资", "531", "管理费用",
     None, Decimal("1500.00"), "赵秀英", "李会计", "陈主任"],
]  # fmt: skip
_WIDTHS = [12, 10, 30, 10, 14, 12, 12, 20, 10, 10]


def build_template(format: str) -> bytes:
    """The template as "xlsx" (with a second sheet of instructions, 说明) or "csv" (UTF-8 with
    a BOM, so that Excel opens it in Chinese)."""
    if format == "xlsx":
        return _xlsx()
    if format == "csv":
        return _csv()
    raise ValueError(f"unknown template format {format!r}")


def _csv() -> bytes:
    return writing.as_csv([HEADINGS, *EXAMPLES])


def _xlsx() -> bytes:
    formats = {0: "yyyy-mm-dd", 1: "@", 3: "@", 5: "#,##0.00", 6: "#,##0.00"}
    ledger = writing.Sheet(_("Ledger"), [HEADINGS, *EXAMPLES], formats, _WIDTHS, heading=True)
    notes = writing.Sheet(_("Instructions"), [[line] for line in _instructions()], widths=[100])
    return writing.as_xlsx([ledger, notes])


def _instructions() -> list[str]:
    return [
        _("How to fill in this ledger"),
        _("Keep the first row of headings; the columns may be in any order."),
        _("One row per entry. Delete the two example rows before uploading."),
        _("日期 (date): for example 2026-03-05 or 2026年3月5日."),
        _("凭证号 (voucher number), 摘要 (summary) and 科目编码 (account code) are required."),
        _("收入 (income) or 支出 (expenditure): fill in one, in yuan, for example 1234.50."),
        _("对方单位 (counterparty), 经办人 (handled by) and 审批人 (approved by) are optional."),
        _("A totals row (合计) at the bottom is recognised and not imported."),
        _("Save as .xlsx, or as CSV (UTF-8 or GBK), and upload it on the import page."),
    ]
