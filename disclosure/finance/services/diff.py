"""What changed in the ledger between two revisions of a period."""

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import LedgerEntry

# Fields compared; the line number is left out because inserting an entry shifts all below it.
COMPARED = (
    "date",
    "summary",
    "account_code",
    "account_name",
    "category",
    "fund",
    "income",
    "expenditure",
    "counterparty",
    "handler",
    "approver",
)


@dataclass
class LedgerDiff:
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)  # (old entry, new entry, names of changed fields)

    def __bool__(self):
        return bool(self.added or self.removed or self.changed)


def _keyed(revision) -> dict:
    """Entries keyed by voucher number and their place among that voucher's lines."""
    seen = defaultdict(int)
    keyed = {}
    for entry in LedgerEntry.objects.filter(revision=revision).order_by("line"):
        seen[entry.voucher_no] += 1
        keyed[(entry.voucher_no, seen[entry.voucher_no])] = entry
    return keyed


def ledger_diff(old_revision, new_revision) -> LedgerDiff:
    old, new = _keyed(old_revision), _keyed(new_revision)
    diff = LedgerDiff()
    for key, entry in new.items():
        before = old.get(key)
        if before is None:
            diff.added.append(entry)
            continue
        fields = [name for name in COMPARED if getattr(before, name) != getattr(entry, name)]
        if fields:
            diff.changed.append((before, entry, fields))
    diff.removed = [entry for key, entry in old.items() if key not in new]
    return diff
