"""Personal data on its way out: identity numbers and mobile numbers are never shown in full.

Free text typed by a clerk is masked when it is saved, so that a full identity number never
enters a published (and therefore permanent) revision. `mask_identity_number` and `mask_phone`
serve structured values on every public surface: templates, the API and exports.
"""

import re
import unicodedata

# Numbers are typed every way: in groups split by spaces or hyphens (half- or full-width), in
# full-width digits from Chinese input methods (\d matches them), with the check character as
# x, X or × (a multiplication sign). Between any two characters of a number one such separator
# may stand; what is found is normalised (digits made ASCII, separators dropped) and masked.
_SEPARATOR = r"[ \u00a0\u3000\-\u2010-\u2015\u2212\uff0d]"
_S = _SEPARATOR + "?"
_CHECK = r"[\dXxＸｘ×]"
# 18-digit resident identity numbers (the last may be X) and the older 15-digit ones. A digit
# right next to them means a longer number, such as a voucher or account number, which is left
# alone; a letter before them (ID320102…) is not. They start with a region code, never with 0
# (0086 starts a telephone number).
_IDENTITY = re.compile(
    rf"(?<!\d)[1-9１-９](?:{_S}\d){{16}}{_S}{_CHECK}(?!{_CHECK})"
    rf"|(?<!\d)[1-9１-９](?:{_S}\d){{14}}(?!{_CHECK})"
)
# Mobile numbers, with or without the country code (+86, 0086, 86), in any grouping.
_MOBILE = re.compile(
    rf"(?<!\d)((?:[+＋]|[0０]{{2}})?[8８][6６]{_S})?([1１]{_S}[3-9３-９](?:{_S}\d){{9}})(?!\d)"
)


def _plain(number: str) -> str:
    """The number as ASCII digits (and X), without separators."""
    text = unicodedata.normalize("NFKC", number).replace("×", "X")
    return re.sub(_SEPARATOR, "", text)


def mask_identity_number(value: str) -> str:
    """3201**********123X: the first four and the last four characters stay."""
    value = (value or "").strip()
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str) -> str:
    """138****5678: the first three and the last four digits stay."""
    value = (value or "").strip()
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_text(text: str, keep: frozenset[str] = frozenset()) -> str:
    """Mask every identity number and mobile number found in free text, except the official
    numbers in `keep` (regions.OfficialNumber: an office hotline, a cadre's work mobile)."""
    text = _IDENTITY.sub(lambda m: mask_identity_number(_plain(m.group())), text)

    def mobile(match) -> str:
        plain = _plain(match.group(2))
        if plain in keep:
            return match.group()
        return (match.group(1) or "") + mask_phone(plain)

    return _MOBILE.sub(mobile, text)


def mask_name(value: str) -> str:
    """王*: the first character (the surname, or the first of a two-character one) and one *,
    whatever the name's length, which would otherwise narrow down who it is."""
    value = (value or "").strip()
    return value[:1] + "*" if value else ""
