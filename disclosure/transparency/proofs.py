"""Proofs as JSON, the same for the log's own addresses and for the public API.

    inclusion:   {"index": I, "size": N, "leaf": "<the leaf's text>", "hashes": [base64, …]}
    consistency: {"old": M, "new": N, "hashes": [base64, …]}

Hashes are standard base64 (RFC 4648, with padding) of 32 bytes, in RFC 6962's order. A query
names the leaf by `index` or by the revision `digest` it holds; `size` (or `new`) defaults to
the log's size, the size of its newest checkpoint.
"""

import base64
import re

from .errors import LogError, gettext_noop
from .models import Log
from .services import consistency, entry_in, inclusion

_NUMBER = re.compile(r"[0-9]{1,18}")
_DIGEST = re.compile(r"[0-9a-f]{64}")


def encode(hashes: list[bytes]) -> list[str]:
    return [base64.b64encode(hash_).decode() for hash_ in hashes]


def _number(query, name: str, default: int | None = None) -> int:
    value = query.get(name)
    if value is None and default is not None:
        return default
    if value is None:
        raise LogError(gettext_noop("the parameter %(name)s is required"), name=name)
    if not _NUMBER.fullmatch(value):
        raise LogError(gettext_noop("the parameter %(name)s must be a whole number"), name=name)
    return int(value)


def is_fixed(query, size_name: str) -> bool:
    """A proof for sizes named in the query never changes; one for "the newest" does."""
    return size_name in query


def inclusion_document(log: Log, query) -> dict:
    size = _number(query, "size", log.size)
    if "digest" in query:
        index = _index_of(log, query["digest"])
    else:
        index = _number(query, "index")
    hashes = inclusion(log=log, index=index, size=size)
    leaf = log.entries.get(index=index).data
    return {
        "index": index,
        "size": size,
        "leaf": bytes(leaf).decode("ascii"),
        "hashes": encode(hashes),
    }


def _index_of(log: Log, digest: str) -> int:
    if not _DIGEST.fullmatch(digest):
        raise LogError(gettext_noop("the digest must be 64 lowercase hexadecimal digits"))
    entry = entry_in(log=log, digest=digest)
    if entry is None:
        raise LogError(
            gettext_noop("no leaf of this log names the digest %(digest)s"), digest=digest
        )
    return entry.index


def consistency_document(log: Log, query) -> dict:
    new = _number(query, "new", log.size)
    old = _number(query, "old")
    hashes = consistency(log=log, old_size=old, new_size=new)
    return {"old": old, "new": new, "hashes": encode(hashes)}
