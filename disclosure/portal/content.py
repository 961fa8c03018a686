"""A revision's content as villagers read it, kept under its digest once checked against it.

A published revision never changes, so its rendering can be kept; but a database can be changed
behind the portal's back. The rendering is kept under the revision's digest, and only after what
the database holds has been checked against that digest (and the figures stored beside the rows
against the rows): a page never shows, as published, content the proof no longer covers, and a
rendering made while the database was altered is never kept for after it is restored. A kind whose
page shows what moves after publication (payments against a contract, the end of a benefit list's
publicity window) is rendered and checked afresh for every page, the public records it shows (the
payments behind "paid so far") with it: a page showing a record that fails its check is marked,
and neither it nor its page is kept.
"""

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from disclosure.publishing import kinds, records, verification

TEMPLATE = "portal/includes/revision_content.html"


def rendered(request, revision, *, embedded: bool = False, unfolded: bool = False) -> str:
    """The content; `embedded` in a staff page, under that page's own title; `unfolded` with
    every part shown that a screen keeps one tap away (the print view)."""
    if not revision.is_published:
        return _render(request, revision, problem=None, embedded=embedded, unfolded=True)
    presentation = kinds.presentation_of(revision)
    key = (
        f"content:{revision.digest}:{get_language()}:{int(embedded)}{int(unfolded)}:{presentation}"
    )
    live = kinds.is_live(revision.posting.kind)
    kept = caches["revisions"]
    html = None if live else kept.get(key)
    if html is None:
        problem = verification.revision_problem(revision)
        if problem is None and live:
            problem = records.content_problem(revision.posting)
        html = _render(request, revision, problem=problem, embedded=embedded, unfolded=unfolded)
        if problem is not None:
            # The page that shows it is sent to nobody else and stored nowhere.
            request.content_unverified = True
        elif not live:
            kept.set(key, html)
    return mark_safe(html)  # noqa: S308 - rendered from our templates, escaped there


def _render(request, revision, *, problem, embedded, unfolded) -> str:
    context = {
        "revision": revision,
        "integrity_problem": problem,
        "embedded": embedded,
        "unfolded": unfolded,
    }
    return render_to_string(TEMPLATE, context, request=request)
