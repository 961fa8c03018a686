"""Personal data on its way out: identity numbers and mobile numbers are never shown in full.

Free text typed by a clerk is masked when it is saved, so that a full identity number never
enters a published (and therefore permanent) revision. `mask_identity_number` and `mask_phone`
serve structured values on every public surface: templates, the API and exports.
"""

import re

# 18-digit resident identity numbers (the last may be X) and the older 15-digit ones.
_IDENTITY = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8}|\d{6})(\d{3}[0-9Xx]|\d{3})(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


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
    text = _IDENTITY.sub(lambda m: mask_identity_number(m.group(0)), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group(0)), text)
