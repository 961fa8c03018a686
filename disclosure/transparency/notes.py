"""Signed notes, checkpoints and cosignatures, as C2SP specifies them (signed-note,
tlog-checkpoint, tlog-cosignature), with Ed25519 from the `cryptography` package.

    a note:       text ending in "\\n", a blank line, then lines "— <key name> <base64(id ‖ sig)>"
    a key id:     SHA-256(name ‖ "\\n" ‖ type ‖ 32-byte public key)[:4], big-endian
    a verifier:   "<name>+<8 hex digits of the key id>+<base64(type ‖ public key)>"
    a signer:     "PRIVATE+KEY+<name>+<8 hex digits>+<base64(type ‖ 32-byte seed)>"

Type 0x01 is a log's Ed25519 signature over the note text; type 0x04 a witness's cosignature
(cosignature/v1) over "cosignature/v1\\ntime <seconds>\\n" followed by the note text, signed as
8 bytes of big-endian timestamp followed by the 64-byte signature. docs/transparency.md gives
the bytes with examples; tools/verify_chain.py re-implements the verifying half.
"""

import base64
import binascii
import hashlib
import re
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from .errors import LogError, gettext_noop

ED25519 = 0x01
COSIGNATURE_V1 = 0x04
KEY_TYPES = {ED25519: "Ed25519", COSIGNATURE_V1: "cosignature/v1"}
SIGNATURE_PREFIX = "— "
MAX_SIGNATURES = 100
MAX_TIMESTAMP = 2**63 - 1
_HEX_ID = re.compile(r"[0-9a-f]{8}")
_DECIMAL = re.compile(r"0|[1-9][0-9]{0,18}")
_FORBIDDEN_IN_NAME = re.compile(r"[\s+]")
VERIFIER_KEY = gettext_noop("the verifier key")
PRIVATE_KEY = gettext_noop("the private key")


class NoteError(LogError):
    """A key, note or signature that cannot be read or does not verify."""


def key_id(name: str, key_type: int, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + bytes([key_type]) + public_key).digest()[:4]


def _check_name(name: str) -> None:
    if not name or _FORBIDDEN_IN_NAME.search(name):
        raise NoteError(
            gettext_noop("“%(name)s” is not a key name: it must be non-empty, without spaces or +"),
            name=name,
        )


def _decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError(gettext_noop("%(what)s is not valid base64"), what=what) from None


@dataclass(frozen=True)
class Verifier:
    """A public key under a name: checks signatures (type 0x01) or cosignatures (type 0x04)."""

    name: str
    key_type: int
    public_key: bytes

    @property
    def key_id(self) -> bytes:
        return key_id(self.name, self.key_type, self.public_key)

    @property
    def text(self) -> str:
        encoded = base64.b64encode(bytes([self.key_type]) + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{encoded}"

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class Signer:
    name: str
    key_type: int
    seed: bytes

    @property
    def public_key(self) -> bytes:
        public = Ed25519PrivateKey.from_private_bytes(self.seed).public_key()
        return public.public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def verifier(self) -> Verifier:
        return Verifier(self.name, self.key_type, self.public_key)

    @property
    def text(self) -> str:
        encoded = base64.b64encode(bytes([self.key_type]) + self.seed).decode()
        return f"PRIVATE+KEY+{self.name}+{self.verifier.key_id.hex()}+{encoded}"

    def renamed(self, name: str) -> "Signer":
        """The same key signing under another name (a log signs as its origin)."""
        _check_name(name)
        return Signer(name, self.key_type, self.seed)

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.seed).sign(message)


def _key_parts(text: str, what: str) -> tuple[str, str, bytes]:
    parts = text.split("+", 2)
    if len(parts) != 3 or not _HEX_ID.fullmatch(parts[1]):
        raise NoteError(
            gettext_noop("%(what)s must read <name>+<8 hex digits>+<base64>"), what=what
        )
    _check_name(parts[0])
    material = _decode(parts[2], what)
    if len(material) != 33 or material[0] not in KEY_TYPES:
        raise NoteError(
            gettext_noop("%(what)s must hold a type byte 0x01 or 0x04 and a 32-byte Ed25519 key"),
            what=what,
        )
    return parts[0], parts[1], material


def parse_verifier(text: str, key_type: int | None = None) -> Verifier:
    name, hex_id, material = _key_parts(text.strip(), VERIFIER_KEY)
    verifier = Verifier(name, material[0], material[1:])
    _check_key(verifier, hex_id, key_type, VERIFIER_KEY)
    return verifier


def parse_signer(text: str, key_type: int | None = None) -> Signer:
    text = text.strip()
    if not text.startswith("PRIVATE+KEY+"):
        raise NoteError(gettext_noop("a private key starts with PRIVATE+KEY+"))
    name, hex_id, material = _key_parts(text.removeprefix("PRIVATE+KEY+"), PRIVATE_KEY)
    signer = Signer(name, material[0], material[1:])
    _check_key(signer.verifier, hex_id, key_type, PRIVATE_KEY)
    return signer


def _check_key(verifier: Verifier, hex_id: str, key_type: int | None, what: str) -> None:
    if key_type is not None and verifier.key_type != key_type:
        raise NoteError(
            gettext_noop("%(what)s is of type %(found)s, not %(expected)s"),
            what=what,
            found=KEY_TYPES[verifier.key_type],
            expected=KEY_TYPES[key_type],
        )
    if verifier.key_id.hex() != hex_id:
        raise NoteError(
            gettext_noop("the key id in %(what)s does not match its name and key"), what=what
        )


def new_signer(name: str, key_type: int) -> Signer:
    _check_name(name)
    seed = Ed25519PrivateKey.generate().private_bytes_raw()
    return Signer(name, key_type, seed)


@dataclass(frozen=True)
class Signature:
    name: str
    key_id: bytes
    signature: bytes

    @property
    def line(self) -> str:
        encoded = base64.b64encode(self.key_id + self.signature).decode()
        return f"{SIGNATURE_PREFIX}{self.name} {encoded}\n"


@dataclass(frozen=True)
class Note:
    text: str
    signatures: tuple[Signature, ...]

    def __str__(self) -> str:
        return self.text + "\n" + "".join(signature.line for signature in self.signatures)


def parse_note(raw: str | bytes) -> Note:
    """Split a signed note into its text and signature lines, refusing anything malformed."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise NoteError(gettext_noop("the note is not UTF-8 text")) from None
    if re.search(r"[\x00-\x09\x0b-\x1f]", raw):
        raise NoteError(gettext_noop("the note holds control characters"))
    split = raw.rfind("\n\n")
    if split < 0 or not raw.endswith("\n"):
        raise NoteError(gettext_noop("the note has no blank line before its signatures"))
    lines = raw[split + 2 :].splitlines()
    if not lines or len(lines) > MAX_SIGNATURES:
        raise NoteError(gettext_noop("the note must carry between 1 and 100 signatures"))
    return Note(raw[: split + 1], tuple(_parse_signature(line) for line in lines))


def _parse_signature(line: str) -> Signature:
    name, _, encoded = line.removeprefix(SIGNATURE_PREFIX).partition(" ")
    if not line.startswith(SIGNATURE_PREFIX) or " " in encoded:
        raise NoteError(gettext_noop("“%(line)s” is not a signature line"), line=line[:80])
    _check_name(name)
    raw = _decode(encoded, gettext_noop("a signature"))
    if len(raw) < 5:
        raise NoteError(gettext_noop("a signature is too short"))
    return Signature(name, raw[:4], raw[4:])


def sign(text: str, signer: Signer) -> Signature:
    return Signature(signer.name, signer.verifier.key_id, signer.sign(text.encode()))


def known_signatures(note: Note, verifier: Verifier) -> list[Signature]:
    return [s for s in note.signatures if (s.name, s.key_id) == (verifier.name, verifier.key_id)]


def verify(note: Note, verifiers: list[Verifier]) -> list[Verifier]:
    """The verifiers whose signatures the note carries; signed-note's rules: signatures of
    unknown keys are ignored, one of a known key that fails rejects the note, and at least one
    known key must have signed."""
    signed = []
    for verifier in verifiers:
        for signature in known_signatures(note, verifier):
            if not verifier.verify(note.text.encode(), signature.signature):
                raise NoteError(
                    gettext_noop("the signature of %(name)s does not verify"), name=verifier.name
                )
            signed.append(verifier)
    if not signed:
        raise NoteError(gettext_noop("the note is not signed by any key it was checked against"))
    return signed


def checkpoint_text(origin: str, size: int, root: bytes) -> str:
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"


def parse_checkpoint(text: str) -> tuple[str, int, bytes]:
    """Origin, tree size and root hash of a checkpoint's note text (extension lines ignored)."""
    lines = text.split("\n")
    if len(lines) < 4 or not all(lines[:3]):
        raise NoteError(gettext_noop("a checkpoint needs an origin, a tree size and a root hash"))
    if not _DECIMAL.fullmatch(lines[1]):
        raise NoteError(
            gettext_noop("the tree size “%(size)s” is not a decimal number"), size=lines[1][:20]
        )
    return lines[0], int(lines[1]), decode_hash(lines[2])


def decode_hash(text: str) -> bytes:
    value = _decode(text, gettext_noop("a hash"))
    if len(value) != 32:
        raise NoteError(gettext_noop("a hash is not 32 bytes"))
    return value


def cosigned_message(text: str, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n{text}".encode()


def cosign(text: str, signer: Signer, timestamp: int) -> Signature:
    signature = signer.sign(cosigned_message(text, timestamp))
    return Signature(signer.name, signer.verifier.key_id, struct.pack(">Q", timestamp) + signature)


def verify_cosignature(text: str, signature: Signature, witness: Verifier) -> int:
    """The time the witness cosigned the checkpoint text at; NoteError if it did not."""
    if len(signature.signature) != 72:
        raise NoteError(gettext_noop("a cosignature is 8 bytes of time and 64 of signature"))
    (timestamp,) = struct.unpack(">Q", signature.signature[:8])
    if timestamp > MAX_TIMESTAMP or not witness.verify(
        cosigned_message(text, timestamp), signature.signature[8:]
    ):
        raise NoteError(
            gettext_noop("the cosignature of %(name)s does not verify"), name=witness.name
        )
    return timestamp
