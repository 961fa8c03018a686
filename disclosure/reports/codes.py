"""Tracking codes: what a reporter holds instead of an account.

Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L) give about 59 bits, far
beyond what the rate limit on the tracking form lets anyone guess. The code is shown in groups
of four (JB7K-MQ4P-X2HR), read without regard to case, spaces or dashes, and only its SHA-256 is
stored, so the database alone does not let anyone follow a report.
"""

import hashlib
import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12
GROUP = 4
_SEPARATORS = re.compile(r"[\s\-_.·]+")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The code as stored, or None when what was typed cannot be a code at all."""
    code = _SEPARATORS.sub("", typed or "").upper()
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def shown(code: str) -> str:
    return "-".join(code[start : start + GROUP] for start in range(0, len(code), GROUP))


def hash_of(code: str) -> str:
    return hashlib.sha256(code.encode("ascii")).hexdigest()
