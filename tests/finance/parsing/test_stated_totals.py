"""The file's own totals (合计) are read and compared with what its entries add up to."""

from disclosure.finance.parsing import find_header, guess_mapping, header_row, parse_entries

from .test_entries import HEADER, SALE, WAGES


def parse(rows):
    header_index = find_header(rows)
    return parse_entries(rows, guess_mapping(header_row(rows, header_index)), header_index)


def total(label, income, expenditure):
    return [label, None, None, None, None, income, expenditure, None, None, None]


def test_a_total_that_matches_the_entries_is_no_problem():
    result = parse([HEADER, SALE, WAGES, total("合计", "6,000.00", "1500")])
    assert result.problems == []


def test_a_total_that_differs_is_a_problem_on_its_row_and_column():
    result = parse([HEADER, SALE, WAGES, total("本月合计", "6000.00", "1600.00")])

    (problem,) = result.problems
    assert (problem.row, problem.column, problem.header) == (4, "G", "支出")
    assert "1,600.00" in problem.message and "1,500.00" in problem.message


def test_each_monthly_total_covers_its_month_and_the_quarter_total_all_of_them():
    rows = [HEADER, SALE, total("本月合计", "6000", None), WAGES, total("本月合计", None, "1500")]
    rows.append(total("本季合计", "6000", "1500"))
    assert parse(rows).problems == []


def test_running_sums_and_subtotals_are_not_compared():
    rows = [HEADER, SALE, WAGES, total("本年累计", "90000", "70000"), total("小计", "1", "2")]
    assert parse(rows).problems == []
