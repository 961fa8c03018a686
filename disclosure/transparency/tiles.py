"""The log as static tiles (C2SP tlog-tiles, tiles of height 8).

    tile/<L>/<N>[.p/<W>]         the hashes of tree level 8·L, from 256·N, 32 bytes each
    tile/entries/<N>[.p/<W>]     the leaves from 256·N, each as a big-endian uint16 length + data

N is written in groups of three digits, all but the last prefixed with x (1234067 is
x001/x234/067). A full tile holds 256 hashes or leaves; a partial one, W (1 to 255).
"""

import re
from dataclasses import dataclass

from . import tree
from .models import LogEntry

HEIGHT = 8
WIDTH = 1 << HEIGHT
MAX_LEVEL = 63
_PATH = re.compile(
    r"(?P<level>entries|0|[1-9][0-9]?)/(?P<index>(?:x[0-9]{3}/)*[0-9]{3})"
    r"(?:\.p/(?P<width>[1-9][0-9]{0,2}))?"
)


@dataclass(frozen=True)
class Tile:
    level: int | None  # None for an entry bundle
    index: int
    width: int

    @property
    def full(self) -> bool:
        return self.width == WIDTH

    @property
    def path(self) -> str:
        level = "entries" if self.level is None else str(self.level)
        suffix = "" if self.full else f".p/{self.width}"
        return f"tile/{level}/{encode_index(self.index)}{suffix}"


def encode_index(index: int) -> str:
    groups = []
    while True:
        groups.append(f"{index % 1000:03d}")
        index //= 1000
        if not index:
            break
    return "/".join([f"x{group}" for group in reversed(groups[1:])] + [groups[0]])


def parse(path: str) -> Tile | None:
    """The tile a path names, or None unless it is written exactly as the spec writes it."""
    found = _PATH.fullmatch(path)
    if found is None:
        return None
    level = None if found["level"] == "entries" else int(found["level"])
    index = int(found["index"].replace("x", "").replace("/", ""))
    width = int(found["width"]) if found["width"] else WIDTH
    if width > WIDTH or (level is not None and level > MAX_LEVEL):
        return None
    tile = Tile(level, index, width)
    return tile if tile.path == f"tile/{path}" else None


def content(log, tile: Tile) -> bytes | None:
    """The tile's bytes, or None while the log is too small to fill it to its width."""
    if tile.level is None:
        return _entries(log, tile)
    level = HEIGHT * tile.level
    start = tile.index * WIDTH
    if (start + tile.width) << level > log.size:
        return None
    return b"".join(tree.level_hashes(log, level, start, tile.width))


def _entries(log, tile: Tile) -> bytes | None:
    start = tile.index * WIDTH
    if start + tile.width > log.size:
        return None
    data = (
        LogEntry.objects.filter(log=log, index__gte=start, index__lt=start + tile.width)
        .order_by("index")
        .values_list("data", flat=True)
    )
    return b"".join(len(leaf).to_bytes(2, "big") + bytes(leaf) for leaf in data)
