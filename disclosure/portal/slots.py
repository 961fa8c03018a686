"""Places on the portal's pages where other apps add their own parts.

The portal names no domain app: an app adds a template to a slot when it is ready, and the
page includes whatever was added, in the order of INSTALLED_APPS. The slots:
- `glance`: the facts at the top of the village page (money, what is overdue), and
  `glance_ask`: where to ask, report or check, with `village` in the context;
- `section_top` and `section_end`: inside a catalogue section of the village page, before and
  after its postings (given the section), with `village` in the context;
- `beside_posting`: after a posting's content, with `posting` and `revision` in the context.
"""

from collections import defaultdict

SLOTS = ("glance", "glance_ask", "section_top", "section_end", "beside_posting")

_ADDED: dict[tuple[str, str | None], list[str]] = defaultdict(list)


def add(slot: str, template: str, *, section: str | None = None) -> None:
    if slot not in SLOTS:
        raise ValueError(f"No slot {slot!r} on the portal's pages.")
    _ADDED[slot, section].append(template)


def templates(slot: str, section: str | None = None) -> list[str]:
    return list(_ADDED.get((slot, section), ()))
