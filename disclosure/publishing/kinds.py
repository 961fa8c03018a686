"""Structured rows carried by a revision, per kind of posting.

A kind with rows (the list of small powers here; ledger entries, assets or decisions later)
registers how to read them in canonical form; the chain and the portal use the same rows.
"""

from collections.abc import Callable

_ROW_READERS: dict[str, Callable] = {}


def register_rows(kind: str, reader: Callable) -> None:
    _ROW_READERS[kind] = reader


def rows_of(revision) -> list[dict]:
    reader = _ROW_READERS.get(revision.posting.kind)
    return reader(revision) if reader else []


def _power_items(revision) -> list[dict]:
    return [item.canonical() for item in revision.power_items.order_by("position")]


register_rows("power_list", _power_items)
