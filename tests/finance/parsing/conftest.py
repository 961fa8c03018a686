import io

import openpyxl
import pytest

LEDGER_CSV = (
    "清河村2026年3月收支明细\n"
    "日期,凭证号,摘要,科目编码,科目名称,收入,支出,对方单位,经办人,审批人\n"
    '2026-03-05,记-001,土地承包费收入,501,经营收入,"6,000.00",,王建国,李会计,陈主任\n'
    "2026/3/10,记-002,保洁员工资,531,管理费用,,1500,赵秀英,李会计,陈主任\n"
    '本月合计,,,,,"6,000.00",1500,,,\n'
)


def workbook_bytes(sheets: dict[str, list[list]], merge: dict[str, str] | None = None) -> bytes:
    """An .xlsx made here, so tests need no fixture files: {sheet name: rows}."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if merge and name in merge:
            sheet.merge_cells(merge[name])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


@pytest.fixture
def ledger_csv():
    return LEDGER_CSV
