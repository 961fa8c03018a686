"""Whatever a clerk uploads, the parsers answer with rows, entries, problems or UnreadableFile."""

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure.finance.parsing import (
    UnreadableFile,
    build_template,
    find_header,
    guess_mapping,
    header_row,
    is_totals_row,
    missing_fields,
    parse_entries,
    read_table,
)

HEADER = ["日期", "凭证号", "摘要", "科目编码", "科目名称", "收入", "支出"]
cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(),
    st.decimals(allow_nan=True),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["合计", "2026-03-05", "¥1,234.50", "(12)", "46086", "收入", '="01"']),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cells, max_size=9), max_size=12))
def test_any_grid_of_cells_gives_entries_or_problems_and_nothing_worse(rows):
    rows = [HEADER, *rows]

    header_index = find_header(rows)
    mapping = guess_mapping(header_row(rows, header_index))
    if missing_fields(mapping):
        return
    result = parse_entries(rows, mapping, header_index)

    assert len(result.entries) + result.totals_rows <= len(rows) - 1
    assert all(problem.row > 1 and str(problem) for problem in result.problems)
    # Negative amounts are reversals and are kept; an entry moves money one way only.
    assert all(bool(entry.income) != bool(entry.expenditure) for entry in result.entries)
    assert all(isinstance(is_totals_row(row), bool) for row in rows)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.csv", "a.xlsx", "a.xls", "a.txt", "a"]))
def test_any_bytes_are_read_as_rows_or_refused_as_unreadable(data, filename):
    try:
        book = read_table(data, filename)
        for sheet in book.sheets:
            for row in sheet.rows:
                assert isinstance(row, list)
    except UnreadableFile as refusal:
        assert str(refusal)


@settings(max_examples=50, deadline=None)
@given(st.binary(min_size=1, max_size=3000), st.integers(min_value=0, max_value=5000))
def test_a_workbook_damaged_anywhere_is_read_or_refused_as_unreadable(noise, position):
    data = bytearray(build_template("xlsx"))
    position %= len(data)
    data[position : position + len(noise)] = noise

    try:
        read_table(bytes(data), "a.xlsx")
    except UnreadableFile as refusal:
        assert str(refusal)
