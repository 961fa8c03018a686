"""The paper slip a household receives with each list, and what lets it find its own entries.

A household's slip code is the same on every slip of every list, in every year: it is derived from
the identity number listed with a key the portal keeps outside the database
(settings.BENEFITS_SLIP_KEY). Each recipient row has a `Slip` holding, for the portal only, a
keyed pseudonym of the identity number (to find the rows) and the row's two salts sealed with a key
that only the identity number together with the slip code gives. With the salts, the lookup proves
each row against the commitments in the chain, so it keeps working when the list's personal values
have been removed. docs/integrity.md, "Checking one's own household", describes it exactly.
"""

import hashlib
import hmac
import os
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

from .personal import is_identity_number

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not mistaken.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8
_READ_AS = {"O": "0", "I": "1", "L": "1"}
_NONCE_BYTES = 12


def normalise_identity(typed: str) -> str | None:
    """The identity number as the lists store it, or None when it is not one.

    Spaces anywhere, full-width digits and a lower-case check character are what people type.
    """
    folded = unicodedata.normalize("NFKC", typed or "")
    value = "".join(folded.split()).upper()
    return value if is_identity_number(value) else None


def normalise_code(typed: str) -> str | None:
    folded = unicodedata.normalize("NFKC", typed or "").upper()
    code = "".join(_READ_AS.get(char, char) for char in folded if char not in " -")
    if len(code) != CODE_LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def _keyed(label: str, identity_number: str) -> bytes:
    message = f"{label}\n{identity_number}".encode()
    return hmac.new(settings.BENEFITS_SLIP_KEY.encode(), message, hashlib.sha256).digest()


def person_key(identity_number: str) -> str:
    """The pseudonym rows are found by: without the slip key, nobody can tell whose it is."""
    return _keyed("person", identity_number).hex()


def slip_code(identity_number: str) -> str:
    """Eight characters (40 bits) printed on the household's slips."""
    number = int.from_bytes(_keyed("slip", identity_number)[:5], "big")
    return "".join(ALPHABET[(number >> shift) & 31] for shift in range(35, -1, -5))


def shown(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def _sealing_key(identity_number: str, code: str) -> bytes:
    return hashlib.sha256(f"seal\n{identity_number}\n{code}".encode()).digest()


def seal(*, name_salt: str, identity_salt: str, identity_number: str) -> str:
    """The two salts, readable again only with the identity number and the slip code."""
    key = _sealing_key(identity_number, slip_code(identity_number))
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, f"{name_salt}:{identity_salt}".encode(), None)
    return (nonce + sealed).hex()


def unseal(sealed: str, *, identity_number: str, code: str) -> tuple[str, str] | None:
    """(name salt, identity salt), or None when the number or the code is not the one sealed."""
    raw = bytes.fromhex(sealed)
    try:
        plain = AESGCM(_sealing_key(identity_number, code)).decrypt(
            raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], None
        )
    except InvalidTag:
        return None
    name_salt, identity_salt = plain.decode().split(":")
    return name_salt, identity_salt
