"""Personal data on its way out: identity numbers and mobile numbers are never shown in full.

Free text typed by a clerk is masked when it is saved, so that a full identity number never
enters a published (and therefore permanent) revision. `mask_identity_number` and `mask_phone`
serve structured values on every public surface: templates, the API and exports.
"""

import re

# 18-digit resident identity numbers (the last may be X) and the older 15-digit ones, also when
# written in groups (320102 19900101 1234). Any digit next to them means a longer number, such as
# a voucher or account number, which is left alone; a letter before them (ID320102…) is not.
# They start with a region code, never with 0 (0086 starts a telephone number). \d also matches
# full-width digits, which Chinese input methods produce.
_IDENTITY = re.compile(
    r"(?<!\d)([1-9１-９]\d{5})[ -]?(\d{8}|\d{6})[ -]?(\d{3}[\dXxＸｘ]|\d{3})(?![\dXxＸｘ])"
)
# Mobile numbers, with or without the country code and in groups: +86 138-1234-5678.
_MOBILE = re.compile(
    r"(?<!\d)((?:\+|00)?86[ -]?)?([1１][3-9３-９]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)"
)


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


def mask_text(text: str) -> str:
    """Mask every identity number and mobile number found in free text."""
    text = _IDENTITY.sub(lambda m: mask_identity_number("".join(m.groups())), text)
    return _MOBILE.sub(lambda m: (m.group(1) or "") + mask_phone("".join(m.groups()[1:])), text)


def mask_name(value: str) -> str:
    """王*: the first character (the surname, or the first of a two-character one) and one *,
    whatever the name's length, which would otherwise narrow down who it is."""
    value = (value or "").strip()
    return value[:1] + "*" if value else ""
