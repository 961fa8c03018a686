import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.datetime import from_excel, to_excel

from disclosure.spreadsheets import parse_amount, parse_date

FULL_WIDTH = str.maketrans("0123456789,.()-¥", "０１２３４５６７８９，．（）－￥")

amounts = st.decimals(
    min_value=Decimal("-999999999999.99"),
    max_value=Decimal("999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


def written_forms(amount: Decimal) -> list[str]:
    sign = "-" if amount < 0 else ""
    size = abs(amount)
    forms = [
        f"{amount:.2f}",
        f"{amount:,.2f}",
        f"{sign}¥{size:,.2f}",
        f"¥{amount:.2f}",
        f"{sign}￥{size:,.2f}",
        f"{amount:.2f}元",
        f"{amount:,.2f} 元",
        f"  {amount:.2f} ",
        f"{amount:,.2f}".translate(FULL_WIDTH),
    ]
    if amount < 0:
        forms += [f"({size:,.2f})", f"−{size:.2f}", f"({size:.2f})".translate(FULL_WIDTH)]
    return forms


@given(amounts)
def test_every_written_form_of_an_amount_reads_back_to_the_same_amount(amount):
    for written in written_forms(amount):
        assert parse_amount(written) == amount, written


@given(amounts)
def test_numeric_cells_read_back_to_the_same_amount(amount):
    assert parse_amount(amount) == amount
    assert parse_amount(float(amount)) == amount
    if amount == amount.to_integral_value():
        assert parse_amount(int(amount)) == amount


@given(st.one_of(st.text(), st.floats(), st.integers(), st.decimals()))
def test_anything_else_is_refused_with_a_value_error_and_nothing_worse(value):
    try:
        amount = parse_amount(value)
    except ValueError as error:
        assert str(error)
    else:
        assert amount is None or amount == amount.quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1,234.50", "1234.50"),
        ("¥1234.5", "1234.50"),
        ("￥1,234.50", "1234.50"),
        ("1234.50元", "1234.50"),
        ("(1,234.50)", "-1234.50"),
        ("−1234", "-1234.00"),
        ("１２３４．５", "1234.50"),
        (" 1 234.50 ", "1234.50"),
        ("1234.500", "1234.50"),
    ],
)
def test_the_usual_ways_of_writing_money_are_understood(written, amount):
    assert parse_amount(written) == Decimal(amount)


@pytest.mark.parametrize("empty", [None, "", "   ", "-", "—"])
def test_an_empty_amount_is_none(empty):
    assert parse_amount(empty) is None


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("12.345", "more than two decimal places"),
        (12.345, "more than two decimal places"),
        ("1,23", "not an amount of money"),
        ("abc", "not an amount of money"),
        ("1e5", "not an amount of money"),
        ("(-5)", "both brackets and a sign"),
        ("1000000000000", "too large"),
        (float("nan"), "not an amount of money"),
        (True, "not an amount of money"),
    ],
)
def test_amounts_that_cannot_be_money_are_refused_with_a_reason(written, says):
    with translation.override("en"), pytest.raises(ValueError, match=says):
        parse_amount(written)


dates = st.dates(min_value=datetime.date(1000, 1, 1))


def written_dates(day: datetime.date) -> list[str]:
    y, m, d = day.year, day.month, day.day
    return [
        day.isoformat(),
        f"{y}/{m}/{d}",
        f"{y}年{m}月{d}日",
        f"{y}.{m}.{d}",
        f"{y:04d}{m:02d}{d:02d}",
        f" {y}-{m}-{d} 00:00:00 ",
        f"{y}年{m}月{d}日".translate(FULL_WIDTH),
        f"{y}/{m:02d}/{d:02d}".translate(str.maketrans("0123456789/", "０１２３４５６７８９／")),
    ]


@given(dates)
def test_every_written_form_of_a_date_reads_back_to_the_same_date(day):
    for written in written_dates(day):
        assert parse_date(written) == day, written


@given(dates)
def test_date_and_datetime_cells_are_taken_as_they_are(day):
    assert parse_date(day) == day
    assert parse_date(datetime.datetime.combine(day, datetime.time(9, 30))) == day


@given(st.dates(min_value=datetime.date(1900, 3, 1)))
def test_excel_serial_numbers_read_as_the_date_excel_shows(day):
    serial = int(to_excel(day))
    assert parse_date(serial) == day
    assert parse_date(str(serial)) == day
    assert parse_date(Decimal(serial) + Decimal("0.5")) == day


@given(st.integers(min_value=1, max_value=2958465).filter(lambda serial: serial != 60))
def test_excel_serial_numbers_match_openpyxl(serial):
    assert parse_date(serial) == from_excel(serial).date()


def test_the_serial_number_of_the_example_is_the_fifth_of_march():
    assert parse_date(46086) == datetime.date(2026, 3, 5)


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_anything_else_is_refused_as_a_date_with_a_value_error_and_nothing_worse(value):
    try:
        day = parse_date(value)
    except ValueError as error:
        assert str(error)
    else:
        assert isinstance(day, datetime.date)


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("2026-02-30", "not a date that exists"),
        ("2026年13月1日", "not a date that exists"),
        ("20260230", "not a date that exists"),
        ("yesterday", "not a date"),
        ("3/5/2026", "not a date"),
        (60, "neither a date nor an Excel date number"),
        (0, "neither a date nor an Excel date number"),
        ("", "A date is needed here"),
        (None, "A date is needed here"),
    ],
)
def test_impossible_dates_are_refused_with_a_reason(written, says):
    with translation.override("en"), pytest.raises(ValueError, match=says):
        parse_date(written)
