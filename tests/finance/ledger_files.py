"""Ledger files as clerks upload them, and the import steps they go through, for the tests."""

import csv
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from disclosure.finance.services import checking, committing, imports

HEADINGS = [
    "日期", "凭证号", "摘要", "科目编码", "科目名称", "收入", "支出", "对方单位", "经办人", "审批人"
]  # fmt: skip
SIGNED = ["李会计", "陈主任"]
# A first quarter of 清河村: rent in, a subsidy, cleaners' wages, a road, a dinner for inspectors.
ROWS = [
    ["2026-01-05", "记-001", "土地承包费收入", "501", "经营收入", "6,000.00", "", "王建国"],
    ["2026/2/10", "记-002", "上级补助资金", "521", "补助收入", "¥20000", "", "青山镇财政所"],
    ["2026年2月20日", "记-003", "保洁员工资", "531", "管理费用", "", "1500.00元", "赵秀英"],
    ["2026-03-01", "记-004", "村道硬化工程款", "532", "公益支出", "", "12,000.50", "青山建筑队"],
    ["2026-03-15", "记-005", "接待检查组招待费", "53105", "管理费用-招待费", "", "320", "农家饭店"],
]  # fmt: skip
ROWS = [row + SIGNED for row in ROWS]
INCOME = Decimal("26000.00")
EXPENDITURE = Decimal("13820.50")


def csv_bytes(rows=ROWS, headings=HEADINGS, encoding="utf-8-sig") -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows(rows)
    return text.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict) -> bytes:
    """A workbook with one sheet per name, each with the headings and its rows."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(HEADINGS)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(content: bytes, name="一季度明细账.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def balances(cash_open="500.00", bank_open="10000.00", cash_close=None, bank_close=None):
    """Opening and closing balances that reconcile with ROWS imported as the bank journal."""
    cash_open, bank_open = Decimal(cash_open), Decimal(bank_open)
    opening = {"cash": cash_open, "bank": bank_open}
    closing = {
        "cash": Decimal(cash_close) if cash_close else cash_open,
        "bank": Decimal(bank_close) if bank_close else bank_open + INCOME - EXPENDITURE,
    }
    return opening, closing


def checked(period, clerk, content=None, name="一季度明细账.csv", reason=""):
    """Upload and check a ledger; the import, with its problems if any."""
    ledger_import = imports.start_import(
        period=period, upload=upload(content or csv_bytes(), name), by=clerk, reason=reason
    )
    return checking.check_import(ledger_import=ledger_import, by=clerk)


def imported(period, clerk, content=None, name="一季度明细账.csv", **balance_args):
    """Upload, check and commit a ledger; the period's revision."""
    opening, closing = balances(**balance_args)
    ledger_import = checked(period, clerk, content, name)
    assert ledger_import.problems == []
    return committing.commit_import(
        ledger_import=ledger_import, opening=opening, closing=closing, by=clerk
    )
