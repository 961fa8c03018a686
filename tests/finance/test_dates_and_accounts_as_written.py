"""Ledgers as accounting software exports them: one account column holding code and name
("531 管理费用"), and dates written without the year ("03-15"), which the period dates."""

import datetime

import pytest

from disclosure.finance.models import StagedEntry
from disclosure.finance.parsing.headers import guess_mapping

from .ledger_files import SIGNED, checked, csv_bytes

pytestmark = pytest.mark.usefixtures("english")
HEADINGS = ["日期", "凭证号", "摘要", "科目", "收入", "支出", "对方单位", "经办人", "审批人"]


def rows(*dates_and_accounts):
    return [
        [when, f"记-{number:03d}", "保洁员工资", account, "", "100.00", "赵秀英", *SIGNED]
        for number, (when, account) in enumerate(dates_and_accounts, start=1)
    ]


def staged(ledger_import) -> list[tuple]:
    entries = StagedEntry.objects.filter(ledger_import=ledger_import).order_by("line")
    return [(e.date, e.account_code, e.account_name, e.category) for e in entries]


def test_a_single_account_column_is_read_as_code_and_name():
    assert guess_mapping(HEADINGS)["account_code"] == 3
    assert "account_name" not in guess_mapping(HEADINGS)


def test_a_combined_account_and_dates_without_the_year_are_read(quarter_a, clerk_a):
    content = csv_bytes(rows(("03-15", "531 管理费用"), ("2月10日", "532公益支出"),
                             ("1/31", "531 管理费用")), HEADINGS)  # fmt: skip

    ledger_import = checked(quarter_a, clerk_a, content)

    assert ledger_import.problems == []
    assert staged(ledger_import) == [
        (datetime.date(2026, 3, 15), "531", "管理费用", "management_expenses"),
        (datetime.date(2026, 2, 10), "532", "公益支出", "public_welfare"),
        (datetime.date(2026, 1, 31), "531", "管理费用", "management_expenses"),
    ]


def test_a_day_without_the_year_outside_the_period_is_a_problem_on_its_row(quarter_a, clerk_a):
    content = csv_bytes(rows(("12-01", "531 管理费用")), HEADINGS)

    [problem] = checked(quarter_a, clerk_a, content).problems

    assert (problem["row"], problem["column"]) == (2, "A")
    assert problem["message"] == (
        "“12-01” has no year, and the period 2026-01-01 to 2026-03-31 has no such day; write "
        "the date in full, like 2026-01-01."
    )


def test_a_day_that_could_be_read_either_way_is_said_to_be_ambiguous(quarter_a, clerk_a):
    content = csv_bytes(rows(("01-02", "531 管理费用"), ("1月2日", "531 管理费用")), HEADINGS)

    [problem] = checked(quarter_a, clerk_a, content).problems

    assert problem["row"] == 2  # 1月2日 says which is the month
    assert problem["message"] == (
        "“01-02” has no year and could be 2026-01-02 or 2026-02-01; write the date in full, "
        "like 2026-01-02."
    )
