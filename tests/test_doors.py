"""Public reads go through the doors of disclosure/publishing/models.py, never around them.

What villagers may read is decided in one place: `Posting.objects.public()` and `in_force()`,
`Revision.objects.published()`, and for rows reached through a relation the Q objects
`posting_is_public(via)`, `posting_is_in_force(via)` and `revision_is_published(via)`. A filter
written by hand on a posting's status or a revision's published state would be a second,
silently diverging rule; this test finds any.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEARCHED = ["disclosure", "demo", "prefecture", "tools"]
DOORS = ROOT / "disclosure" / "publishing" / "models.py"

# A query keyword (no space before "=", as formatted) or a key of a dict of them, on a status
# or state, with a value that decides public visibility.
HAND_WRITTEN = re.compile(
    r"\b\w*(status|state)(__in|__exact)?(=(?!=)|\"\s*:)\[?\s*("
    r"PostingStatus\.(PUBLISHED|WITHDRAWN|UNPUBLISHED)"
    r"|RevisionState\.PUBLISHED"
    r'|"(published|withdrawn|unpublished)")'
)


def _sources():
    for folder in SEARCHED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts and path != DOORS:
                yield path


def _hand_written_filters() -> list[str]:
    found = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if HAND_WRITTEN.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_no_public_read_is_filtered_by_hand():
    assert _hand_written_filters() == []


def test_the_search_finds_a_filter_written_by_hand():
    examples = [
        "Posting.objects.filter(status=PostingStatus.PUBLISHED)",
        "Period.objects.exclude(posting__status=PostingStatus.UNPUBLISHED)",
        'Recipient.objects.filter(revision__state="published")',
        "Entry.objects.filter(revision__posting__status__in=[PostingStatus.PUBLISHED])",
        '{"revision__posting__status": PostingStatus.PUBLISHED}',
    ]
    assert all(HAND_WRITTEN.search(line) for line in examples)
    assert not HAND_WRITTEN.search("revision.state = RevisionState.PUBLISHED")
    assert not HAND_WRITTEN.search("queue.filter(state=RevisionState.SUBMITTED)")
