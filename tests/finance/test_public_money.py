from decimal import Decimal

import pytest
from django.template import Context, Template

from disclosure.finance.money import format_money


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("1234.5"), "¥1,234.50"),
        (Decimal("0"), "¥0.00"),
        (Decimal("1234567.89"), "¥1,234,567.89"),
        (Decimal("-1234.50"), "\u2212¥1,234.50"),
        (Decimal("-0.00"), "¥0.00"),
        ("88", "¥88.00"),
        (7, "¥7.00"),
    ],
)
def test_amounts_are_shown_the_chinese_way_to_the_fen(amount, shown):
    assert format_money(amount) == shown


def test_a_large_amount_loses_no_fen():
    assert format_money(Decimal("98765432109876.01")) == "¥98,765,432,109,876.01"


def test_nothing_is_shown_for_a_missing_amount():
    assert format_money(None) == ""


def test_a_float_is_refused_because_it_may_already_be_wrong():
    with pytest.raises(TypeError):
        format_money(0.1)


def test_the_money_filter_formats_in_templates():
    template = Template("{% load finance %}{{ amount|money }}")
    assert template.render(Context({"amount": Decimal("-5")})) == "\u2212¥5.00"
