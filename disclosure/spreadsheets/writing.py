"""Every table the portal hands out as a file (CSV or XLSX) is written here.

Downloads carry text that clerks and villagers typed. A spreadsheet runs a cell that starts like a
formula (=HYPERLINK(…), =cmd|' /C calc'!A0, @SUM(…)), so every text cell that starts with one of
the characters OWASP lists gets a leading apostrophe and stays text. Numbers are written as numbers
(Decimal, int, float) and are never prefixed, so a negative amount stays a negative amount.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = (int, float, Decimal)
MONEY = "#,##0.00"


@dataclass
class Sheet:
    """One sheet of a workbook: its rows, number formats by column (counted from 0), column
    widths, and whether the first row is a bold heading that stays in view."""

    title: str
    rows: Iterable[Sequence]
    formats: dict[int, str] = field(default_factory=dict)
    widths: Sequence[int] = ()
    heading: bool = False


def neutralised(value):
    """The value as a file may carry it: text that would start a formula keeps an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, NUMBERS + (datetime.date,)):
        return str(value)
    return neutralised(str(value))


def as_csv(rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel on Chinese Windows does not read it as GBK."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_text(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """A workbook written row by row (openpyxl's write-only mode), so memory stays small.

    Callers say yes or no in words: a boolean would be written as a number."""
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        _write_sheet(workbook.create_sheet(sheet.title), sheet)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _write_sheet(target, sheet: Sheet) -> None:
    for index, width in enumerate(sheet.widths, start=1):
        target.column_dimensions[get_column_letter(index)].width = width
    if sheet.heading:
        target.freeze_panes = "A2"
    for number, row in enumerate(sheet.rows):
        bold = sheet.heading and number == 0
        target.append([_cell(target, sheet, at, value, bold) for at, value in enumerate(row)])


def _cell(target, sheet: Sheet, column: int, value, bold: bool):
    if not isinstance(value, NUMBERS + (datetime.date, type(None))):
        value = neutralised(str(value))
    cell = WriteOnlyCell(target, value)
    # Text is always text: openpyxl would otherwise read a string starting with "=" as a formula.
    if isinstance(value, str):
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    elif value is not None and column in sheet.formats:
        cell.number_format = sheet.formats[column]
    return cell
