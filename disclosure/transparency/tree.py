"""A log's Merkle tree as stored nodes: growing it by a leaf, reading the few nodes a root, a
proof or a tile needs. merkle.py does the hashing; this module only knows where nodes live.
"""

from dataclasses import dataclass, field

from django.db import connection

from . import merkle
from .models import Node


@dataclass
class Frontier:
    """The complete subtrees that make up a tree, largest first: all that appending needs."""

    size: int
    subtrees: list[tuple[int, int, bytes]] = field(default_factory=list)

    @property
    def root(self) -> bytes:
        return merkle.fold([hash_ for _level, _index, hash_ in self.subtrees])

    def append(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """Add a leaf hash; return the nodes it completes, the leaf's own first."""
        level, index, hash_ = 0, self.size, leaf
        completed = [(level, index, hash_)]
        while self.subtrees and self.subtrees[-1][0] == level:
            _level, _index, left = self.subtrees.pop()
            level, index, hash_ = level + 1, index // 2, merkle.node_hash(left, hash_)
            completed.append((level, index, hash_))
        self.subtrees.append((level, index, hash_))
        self.size += 1
        return completed


# The positions wanted are joined as two arrays: a query with one OR per position took five
# times as long to plan as to run.
_HASHES = (
    "SELECT n.level, n.index, n.hash FROM transparency_node n "
    "JOIN unnest(%s::smallint[], %s::bigint[]) AS wanted (level, index) "
    "ON n.level = wanted.level AND n.index = wanted.index WHERE n.log_id = %s"
)


def hashes(log, subtrees) -> dict[tuple[int, int], bytes]:
    """The stored hashes of the given (level, index) subtrees, in one query."""
    wanted = sorted(set(subtrees))
    if not wanted:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            _HASHES, [[level for level, _i in wanted], [index for _l, index in wanted], log.pk]
        )
        return {(level, index): bytes(hash_) for level, index, hash_ in cursor.fetchall()}


def frontier(log, size: int) -> Frontier:
    subtrees = merkle.root_subtrees(size)
    stored = hashes(log, subtrees)
    return Frontier(size, [(level, index, stored[level, index]) for level, index in subtrees])


def range_hashes(log, ranges: list[tuple[int, int]]) -> list[bytes]:
    stored = hashes(log, merkle.needed(ranges))
    return merkle.range_hashes(ranges, stored.__getitem__)


def level_hashes(log, level: int, start: int, count: int) -> list[bytes]:
    """`count` consecutive stored hashes of a level from `start`: the content of a tile."""
    found = (
        Node.objects.filter(log=log, level=level, index__gte=start, index__lt=start + count)
        .order_by("index")
        .values_list("hash", flat=True)
    )
    return [bytes(hash_) for hash_ in found]
