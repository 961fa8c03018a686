"""Identity numbers, salted commitments, and how personal values are shown to the public.

docs/integrity.md describes the commitment exactly, so that a recipient shown their own salt and
value by the village can recompute it; change neither without the other.
"""

import hashlib
import secrets

from disclosure.publishing.masking import mask_identity_number, mask_name

from .models import NameDisplay

# ISO 7064 MOD 11-2 weights of the first 17 characters of a resident identity number (GB 11643).
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK_CHARACTERS = "10X98765432"
SALT_BYTES = 16


def check_character(first_17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first_17, _WEIGHTS, strict=True))
    return _CHECK_CHARACTERS[total % 11]


def is_identity_number(value: str) -> bool:
    """18 characters: 17 digits and the MOD 11-2 check character (a digit or X)."""
    if len(value) != 18 or not value[:17].isascii() or not value[:17].isdigit():
        return False
    return value[17] == check_character(value[:17])


def new_salt() -> str:
    return secrets.token_hex(SALT_BYTES)


def commitment(salt: str, value: str) -> str:
    """SHA-256, in lower-case hex, of the UTF-8 bytes of the salt followed by the value."""
    return hashlib.sha256((salt + value).encode("utf-8")).hexdigest()


def public_name(name: str, display: str) -> str:
    return name if display == NameDisplay.FULL else mask_name(name)


def public_identity_number(value: str) -> str:
    return mask_identity_number(value)
