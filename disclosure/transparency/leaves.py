"""What a leaf of a county log says: one line of ASCII naming a published revision, or a public
record kept beside the revisions (a payment, an answered question, …).

    revision <village code> <seq> <digest>\\n
    record <village code> <name> <id> <digest>\\n

`village code` is the village's 12-digit division code. A revision leaf gives its position in
the village's chain (`seq`: 1, 2, 3, …, no leading zeros) and its 64 lowercase hex digest
(docs/integrity.md). A record leaf gives the record's kind (`name`: lowercase letters and
underscores, such as `payment`), its id (no leading zeros) and the digest of its public state
(docs/integrity.md, "Records beside the revisions"). Publishing builds them with
`revision_leaf` and `record_leaf`; the log refuses anything else, so that every entry's village
and digest can be read back from the leaf itself.
"""

import re
from dataclasses import dataclass

from .errors import LogError, gettext_noop

_REVISION = re.compile(rb"revision (\d{12}) ([1-9]\d{0,15}) ([0-9a-f]{64})\n")
_RECORD = re.compile(rb"record (\d{12}) ([a-z][a-z_]{0,29}) ([1-9]\d{0,18}) ([0-9a-f]{64})\n")


@dataclass(frozen=True)
class Leaf:
    """A published revision's leaf."""

    village_code: str
    seq: int
    digest: str


@dataclass(frozen=True)
class RecordLeaf:
    """A public record's leaf: one for each state of the record villagers were shown."""

    village_code: str
    name: str
    record_id: int
    digest: str


def revision_leaf(*, village_code: str, seq: int, digest: str) -> bytes:
    data = f"revision {village_code} {seq} {digest}\n".encode("ascii")
    parse(data)
    return data


def record_leaf(*, village_code: str, name: str, record_id: int, digest: str) -> bytes:
    data = f"record {village_code} {name} {record_id} {digest}\n".encode("ascii")
    parse(data)
    return data


def parse(data: bytes) -> Leaf | RecordLeaf:
    data = bytes(data)
    if found := _REVISION.fullmatch(data):
        code, seq, digest = found.groups()
        return Leaf(code.decode(), int(seq), digest.decode())
    if found := _RECORD.fullmatch(data):
        code, name, number, digest = found.groups()
        return RecordLeaf(code.decode(), name.decode(), int(number), digest.decode())
    raise LogError(
        gettext_noop(
            "a leaf must read “revision <village code> <seq> <digest>” or "
            "“record <village code> <name> <id> <digest>”, and a newline"
        )
    )
