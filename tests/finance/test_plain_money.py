"""Amounts as the village page's glance says them: rounded to the yuan, in 万元 from ten
thousand up; every exact figure stays one tap away."""

from decimal import Decimal

import pytest
from django.utils import translation

from disclosure.finance.money import format_plain_money


@pytest.mark.parametrize(
    ("amount", "said"),
    [
        (Decimal("128000.00"), "12.8万元"),
        (Decimal("10000"), "1万元"),
        (Decimal("43760.00"), "4.38万元"),
        (Decimal("9999.49"), "9,999元"),
        (Decimal("320.50"), "321元"),
        (Decimal("0"), "0元"),
        (Decimal("-21880.00"), "\u22122.19万元"),
        (Decimal("123456789.00"), "12345.68万元"),
    ],
)
def test_amounts_are_said_in_wan_from_ten_thousand_up(amount, said):
    with translation.override("zh-hans"):
        assert format_plain_money(amount) == said


def test_in_english_an_amount_is_rounded_yuan():
    with translation.override("en"):
        assert format_plain_money(Decimal("128000.40")) == "¥128,000"
        assert format_plain_money(Decimal("-5.5")) == "\u2212¥6"


def test_a_float_is_refused_and_nothing_is_said_for_no_amount():
    with pytest.raises(TypeError):
        format_plain_money(1.5)
    assert format_plain_money(None) == ""
