"""The Merkle tree of RFC 6962 (section 2.1) and RFC 9162, as plain functions.

The tree is never held whole. Every complete subtree is stored once as a node (level, index):
level 0 holds the leaf hashes, and node (l, i) is the hash of leaves [i·2^l, (i+1)·2^l). Any
other hash a proof needs, the hash of a range [start, end) on the right edge of a tree, is the
fold of the few complete subtrees the range splits into, so proofs read O(log n) nodes.

docs/transparency.md describes the same bytes; tools/verify_chain.py re-implements the
verification without Django. Change neither without the other.
"""

import hashlib
from collections.abc import Callable, Iterable

from .errors import LogError, gettext_noop

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()

Subtree = tuple[int, int]  # (level, index): the leaves [index·2^level, (index+1)·2^level)


class ProofError(LogError):
    """A proof that does not show what it claims to."""


NOT_IN_TREE = gettext_noop("leaf %(index)d is not in a tree of %(size)d leaves")
CANNOT_GROW = gettext_noop("a tree of %(old)d leaves cannot grow into one of %(new)d")
TOO_LONG = gettext_noop("the proof is longer than the tree is high")
TOO_SHORT = gettext_noop("the proof is shorter than the tree is high")


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two smaller than size (size > 1): where RFC 6962 splits a tree."""
    return 1 << ((size - 1).bit_length() - 1)


def subtrees(start: int, end: int) -> list[Subtree]:
    """The complete subtrees, left to right and largest first, that make up [start, end).

    Every range a proof names starts at a multiple of a power of two at least its length, so
    these are exactly the subtrees RFC 6962 would hash the range from.
    """
    found = []
    while start < end:
        level = (end - start).bit_length() - 1
        while start % (1 << level):
            level -= 1
        found.append((level, start >> level))
        start += 1 << level
    return found


def fold(hashes: list[bytes]) -> bytes:
    """The hash of consecutive complete subtrees (largest first), merged from the right."""
    if not hashes:
        return EMPTY_ROOT
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


def root_subtrees(size: int) -> list[Subtree]:
    return subtrees(0, size)


def inclusion_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """The ranges whose hashes form the audit path of leaf `index` (RFC 6962 PATH), bottom up."""
    if not 0 <= index < size:
        raise ProofError(NOT_IN_TREE, index=index, size=size)
    ranges = []
    start, end = 0, size
    while end - start > 1:
        half = _split(end - start)
        if index - start < half:
            ranges.append((start + half, end))
            end = start + half
        else:
            ranges.append((start, start + half))
            start += half
    return list(reversed(ranges))


def consistency_ranges(old_size: int, new_size: int) -> list[tuple[int, int]]:
    """The ranges whose hashes form the consistency proof from old_size to new_size (RFC 6962
    PROOF), in the order RFC 6962 lists them. Empty when either tree is empty or both are equal.
    """
    if not 0 <= old_size <= new_size:
        raise ProofError(CANNOT_GROW, old=old_size, new=new_size)
    if old_size in (0, new_size):
        return []
    ranges = []
    start, end, whole = 0, new_size, True
    while old_size != end:
        half = _split(end - start)
        if old_size - start <= half:
            ranges.append((start + half, end))
            end = start + half
        else:
            ranges.append((start, start + half))
            start += half
            whole = False
    if not whole:
        ranges.append((start, end))
    return list(reversed(ranges))


def needed(ranges: Iterable[tuple[int, int]]) -> set[Subtree]:
    return {subtree for start, end in ranges for subtree in subtrees(start, end)}


def range_hashes(ranges, lookup: Callable[[Subtree], bytes]) -> list[bytes]:
    return [fold([lookup(subtree) for subtree in subtrees(start, end)]) for start, end in ranges]


def _shift_while_even(first: int, second: int) -> tuple[int, int]:
    while first and not first & 1:
        first, second = first >> 1, second >> 1
    return first, second


def root_from_inclusion(index: int, size: int, leaf: bytes, proof: list[bytes]) -> bytes:
    """RFC 9162, 2.1.3.2: the root that the audit path leads to from the leaf hash."""
    if not 0 <= index < size:
        raise ProofError(NOT_IN_TREE, index=index, size=size)
    first, last, result = index, size - 1, leaf
    for sibling in proof:
        if last == 0:
            raise ProofError(TOO_LONG)
        if first & 1 or first == last:
            result = node_hash(sibling, result)
            if not first & 1:
                first, last = _shift_while_even(first, last)
        else:
            result = node_hash(result, sibling)
        first, last = first >> 1, last >> 1
    if last != 0:
        raise ProofError(TOO_SHORT)
    return result


def verify_inclusion(index: int, size: int, leaf: bytes, proof: list[bytes], root: bytes) -> None:
    if root_from_inclusion(index, size, leaf, proof) != root:
        raise ProofError(
            gettext_noop("leaf %(index)d is not in the tree of %(size)d leaves with this root"),
            index=index,
            size=size,
        )


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: list[bytes]
) -> None:
    """RFC 9162, 2.1.4.2: the tree of new_size leaves extends the tree of old_size leaves."""
    if not 0 <= old_size <= new_size:
        raise ProofError(CANNOT_GROW, old=old_size, new=new_size)
    if old_size in (0, new_size):
        if proof:
            raise ProofError(gettext_noop("the proof should be empty"))
        if old_size == new_size and old_root != new_root:
            raise ProofError(
                gettext_noop("two different roots for the same size %(size)d"), size=old_size
            )
        return
    if not proof:
        raise ProofError(gettext_noop("the proof is empty"))
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    first, last = _shift_while_odd(old_size - 1, new_size - 1)
    old_result = new_result = path[0]
    for sibling in path[1:]:
        if last == 0:
            raise ProofError(TOO_LONG)
        if first & 1 or first == last:
            old_result = node_hash(sibling, old_result)
            new_result = node_hash(sibling, new_result)
            if not first & 1:
                first, last = _shift_while_even(first, last)
        else:
            new_result = node_hash(new_result, sibling)
        first, last = first >> 1, last >> 1
    if last != 0 or old_result != old_root or new_result != new_root:
        raise ProofError(
            gettext_noop("the tree of %(new)d leaves does not extend the tree of %(old)d"),
            new=new_size,
            old=old_size,
        )


def _shift_while_odd(first: int, second: int) -> tuple[int, int]:
    while first & 1:
        first, second = first >> 1, second >> 1
    return first, second
