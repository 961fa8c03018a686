"""Public records beside the revisions: what villagers read that is not a revision.

A payment recorded against a published contract, a villager's question once listed and its
answer, an objection to a resolution once listed and its answer, a township's correction order,
a report of work on a major matter with its photos and links: each is a row of its app, shown on
public pages, and changes after the revisions it is about were published. Each such row is a
**record**: its public state is one canonical document (docs/integrity.md, "Records beside the
revisions"), whose digest is stored on the row (`record_digest`) and appended to the county's
transparency log as the leaf `record <village code> <name> <id> <digest>` every time the record
becomes public or its public state changes. `verify_chain` then checks every public record
against its digest and the log.

A record type registers, once, when its app is ready (as kinds do, publishing/kinds.py):
- `name`: the name in its leaves and documents (`payment`, `question`, …);
- `model`: its model, which has a `village` and a `record_digest`;
- `public`: a queryset method giving every row villagers have been shown. A row never leaves it
  by the app's own steps, so a leaf naming a row outside it shows a removal or a change;
- `document`: the row's public state, as the members particular to its type (strings,
  integers, booleans, null, lists and objects, as in the chain);
- `describe`: the record in a sentence of the problems verify_chain reports ("payment 17 of
  contract ABC123"), and `title` its type in a word, for a leaf whose row is gone;
- `parts`: models holding parts of the record shown with it (the photos of a progress update),
  each with the field naming the record: the coverage tests change their columns too;
- `files`: the rows of a record that carry stored files, whose bytes are checked too;
- `posting`: the field naming the posting whose content shows the record (payments, in the
  contract's "paid so far"), so that the page checks the record before it shows the content;
- `related`: the relations its document reads, fetched with the rows when many are checked.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from disclosure.transparency import leaves
from disclosure.transparency import services as log

from . import chain, changes

# The version of the record documents, as `format` is for the revisions' documents.
FORMAT = 1


@dataclass(frozen=True)
class RecordType:
    name: str
    model: type
    public: Callable
    document: Callable
    describe: Callable
    title: str
    parts: dict = field(default_factory=dict)
    files: Callable | None = None
    posting: str | None = None
    related: tuple = ()

    def rows(self):
        """The public rows, with the village and what their documents read."""
        return self.public().select_related("village", *self.related)


_TYPES: dict[str, RecordType] = {}


def register(name: str, **hooks) -> None:
    hooks["parts"] = dict(hooks.get("parts", {}))
    hooks["related"] = tuple(hooks.get("related", ()))
    _TYPES[name] = RecordType(name=name, **hooks)


def registered() -> dict[str, RecordType]:
    return dict(_TYPES)


def record_type(name: str) -> RecordType:
    try:
        return _TYPES[name]
    except KeyError:
        raise ImproperlyConfigured(f"no record type {name!r} is registered") from None


def document(name: str, row) -> dict:
    """The row's public state as a canonical document: the members every record has, then those
    of its type. Its id is not a member (an append-only row gets its digest before it has one):
    the leaf names it."""
    return {
        "format": FORMAT,
        "record": name,
        "village": row.village.code,
        **record_type(name).document(row),
    }


def digest(name: str, row) -> str:
    """SHA-256 of the canonical bytes of the row's document, in lowercase hex."""
    return hashlib.sha256(chain.canonical_bytes(document(name, row))).hexdigest()


def leaf_of(name: str, row) -> bytes:
    return leaves.record_leaf(
        village_code=row.village.code, name=name, record_id=row.pk, digest=row.record_digest
    )


def publish(name: str, row) -> None:
    """Record that villagers are shown the row as it now is: store the digest of its document on
    it, save it (inserting it if it is new) and append its leaf to the county's log.

    Called by the service that makes the row public or changes what is shown of it, inside its
    transaction, so that the row, its digest and its leaf are committed together or not at all.
    """
    kind = record_type(name)
    row.record_digest = digest(name, row)
    row.save()
    if not kind.public().filter(pk=row.pk).exists():
        raise ValueError(f"{name} {row.pk} is not public: it has nothing to be logged")
    log.append(village=row.village, data=leaf_of(name, row))
    changes.count(row.village_id)


def unlogged():
    """Public rows never given a digest (made public before records were logged), by type."""
    for kind in _TYPES.values():
        rows = kind.rows().filter(record_digest="").order_by("pk")
        yield kind.name, rows


def log_unlogged() -> int:
    """Give every public row made public before records were logged its digest and leaf, in
    the order of the types and of their ids; returns how many. Running it again logs nothing."""
    village_data = []
    for name, rows in unlogged():
        for row in rows:
            row.record_digest = digest(name, row)
            # Only the digest is written: the tables' triggers allow filling an empty one.
            row.save(update_fields=["record_digest"])
            village_data.append((row.village, leaf_of(name, row)))
    for village_id in {village.pk for village, _data in village_data}:
        changes.count(village_id)
    return log.append_many(village_data=village_data)


def content_problem(posting) -> str | None:
    """What no longer matches in the records the posting's content shows, if anything: each
    still has the digest stored with it, and that digest is in the county's log."""
    for kind in _TYPES.values():
        if kind.posting is None:
            continue
        rows = list(kind.rows().filter(**{kind.posting: posting}))
        logged = log.logged_among(village=posting.village, digests=[r.record_digest for r in rows])
        for row in rows:
            problem = state_problem(kind.name, row, logged=row.record_digest in logged)
            if problem is not None:
                return _("%(record)s: %(problem)s") % {
                    "record": kind.describe(row),
                    "problem": problem,
                }
    return None


def state_problem(name: str, row, *, logged: bool) -> str | None:
    """Why the row's public state is not the one logged, if it is not: `logged` says whether the
    county's log holds the digest stored on the row."""
    if not row.record_digest or not logged:
        return _("it is shown to villagers but is not in the county's transparency log")
    if digest(name, row) != row.record_digest:
        return _("what villagers read of it no longer matches its digest")
    return None


def money(value) -> str | None:
    """Yuan with two decimals, as a string ("1200.50"), or None."""
    return None if value is None else f"{value:.2f}"


def day(value) -> str | None:
    """A date as YYYY-MM-DD, or None."""
    return value.isoformat() if value is not None else None


def timestamp(value) -> str | None:
    """A time in UTC to the second, as the chain writes it (2026-03-05T02:00:00Z), or None."""
    return chain.timestamp(value)


def file_member(filename: str, blob) -> dict:
    """A stored file as the documents name it, like a revision's attachment."""
    return {
        "filename": filename,
        "sha256": blob.sha256,
        "size": blob.size,
        "content_type": blob.content_type,
    }
