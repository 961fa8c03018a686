import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from disclosure.spreadsheets import writing

from .formulas import (
    FORMULA_STARTS,
    PAYLOADS,
    assert_csv_runs_nothing,
    assert_xlsx_runs_nothing,
    csv_cells,
    xlsx_values,
)


def test_text_that_starts_like_a_formula_gets_an_apostrophe():
    for payload in [*PAYLOADS, "\t=1+1", "\r=1+1"]:
        assert writing.neutralised(payload) == "'" + payload


def test_ordinary_text_and_numbers_are_left_alone():
    assert writing.neutralised("村道硬化 -2 段") == "村道硬化 -2 段"
    assert writing.neutralised(Decimal("-320.00")) == Decimal("-320.00")
    assert writing.neutralised(-5) == -5


@given(st.text())
def test_no_text_leaves_starting_like_a_formula(text):
    assert not str(writing.neutralised(text)).startswith(FORMULA_STARTS)


def test_a_csv_keeps_negative_amounts_as_numbers_and_neutralises_text():
    rows = [["摘要", "金额"], *[[payload, Decimal("-320.00")] for payload in PAYLOADS]]
    content = writing.as_csv(rows)
    assert content.startswith("\ufeff".encode())
    assert_csv_runs_nothing(content)
    assert "-320.00" in csv_cells(content)


def test_an_xlsx_holds_no_formula_and_keeps_numbers_and_dates():
    day = datetime.date(2026, 3, 5)
    rows = [["摘要", "金额", "日期"], *[[payload, Decimal("-320.00"), day] for payload in PAYLOADS]]
    content = writing.as_xlsx([writing.Sheet("账", rows, {1: writing.MONEY})])
    assert_xlsx_runs_nothing(content)
    values = xlsx_values(content)
    assert -320 in values
    assert datetime.datetime(2026, 3, 5) in values
