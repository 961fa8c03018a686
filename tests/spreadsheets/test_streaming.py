"""A large XLSX workbook is streamed from its XML, row by row, rather than read whole: the clerk
sees the same rows, and memory does not grow with the sheet's length."""

import datetime
import io
import tracemalloc
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from disclosure.spreadsheets import UnreadableFile, read_table, reading
from disclosure.spreadsheets.reading import XlsxRows

from .workbooks import workbook_bytes

HEADER = ["日期", "凭证号", "摘要", "科目编码", "科目名称", "收入", "支出"]
SAMPLES = {
    "三月": [
        ["清河村2026年3月收支明细"],
        [],
        [None, *HEADER],
        [None, datetime.date(2026, 3, 5), 1, "卖树", 501, None, 1234.5, 0.1 + 0.2],
        [None, "2026-03-10", "记-002", "保洁员工资", "531", "管理费用", None, 1500],
        [],
        [None, "本月合计", None, None, None, None, 1234.5, 1500],
        [],
        [],
    ],
    "空白": [],
    "四月": [HEADER, [datetime.date(2026, 4, 1), "记-001", "  ", 501, True, 6000]],
}


def rows_of(book):
    return {sheet.name: [list(row) for row in sheet.rows] for sheet in book.sheets}


def without_trailing_empty_cells(rows):
    trimmed = []
    for row in rows:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        trimmed.append(row)
    return trimmed


@pytest.fixture
def streamed(monkeypatch):
    """Every workbook is streamed, however small."""
    monkeypatch.setattr(reading, "STREAM_ABOVE", 0)


def test_a_small_workbook_is_read_whole(db):
    sheet = read_table(workbook_bytes({"三月": [HEADER]}), "a.xlsx").sheets[0]

    assert isinstance(sheet.rows, list)


def test_a_streamed_workbook_gives_the_rows_a_whole_reading_gives(streamed):
    data = workbook_bytes(SAMPLES, merge={"三月": "A1:H1"})
    whole = read_table(data, "a.xlsx", sheet=None)
    streamed_book = read_table(data, "a.xlsx")

    assert all(isinstance(sheet.rows, XlsxRows) for sheet in streamed_book.sheets)
    assert [sheet.name for sheet in streamed_book.sheets] == ["三月", "四月"]
    for name, rows in rows_of(streamed_book).items():
        expected = without_trailing_empty_cells(rows_of(whole)[name])
        assert without_trailing_empty_cells(rows) == expected


def test_whole_reading_for_comparison_is_not_streamed(monkeypatch):
    # The comparison above reads the same bytes twice; make sure the first reading was whole.
    data = workbook_bytes(SAMPLES)
    monkeypatch.setattr(reading, "STREAM_ABOVE", len(data) * 100)

    assert all(isinstance(sheet.rows, list) for sheet in read_table(data, "a.xlsx").sheets)


def test_streamed_cells_are_dates_whole_numbers_and_exact_decimals(streamed):
    data = workbook_bytes(SAMPLES)

    rows = list(read_table(data, "a.xlsx", sheet="三月").sheets[0].rows)

    assert rows[3][:5] == [None, datetime.date(2026, 3, 5), 1, "卖树", 501]
    assert rows[3][6:8] == [Decimal("1234.5"), Decimal("0.3")]
    assert len(rows) == 7  # the empty rows at the end are not rows of the ledger


def test_streamed_rows_can_be_read_again(streamed):
    sheet = read_table(workbook_bytes(SAMPLES), "a.xlsx", sheet="四月").sheets[0]

    assert list(sheet.rows) == list(sheet.rows)


def test_a_damaged_sheet_met_while_streaming_is_refused_with_a_message(streamed):
    rows = XlsxRows(b"PK\x03\x04 not really a workbook", "三月")

    with pytest.raises(UnreadableFile):
        list(rows)


def big_workbook(count: int) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("三月")
    sheet.append(HEADER)
    for line in range(count):
        sheet.append(
            [
                datetime.date(2026, 3, 1 + line % 28),
                line,
                "保洁员工资",
                531,
                "管理费用",
                None,
                Decimal("1500.25"),
            ]
        )
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def peak_while_counting(data: bytes) -> tuple[int, int]:
    sheet = read_table(data, "a.xlsx").sheets[0]
    tracemalloc.start()
    try:
        count = sum(1 for _row in sheet.rows)
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_while_streaming_does_not_grow_with_the_sheet(streamed):
    # The sheet's distinct texts are held (a workbook keeps them in one table); its rows are not.
    short_count, short_peak = peak_while_counting(big_workbook(2_000))
    long_count, long_peak = peak_while_counting(big_workbook(20_000))

    assert (short_count, long_count) == (2_001, 20_001)
    # Ten times the rows; a whole reading would need about ten times the memory.
    assert long_peak < short_peak * 2


LAUGHS = b"".join(
    [b'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">']
    + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">'.encode() for n in range(1, 10)]
    + [b"]>"]
)


def test_an_entity_bomb_in_a_sheet_is_never_expanded(streamed):
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes({"三月": [HEADER, ["BOMB"]]})))
    output, replaced = io.BytesIO(), False
    with zipfile.ZipFile(output, "w") as bomb:
        for member in source.infolist():
            content = source.read(member)
            if b"BOMB" in content:  # the sheet, where the text is written inline
                content = LAUGHS + content.split(b"?>", 1)[-1]
                content = content.replace(b"BOMB", b"&lol9;")
                replaced = True
            bomb.writestr(member, content)

    assert replaced
    try:
        rows = list(XlsxRows(output.getvalue(), "三月"))
    except UnreadableFile:
        return  # refused outright: as good
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert max(len(cell) for cell in cells) < 100  # a billion "lol"s were not written out
