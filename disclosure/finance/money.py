"""Money as villagers read it: ¥1,234.50, exact to the fen, negatives as −¥1,234.50."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import get_language

CENT = Decimal("0.01")
# U+2212, the typographic minus: a hyphen is easily missed on a cheap phone screen.
MINUS = "\u2212"


def format_money(value) -> str:
    """The amount in yuan with thousands separators and two decimals; "" when there is none.

    Floats are refused: an amount that was ever a float may already be off by a fen.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        raise TypeError("Money must not be a float.")
    try:
        amount = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, TypeError):
        return ""
    sign = MINUS if amount < 0 else ""
    return f"{sign}¥{abs(amount):,.2f}"


WAN = Decimal(10000)


def format_plain_money(value) -> str:
    """The amount as one says it, rounded to the yuan: 12.8万元 from ten thousand up, 8,560元
    below, ¥12,800 in English. For summaries only: every exact figure is one tap away."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        raise TypeError("Money must not be a float.")
    amount = Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = MINUS if amount < 0 else ""
    amount = abs(amount)
    if not (get_language() or "zh-hans").startswith("zh"):
        return f"{sign}¥{amount:,}"
    if amount >= WAN:
        wan = (amount / WAN).quantize(CENT, rounding=ROUND_HALF_UP).normalize()
        return f"{sign}{wan:f}万元"
    return f"{sign}{amount:,}元"
