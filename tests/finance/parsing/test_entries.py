import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from disclosure.finance.parsing import (
    PROBLEM_LIMIT,
    ParseResult,
    Problem,
    column_letter,
    find_header,
    guess_mapping,
    header_row,
    is_totals_row,
    iter_entries,
    parse_entries,
    read_table,
)

from ...spreadsheets.workbooks import workbook_bytes

HEADER = ["日期", "凭证号", "摘要", "科目编码", "科目名称",
          "收入", "支出", "对方单位", "经办人", "审批人"]  # fmt: skip
SALE = ["2026-03-05", "记-001", "土地承包费收入", "501", "经营收入", "6,000.00", None,
        "王建国", "李会计", "陈主任"]  # fmt: skip
WAGES = ["2026/3/10", "记-002", "保洁员工资", "531", "管理费用", None, "1500",
         "赵秀英", "李会计", "陈主任"]  # fmt: skip


def parse(rows):
    header_index = find_header(rows)
    return parse_entries(rows, guess_mapping(header_row(rows, header_index)), header_index)


def test_each_row_under_the_header_becomes_an_entry_numbered_as_the_clerk_sees_it():
    result = parse([HEADER, SALE, WAGES])

    assert result.problems == []
    sale, wages = result.entries
    assert (sale.line, sale.date, sale.voucher_no, sale.summary) == (
        2, datetime.date(2026, 3, 5), "记-001", "土地承包费收入",
    )  # fmt: skip
    assert (sale.income, sale.expenditure) == (Decimal("6000.00"), Decimal("0.00"))
    assert (wages.line, wages.expenditure, wages.counterparty) == (3, Decimal("1500.00"), "赵秀英")


def test_title_rows_blank_rows_and_a_totals_row_are_not_entries():
    rows = [
        ["清河村2026年3月收支明细", None, None],
        [None] * 10,
        HEADER,
        SALE,
        ["", "  ", None, "", "", "", "", "", "", ""],
        WAGES,
        ["本月合计", None, None, None, None, "6000.00", "1500.00", None, None, None],
    ]

    result = parse(rows)

    assert result.problems == []
    assert [entry.line for entry in result.entries] == [4, 6]
    assert result.totals_rows == 1


@pytest.mark.parametrize("label", ["合计", "总计", "本月合计", "本期合计", "累计", "本年累计",
                                   "小计", "合 计：", "Total", "Grand total", "上年结转",
                                   "期初余额", "过次页", "Balance brought forward"])  # fmt: skip
def test_totals_rows_are_recognised(label):
    assert is_totals_row([None, None, label, "7,500.00"])


@pytest.mark.parametrize(
    "summary", ["合计支付工程款", "村道硬化工程款", "Total repairs", "结转本年收益", "累计折旧"]
)
def test_entries_that_merely_mention_a_total_are_not_totals_rows(summary):
    assert not is_totals_row(["2026-03-05", "记-003", summary, "7,500.00"])


@given(st.permutations(range(10)))
def test_columns_in_any_order_give_the_same_entries(order):
    rows = [[row[i] for i in order] for row in (HEADER, SALE, WAGES)]

    result = parse(rows)

    assert result.entries == parse([HEADER, SALE, WAGES]).entries


def test_a_cash_journal_in_debit_and_credit_reads_debit_as_income_and_credit_as_expenditure():
    rows = [
        ["日期", "凭证号", "摘要", "科目代码", "借方金额", "贷方金额", "余额"],
        ["2026-03-05", "银收1", "收土地承包费", "501", "6000", "", "16000"],
        ["2026-03-06", "银付1", "冲回多付保洁员工资", "531", "", "(1,500.00)", "17500"],
        ["2026-03-07", "银付2", "购买办公用品", "531", "", "300", "17200"],
    ]

    result = parse(rows)

    assert [(e.income, e.expenditure) for e in result.entries] == [
        (Decimal("6000.00"), Decimal("0.00")),
        (Decimal("0.00"), Decimal("-1500.00")),
        (Decimal("0.00"), Decimal("300.00")),
    ]
    assert result.problems == []


def test_every_bad_cell_is_reported_by_row_column_and_heading():
    bad = ["2026-02-30", "", "买扫帚", "531", "管理费用", "abc", "12.345", "", "", ""]

    with translation.override("en"):
        result = parse([HEADER, SALE, bad, WAGES])
        found = [(p.row, p.column, p.header, str(p.message)) for p in result.problems]

    assert found == [
        (3, "A", "日期", "“2026-02-30” is not a date that exists."),
        (3, "B", "凭证号", "This cell must not be empty."),
        (3, "F", "收入", "“abc” is not an amount of money; write it like 1234.50."),
        (3, "G", "支出",
         "12.345 has more than two decimal places; amounts are in yuan and fen."),
    ]  # fmt: skip
    assert [entry.line for entry in result.entries] == [2, 4]


def test_a_row_without_any_amount_or_with_both_is_reported_for_the_row():
    neither = [*SALE[:5], None, None, *SALE[7:]]
    both = [*SALE[:5], "1", "2", *SALE[7:]]

    with translation.override("en"):
        problems = [str(p) for p in parse([HEADER, neither, both]).problems]

    assert problems == [
        "Row 2: The row has neither income nor expenditure.",
        "Row 3: The row has both income and expenditure; put them on two rows.",
    ]


def test_text_too_long_to_store_is_reported():
    long = [*SALE[:2], "修" * 201, *SALE[3:]]

    with translation.override("en"):
        problems = [str(p) for p in parse([HEADER, long]).problems]

    assert problems == ["Row 2, column C (摘要): This text is longer than 200 characters."]


def test_values_are_trimmed_and_full_width_characters_folded():
    row = ["２０２６年３月５日", " 记－００１ ", " 土地承包费\u3000收入 ", "５０１", "经营收入",
           "￥６，０００．００", None, "王建国", "", None]  # fmt: skip

    (entry,) = parse([HEADER, row]).entries

    assert (entry.date, entry.voucher_no, entry.summary, entry.account_code, entry.income) == (
        datetime.date(2026, 3, 5), "记-001", "土地承包费 收入", "501", Decimal("6000.00"),
    )  # fmt: skip
    assert (entry.handler, entry.approver) == ("", "")


def test_a_messy_workbook_reads_like_the_clean_one():
    rows = [
        ["清河村2026年3月收支明细"],
        [],
        [
            "凭证字号",
            "记账日期",
            "事由",
            "会计科目编码",
            "会计科目",
            "收入金额（元）",
            "支出金额（元）",
        ],  # fmt: skip
        ["记-001", datetime.date(2026, 3, 5), "土地承包费收入", 501, "经营收入", 6000, None],
        [],
        ["记-002", 46091, "保洁员工资", 531, "管理费用", None, 1500.5],
        [None, None, "合计", None, None, 6000, 1500.5],
    ]
    sheet = read_table(workbook_bytes({"三月": rows}, merge={"三月": "A1:G1"}), "a.xlsx").sheets[0]

    result = parse(sheet.rows)

    assert result.problems == []
    assert result.totals_rows == 1
    assert [(e.line, e.voucher_no, e.date, e.account_code) for e in result.entries] == [
        (4, "记-001", datetime.date(2026, 3, 5), "501"),
        (6, "记-002", datetime.date(2026, 3, 10), "531"),
    ]
    assert result.entries[1].expenditure == Decimal("1500.50")


def test_a_large_csv_parses_row_by_row():
    lines = ["日期,凭证号,摘要,科目编码,收入,支出"]
    lines += [f"2026-03-05,记-{n},保洁员工资,531,,{n % 97 + 1}.50" for n in range(5000)]
    sheet = read_table("\n".join(lines).encode("gbk"), "big.csv").sheets[0]

    result = parse_entries(sheet.rows, guess_mapping(lines[0].split(",")), find_header(sheet.rows))

    assert len(result.entries) == 5000
    assert result.entries[-1].line == 5001


def test_parsing_with_columns_still_missing_is_a_programming_error():
    with pytest.raises(ValueError, match="voucher_no"):
        parse_entries([HEADER, SALE], {"date": 0}, 0)


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"),
                                               (701, "ZZ"), (702, "AAA")])  # fmt: skip
def test_columns_are_named_by_their_spreadsheet_letters(index, letter):
    assert column_letter(index) == letter


def test_entries_can_be_taken_one_at_a_time_while_problems_are_counted():
    result = ParseResult()
    bad = [*SALE[:1], "", *SALE[2:]]

    entries = iter_entries([HEADER, SALE, bad, WAGES, ["合计"]], guess_mapping(HEADER), 0,
                           result=result)  # fmt: skip

    assert next(entries).line == 2
    assert result.problem_count == 0
    assert [entry.line for entry in entries] == [4]
    assert (result.problem_count, result.totals_rows, result.entries) == (1, 1, [])


def test_problems_beyond_the_limit_are_counted_but_not_kept():
    bad = [*SALE[:5], "abc", "xyz", *SALE[7:]]

    result = parse([HEADER] + [bad] * (PROBLEM_LIMIT + 10))

    assert len(result.problems) == PROBLEM_LIMIT
    assert result.problem_count == 2 * (PROBLEM_LIMIT + 10)


def test_income_alone_does_not_hide_a_complete_pair_of_debit_and_credit():
    header = ["日期", "凭证号", "摘要", "科目编码", "收入", "借方", "贷方"]
    row = ["2026-03-05", "记-001", "卖树", "501", None, None, "800"]

    (entry,) = parse([header, row]).entries

    assert entry.expenditure == Decimal("800.00")


def test_a_two_row_header_with_amount_over_income_and_expenditure_reads_like_one_row():
    rows = [
        ["日期", "凭证号", "摘要", "科目编码", "金额", None],
        [None, None, None, None, "收入", "支出"],
        ["2026-03-05", "记-001", "卖树", "501", None, "abc"],
    ]

    with translation.override("en"):
        problems = [str(problem) for problem in parse(rows).problems]

    assert problems == [
        "Row 3, column F (支出): “abc” is not an amount of money; write it like 1234.50."
    ]


def test_a_problem_in_a_column_without_a_heading_names_the_column_alone():
    problem = Problem(row=7, column="C", header="", message="This cell must not be empty.")

    with translation.override("en"):
        assert str(problem) == "Row 7, column C: This cell must not be empty."


def test_headings_repeated_at_the_top_of_each_printed_page_are_not_entries():
    rows = [HEADER, SALE, ["过次页"], ["承前页"], HEADER, WAGES]

    result = parse(rows)

    assert result.problems == []
    assert [entry.line for entry in result.entries] == [2, 6]
    assert result.totals_rows == 2


def test_a_mapping_to_columns_beyond_the_header_reads_them_as_empty():
    mapping = guess_mapping(HEADER) | {"summary": 12}

    with translation.override("en"):
        problems = [str(problem) for problem in parse_entries([HEADER, SALE], mapping, 0).problems]

    assert problems == ["Row 2, column M: This cell must not be empty."]


@pytest.mark.parametrize(
    ("cell", "code", "name"),
    [
        ("531 管理费用", "531", "管理费用"),
        ("53105招待费", "53105", "招待费"),
        ("531.01", "531.01", ""),
        ("53105 管理费用—招待费（接待上级检查）", "53105", "管理费用—招待费(接待上级检查)"),
    ],
)
def test_an_account_written_as_code_and_name_in_one_cell_is_split(cell, code, name):
    header = ["日期", "凭证号", "摘要", "科目编码", "收入", "支出"]
    row = ["2026-03-15", "记-005", "接待检查组", cell, None, "320"]

    (entry,) = parse([header, row]).entries

    assert (entry.account_code, entry.account_name) == (code, name)


def test_a_separate_account_name_wins_over_the_name_beside_the_code():
    row = [*SALE[:3], "501 经营收入", "土地承包费", *SALE[5:]]

    (entry,) = parse([HEADER, row]).entries

    assert (entry.account_code, entry.account_name) == ("501", "土地承包费")
