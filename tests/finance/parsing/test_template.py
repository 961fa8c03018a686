import io

import openpyxl
from django.utils import translation

from disclosure.finance.parsing import (
    build_template,
    find_header,
    guess_mapping,
    missing_fields,
    parse_entries,
    read_table,
)


def read_back(data: bytes, filename: str):
    rows = read_table(data, filename).sheets[0].rows
    header_index = find_header(rows)
    mapping = guess_mapping(list(rows)[header_index])
    return mapping, parse_entries(rows, mapping, header_index)


def test_the_xlsx_template_has_our_chinese_headings_and_reads_back_without_problems():
    mapping, result = read_back(build_template("xlsx"), "模板.xlsx")

    assert missing_fields(mapping) == []
    assert len(mapping) == 10
    assert result.problems == []
    assert [entry.summary for entry in result.entries] == ["土地承包费收入", "保洁员工资"]


def test_the_csv_template_reads_back_the_same_entries_as_the_xlsx_one():
    assert read_back(build_template("csv"), "模板.csv") == read_back(
        build_template("xlsx"), "模板.xlsx"
    )


def test_the_csv_template_starts_with_a_bom_so_excel_shows_chinese():
    assert build_template("csv").startswith(b"\xef\xbb\xbf\xe6\x97\xa5\xe6\x9c\x9f")


def test_the_xlsx_template_explains_itself_on_a_second_sheet_in_chinese():
    with translation.override("zh-hans"):
        data = build_template("xlsx")

    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[1] == "说明"
    lines = [row[0] for row in book["说明"].iter_rows(values_only=True)]
    assert any("合计" in line and "不" in line for line in lines)
