"""What a leaf of a county log says: one line of ASCII naming a published revision.

    revision <village code> <seq> <digest>\\n

`village code` is the village's 12-digit division code, `seq` its position in the village's
chain (1, 2, 3, …, no leading zeros) and `digest` the revision's 64 lowercase hex digest
(docs/integrity.md). Publishing builds it with `revision_leaf`; the log refuses anything else,
so that every entry's village and digest can be read back from the leaf itself.
"""

import re
from dataclasses import dataclass

from .errors import LogError, gettext_noop

_REVISION = re.compile(rb"revision (\d{12}) ([1-9]\d{0,15}) ([0-9a-f]{64})\n")


@dataclass(frozen=True)
class Leaf:
    village_code: str
    seq: int
    digest: str


def revision_leaf(*, village_code: str, seq: int, digest: str) -> bytes:
    data = f"revision {village_code} {seq} {digest}\n".encode("ascii")
    parse(data)
    return data


def parse(data: bytes) -> Leaf:
    found = _REVISION.fullmatch(bytes(data))
    if found is None:
        raise LogError(
            gettext_noop("a leaf must read “revision <village code> <seq> <digest>” and a newline")
        )
    code, seq, digest = found.groups()
    return Leaf(code.decode(), int(seq), digest.decode())
