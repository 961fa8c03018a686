"""Money as villagers read it: ¥1,234.50, exact to the fen, negatives as −¥1,234.50."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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
