"""Cell values as clerks type them: amounts and dates in their many written forms."""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
# LedgerEntry stores money as NUMERIC(14, 2).
AMOUNT_LIMIT = Decimal("1000000000000")

# Minus signs and dashes NFKC leaves alone; a dash alone is how accounting formats show nothing.
_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-", "—": "-", "‒": "-"})
_EMPTY_AMOUNTS = {"", "-", "--", "/"}
_PLAIN = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_CURRENCY_PREFIXES = ("¥", "RMB", "CNY", "人民币")
_CURRENCY_SUFFIXES = ("元", "RMB", "CNY")

# Excel's 1900 date system counts 1900-02-29, a day that never was; serial 60 is that day.
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_LAST_SERIAL = 2958465  # 9999-12-31
# Spreadsheet software often writes a midnight time after the date.
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DATE_PATTERNS = [
    re.compile(pattern + _TIME)
    for pattern in (
        r"(\d{4})-(\d{1,2})-(\d{1,2})",
        r"(\d{4})/(\d{1,2})/(\d{1,2})",
        r"(\d{4})\.(\d{1,2})\.(\d{1,2})",
        r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?",
        r"(\d{4})(\d{2})(\d{2})",
    )
]
# A day without its year, month first as Chinese writes it: 12-01, 12/1, 12.1, 12月1日.
_MONTH_DAY_DIGITS = re.compile(r"(\d{1,2})[-/.](\d{1,2})")
_MONTH_DAY_WORDS = re.compile(r"(\d{1,2})月(\d{1,2})[日号]?")
_SERIAL = re.compile(r"\d{1,7}(?:\.\d+)?")
_SPACES = re.compile(r"\s+")
_SIMPLE_AMOUNT = re.compile(r"\d{1,12}(?:\.\d{1,2})?")


def normalise(value: str) -> str:
    """Fold full-width letters, digits and punctuation to their plain forms (NFKC) and trim."""
    return unicodedata.normalize("NFKC", value).strip()


def parse_amount(value) -> Decimal | None:
    """Read a money amount in yuan, as a Decimal with two places; None for an empty cell.

    Accepts 1,234.50  ¥1234.5  ￥1,234.50  1234.50元  (1,234.50) as a negative  −1234  -1234,
    full-width digits and punctuation, stray spaces, and numeric cells (int, Decimal, float).
    A lone dash, as accounting formats show zero, counts as empty. Raises ValueError with a
    message a clerk can act on for anything else, including more than two decimal places.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(_("This is not an amount of money."))
    if isinstance(value, int):
        return _checked(Decimal(value))
    if isinstance(value, float):
        return _checked(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return _checked(value)
    if not isinstance(value, str):
        raise ValueError(_("This is not an amount of money."))
    return _parse_amount_text(value)


def _parse_amount_text(value: str) -> Decimal | None:
    if _SIMPLE_AMOUNT.fullmatch(value):
        return Decimal(value).quantize(CENT)
    text = _SPACES.sub("", normalise(value).translate(_MINUS_SIGNS))
    if text in _EMPTY_AMOUNTS:
        return None
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    text, sign = _strip_sign(text)
    text = _strip_currency(text)
    if not sign:
        text, sign = _strip_sign(text)
    if sign and negative:
        raise ValueError(
            _("“%(value)s” has both brackets and a sign; use one of them.") % {"value": value}
        )
    negative = negative or sign == "-"
    if not (_PLAIN.fullmatch(text) or _GROUPED.fullmatch(text)):
        raise ValueError(
            _("“%(value)s” is not an amount of money; write it like 1234.50.") % {"value": value}
        )
    amount = Decimal(text.replace(",", ""))
    return _checked(-amount if negative else amount)


def _strip_sign(text: str) -> tuple[str, str]:
    if text[:1] in ("+", "-"):
        return text[1:], text[0]
    return text, ""


def _strip_currency(text: str) -> str:
    for prefix in _CURRENCY_PREFIXES:
        if text.upper().startswith(prefix):
            text = text[len(prefix) :]
            break
    for suffix in _CURRENCY_SUFFIXES:
        if text.upper().endswith(suffix):
            text = text[: -len(suffix)]
            break
    return text


def _checked(amount: Decimal) -> Decimal:
    if not amount.is_finite():
        raise ValueError(_("This is not an amount of money."))
    if abs(amount) >= AMOUNT_LIMIT:
        raise ValueError(_("%(value)s is too large for an amount of money.") % {"value": amount})
    if amount != amount.quantize(CENT, rounding="ROUND_DOWN"):
        raise ValueError(
            _("%(value)s has more than two decimal places; amounts are in yuan and fen.")
            % {"value": amount}
        )
    return amount.quantize(CENT) + Decimal("0.00")


def parse_date(value) -> datetime.date:
    """Read a date: 2026-03-05, 2026/3/5, 2026年3月5日, 2026.3.5, 20260305, an Excel serial number
    (1900 date system, e.g. 46086), a date or datetime cell, full-width digits included.

    Raises ValueError with a message a clerk can act on for anything else or an impossible date.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError(_("A date is needed here."))
    if isinstance(value, int | float | Decimal):
        return _from_number(value)
    if not isinstance(value, str):
        raise ValueError(_("This is not a date."))
    return _parse_date_text(value)


def _parse_date_text(value: str) -> datetime.date:
    text = _SPACES.sub(" ", normalise(value))
    if not text:
        raise ValueError(_("A date is needed here."))
    if _SERIAL.fullmatch(text):
        return _from_number(Decimal(text))
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _make_date(*(int(part) for part in match.groups()), text=value)
    raise ValueError(
        _("“%(value)s” is not a date; write it like 2026-03-05 or 2026年3月5日.") % {"value": value}
    )


def parse_month_day(value: str) -> tuple[int, int, bool] | None:
    """A day written without its year: (month, day, whether it is written in digits only and
    so might have been meant day first), or None when the text is not written so."""
    text = _SPACES.sub("", normalise(value))
    words = _MONTH_DAY_WORDS.fullmatch(text)
    if words:
        return int(words[1]), int(words[2]), False
    digits = _MONTH_DAY_DIGITS.fullmatch(text)
    if digits:
        return int(digits[1]), int(digits[2]), True
    return None


def _make_date(year: int, month: int, day: int, *, text: str) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(_("“%(value)s” is not a date that exists.") % {"value": text}) from None


def _from_number(value) -> datetime.date:
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise ValueError(_("This is not a date.")) from None
    if not number.is_finite():
        raise ValueError(_("This is not a date."))
    if number == number.to_integral_value() and 10000101 <= number <= 99991231:
        digits = str(int(number))
        return _make_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]), text=digits)
    serial = int(number) if 1 <= number < _EXCEL_LAST_SERIAL + 1 else None
    if serial is None or serial == _EXCEL_FAKE_LEAP_DAY:
        raise ValueError(
            _("%(value)s is neither a date nor an Excel date number.") % {"value": value}
        )
    if serial < _EXCEL_FAKE_LEAP_DAY:
        serial += 1
    return _EXCEL_EPOCH + datetime.timedelta(days=serial)
