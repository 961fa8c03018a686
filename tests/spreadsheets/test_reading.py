import datetime
import io
import tracemalloc
from decimal import Decimal

import openpyxl
import pytest
from django.utils import translation

from disclosure.finance.parsing import build_template
from disclosure.finance.parsing.template import HEADINGS
from disclosure.spreadsheets import UnreadableFile, read_table
from disclosure.spreadsheets.reading import CsvRows

from .old_excel import xls_bytes
from .workbooks import workbook_bytes

HEADER = ["日期", "凭证号", "摘要", "科目编码", "科目名称", "收入", "支出"]

LEDGER_CSV = (
    "清河村2026年3月收支明细\n"
    "日期,凭证号,摘要,科目编码,科目名称,收入,支出,对方单位,经办人,审批人\n"
    '2026-03-05,记-001,土地承包费收入,501,经营收入,"6,000.00",,王建国,李会计,陈主任\n'
    "2026/3/10,记-002,保洁员工资,531,管理费用,,1500,赵秀英,李会计,陈主任\n"
    '本月合计,,,,,"6,000.00",1500,,,\n'
)


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
    ],
)
def test_a_csv_in_any_encoding_offices_use_reads_as_the_same_chinese_text(encoding, detected):
    book = read_table(LEDGER_CSV.encode(encoding), "三月.csv")

    assert book.format == "csv"
    assert book.encoding == detected
    rows = list(book.sheets[0].rows)
    assert rows[0][0] == "清河村2026年3月收支明细"
    assert rows[2][:3] == ["2026-03-05", "记-001", "土地承包费收入"]
    assert rows[2][6] is None


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_the_delimiter_of_a_csv_is_found_without_asking(delimiter):
    text = LEDGER_CSV.replace('"6,000.00"', "6000.00").replace(",", delimiter)

    book = read_table(text.encode(), "ledger.txt")

    assert book.delimiter == delimiter
    assert list(book.sheets[0].rows)[1] == HEADINGS


def test_a_csv_sheet_is_named_after_the_file():
    assert read_table(LEDGER_CSV.encode(), "uploads/三月明细.csv").sheets[0].name == "三月明细"


def test_csv_rows_are_read_lazily_and_can_be_read_again():
    rows = read_table(LEDGER_CSV.encode(), "a.csv").sheets[0].rows

    assert isinstance(rows, CsvRows)
    assert iter(rows) is not iter(rows)
    assert list(rows) == list(rows)


def test_a_large_csv_does_not_sit_in_memory_as_rows():
    line = "2026-03-05,记-001,保洁员工资,531,管理费用,,1500.00\n"
    data = (",".join(HEADER) + "\n" + line * 100_000).encode()
    tracemalloc.start()
    try:
        count = sum(1 for _row in read_table(data, "big.csv").sheets[0].rows)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 100_001
    assert peak < len(data)


def test_every_sheet_of_a_workbook_is_listed_for_the_clerk_to_pick():
    data = workbook_bytes({"一月": [HEADER], "二月": [HEADER], "三月": [HEADER]})

    book = read_table(data, "2026.xlsx")

    assert book.format == "xlsx"
    assert [sheet.name for sheet in book.sheets] == ["一月", "二月", "三月"]


def test_empty_sheets_are_not_offered():
    data = workbook_bytes({"空白": [], "三月": [HEADER]})

    assert [sheet.name for sheet in read_table(data, "a.xlsx").sheets] == ["三月"]


def test_workbook_cells_come_as_dates_whole_numbers_and_exact_decimals():
    data = workbook_bytes(
        {"三月": [HEADER, [datetime.date(2026, 3, 5), 1, "卖树", 501, None, 1234.5, 0.1 + 0.2]]}
    )

    row = read_table(data, "a.xlsx").sheets[0].rows[1]

    assert row[:5] == [datetime.date(2026, 3, 5), 1, "卖树", 501, None]
    assert row[5:] == [Decimal("1234.5"), Decimal("0.3")]


def test_a_merged_title_keeps_rows_and_columns_where_the_clerk_sees_them():
    rows = [["清河村2026年3月收支明细"], [], [None, *HEADER]]
    data = workbook_bytes({"三月": rows}, merge={"三月": "A1:H1"})

    sheet_rows = read_table(data, "a.xlsx").sheets[0].rows

    assert sheet_rows[0][0] == "清河村2026年3月收支明细"
    assert sheet_rows[2][1] == "日期"


def test_a_ledger_drawn_away_from_the_corner_keeps_its_rows_and_letters():
    rows = [[], [], [None, None, *HEADER], [None, None, "2026-03-05", "记-001"]]

    sheet_rows = read_table(workbook_bytes({"三月": rows}), "a.xlsx").sheets[0].rows

    assert len(sheet_rows) == 4
    assert sheet_rows[2][:3] == [None, None, "日期"]
    assert sheet_rows[3][:4] == [None, None, "2026-03-05", "记-001"]


def test_the_content_decides_the_format_not_the_name():
    assert read_table(build_template("xlsx"), "ledger.csv").format == "xlsx"


@pytest.mark.parametrize("data", [b"", b"  \r\n ", "\ufeff".encode(), "\n".encode("utf-16")])
def test_an_empty_file_is_refused(data):
    with translation.override("en"), pytest.raises(UnreadableFile, match="empty"):
        read_table(data, "ledger.csv")


def test_a_damaged_workbook_is_refused_with_advice():
    data = build_template("xlsx")[:1500]

    with translation.override("en"), pytest.raises(UnreadableFile, match="damaged"):
        read_table(data, "ledger.xlsx")


def test_a_file_named_like_a_workbook_that_is_none_is_refused():
    with translation.override("en"), pytest.raises(UnreadableFile, match="damaged"):
        read_table(b"<html><body>ledger</body></html>", "ledger.xls")


@pytest.mark.parametrize("data", [b"%PDF-1.7\n\x00\x01\x02", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_a_picture_or_pdf_is_not_taken_for_a_table(data):
    with translation.override("en"), pytest.raises(UnreadableFile, match="not a spreadsheet"):
        read_table(data, "ledger.csv")


def test_bytes_in_no_known_encoding_are_refused():
    with translation.override("en"), pytest.raises(UnreadableFile, match="encoding"):
        read_table(b"\x80\xff\x80\xff,\xff\x80\n", "ledger.csv")


def test_the_refusal_is_explained_in_chinese_by_default():
    with translation.override("zh-hans"), pytest.raises(UnreadableFile) as refusal:
        read_table(b"", "ledger.csv")

    assert "空" in str(refusal.value)


def test_cells_exported_as_formulas_to_keep_leading_zeros_are_read_as_text():
    data = '凭证号,摘要\n="0012",卖树\n'.encode()

    assert list(read_table(data, "bank.csv").sheets[0].rows)[1] == ["0012", "卖树"]


def test_a_workbook_that_would_unpack_to_more_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr("disclosure.spreadsheets.reading.MAX_UNPACKED", 1000)

    with translation.override("en"), pytest.raises(UnreadableFile, match="too large"):
        read_table(build_template("xlsx"), "ledger.xlsx")


def test_an_old_xls_workbook_from_older_accounting_software_is_read():
    data = xls_bytes(
        {
            "三月": [["日期", "凭证号", "摘要"], [46086, "记-001", "卖树"], [46087.0, 2, 1234.5]],
            "说明": [["请选择三月"]],
        }
    )

    book = read_table(data, "三月.xls")

    assert book.format == "xls"
    assert [sheet.name for sheet in book.sheets] == ["三月", "说明"]
    assert book.sheets[0].rows[1:] == [[46086, "记-001", "卖树"], [46087, 2, Decimal("1234.5")]]


def test_a_utf8_file_with_a_line_in_another_encoding_is_refused_not_garbled():
    data = LEDGER_CSV.encode() + "2026-03-20,记-003,购买扫帚,531,管理费用,,80\n".encode("gbk")

    with translation.override("en"), pytest.raises(UnreadableFile, match="another encoding"):
        read_table(data, "ledger.csv")


def test_a_gbk_file_is_not_refused_for_a_few_bytes_that_happen_to_be_valid_utf8():
    data = "摘要\n".encode() + "保洁员工资\n".encode("gbk")

    assert read_table(data, "ledger.csv").encoding == "gb18030"


def test_hidden_sheets_are_not_offered():
    data = workbook_bytes({"三月": [HEADER], "底稿": [HEADER]})
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["底稿"].sheet_state = "hidden"
    output = io.BytesIO()
    book.save(output)

    assert [sheet.name for sheet in read_table(output.getvalue(), "a.xlsx").sheets] == ["三月"]
