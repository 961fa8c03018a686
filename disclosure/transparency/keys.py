"""The deployment's Ed25519 key that signs every county log's checkpoints.

Configured as a signed-note private key (`PRIVATE+KEY+<name>+<id>+<base64(0x01 ‖ seed)>`,
`manage.py log_key --new-key FILE` makes one) in TRANSPARENCY_SIGNING_KEY or the file named by
TRANSPARENCY_SIGNING_KEY_FILE. Its name only tells operators which key it is: each log signs
under its own origin, as C2SP tlog-checkpoint recommends, so the same key has a verifier key per
log. While a key is being replaced, TRANSPARENCY_PREVIOUS_SIGNING_KEY signs beside it;
TRANSPARENCY_RETIRED_PUBLIC_KEYS keeps the public halves of keys no longer used, so that old
checkpoints can still be checked (docs/transparency.md, "Rotating the key").
"""

import base64
import binascii
import os
import tempfile
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import notes
from .errors import LogError

DEVELOPMENT_KEY_NAME = "cunwu-development"


def development_key(path: Path) -> str:
    """Outside production: a key made once and kept under var/, shared by every process."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    signer = notes.new_signer(DEVELOPMENT_KEY_NAME, notes.ED25519)
    # Written aside and linked into place, so that a process starting at the same moment reads
    # either no file or the whole key, and the first key made is the one every process keeps.
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False) as file:
        file.write(signer.text + "\n")
    try:
        os.link(file.name, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(file.name)
    return path.read_text().strip()


def write_new_key(path: Path, text: str) -> None:
    """Write a new private key readable by its owner only; FileExistsError rather than replace
    a key that may already sign."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(text + "\n")


def checked_signer(setting: str, text: str) -> str:
    """The setting's private key, or ImproperlyConfigured saying what is wrong with it."""
    try:
        notes.parse_signer(text, notes.ED25519)
    except LogError as error:
        raise ImproperlyConfigured(f"{setting} is not a usable signing key: {error}") from None
    return text.strip()


def checked_public_keys(setting: str, values: list[str]) -> list[str]:
    for value in values:
        try:
            valid = len(base64.b64decode(value, validate=True)) == 32
        except (binascii.Error, ValueError):
            valid = False
        if not valid:
            raise ImproperlyConfigured(
                f"{setting} must list Ed25519 public keys in base64 (32 bytes), not {value!r}"
            )
    return values


def origin_host(explicit: str, public_base_url: str) -> str:
    """TRANSPARENCY_ORIGIN_HOST, or else the host and path of PUBLIC_BASE_URL; "" if neither."""
    if explicit:
        host = explicit.strip().rstrip("/")
    else:
        parts = urlsplit(public_base_url)
        host = (parts.netloc + parts.path).rstrip("/")
    if any(character.isspace() or character == "+" for character in host) or "://" in host:
        raise ImproperlyConfigured(
            f"TRANSPARENCY_ORIGIN_HOST must be a host name and path without a scheme, spaces "
            f"or +, not {host!r}"
        )
    return host


@cache
def _signer(text: str) -> notes.Signer:
    return notes.parse_signer(text, notes.ED25519)


def signers() -> list[notes.Signer]:
    """The keys that sign new checkpoints: the current one, then the previous one if set."""
    texts = [settings.TRANSPARENCY_SIGNING_KEY, settings.TRANSPARENCY_PREVIOUS_SIGNING_KEY]
    return [_signer(text) for text in texts if text]


def log_signers(origin: str) -> list[notes.Signer]:
    return [signer.renamed(origin) for signer in signers()]


def log_verifiers(origin: str, *, retired: bool = False) -> list[notes.Verifier]:
    """The log's verifier keys: those that sign now and, with `retired`, those that did."""
    public_keys = [signer.public_key for signer in signers()]
    if retired:
        public_keys += [base64.b64decode(key) for key in settings.TRANSPARENCY_RETIRED_PUBLIC_KEYS]
    return [notes.Verifier(origin, notes.ED25519, key) for key in public_keys]
