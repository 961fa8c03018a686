"""What a correction changes against the published revision, read from both content documents.

Rows are matched across the two revisions by the kind's `row_key` (a ledger line, a register
number, a recipient's position), or by their place in the list when the kind names none.
"""

from dataclasses import dataclass, field

from . import chain, kinds

# Members of the content document a reviewer reads as text; the rest are compared as rows,
# attachments or the subject.
TEXT_MEMBERS = ("title", "body")


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: object
    after: object


@dataclass(frozen=True)
class RowChange:
    key: object
    before: dict | None
    after: dict | None
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"


@dataclass(frozen=True)
class Comparison:
    texts: list[FieldChange]
    subject: list[FieldChange]
    rows: list[RowChange]
    attachments_added: list[dict]
    attachments_removed: list[dict]

    @property
    def is_empty(self) -> bool:
        return not (
            self.texts
            or self.subject
            or self.rows
            or self.attachments_added
            or self.attachments_removed
        )


def compare(earlier, later) -> Comparison:
    """What changes from the revision `earlier` (published) to `later` (a correction)."""
    before = chain.content_document(earlier)
    after = chain.content_document(later)
    key = kinds.row_key(later.posting.kind)
    return Comparison(
        texts=_field_changes(before, after, TEXT_MEMBERS),
        subject=_field_changes(before.get("subject") or {}, after.get("subject") or {}),
        rows=_row_changes(before["rows"], after["rows"], key),
        attachments_added=_missing_from(after["attachments"], before["attachments"]),
        attachments_removed=_missing_from(before["attachments"], after["attachments"]),
    )


def _field_changes(before: dict, after: dict, names=None) -> list[FieldChange]:
    names = names or sorted(set(before) | set(after))
    return [
        FieldChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    ]


def _keyed(rows: list[dict], key) -> dict:
    if key is None:
        return dict(enumerate(rows, start=1))
    keyed: dict = {}
    for row in rows:
        # Two rows under one key (a data error) stay apart rather than hide each other.
        name = key(row)
        while name in keyed:
            name = (name, len(keyed))
        keyed[name] = row
    return keyed


def _row_changes(before: list[dict], after: list[dict], key) -> list[RowChange]:
    old, new = _keyed(before, key), _keyed(after, key)
    changes = []
    for name, row in new.items():
        if name not in old:
            changes.append(RowChange(name, None, row))
        elif old[name] != row:
            changes.append(RowChange(name, old[name], row, _field_changes(old[name], row)))
    changes += [RowChange(name, row, None) for name, row in old.items() if name not in new]
    return changes


def _missing_from(files: list[dict], others: list[dict]) -> list[dict]:
    return [file for file in files if file not in others]
