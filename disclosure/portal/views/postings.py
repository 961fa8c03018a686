"""A posting as villagers read it: its current revision, any earlier one, and the print view."""

from django.shortcuts import render

from disclosure.publishing import chain

from .. import proofs, selectors
from ..http import absolute_url, village_page


def _context(request, posting, revision):
    return {
        "posting": posting,
        "village": posting.village,
        "places": [*posting.village.ancestors(), posting.village],
        "revision": revision,
        "superseded": revision.pk != posting.current_id,
        "history": selectors.history(posting),
        "permalink": absolute_url(request, posting.get_absolute_url()),
    }


@village_page
def posting(request, code):
    found = selectors.public_posting(code)
    revision = selectors.published_revision(found, found.current.number)
    return render(request, "portal/posting.html", _context(request, found, revision))


@village_page
def revision(request, code, number):
    found = selectors.public_posting(code)
    revision = selectors.published_revision(found, number)
    return render(request, "portal/posting.html", _context(request, found, revision))


@village_page
def print_view(request, code):
    found = selectors.public_posting(code)
    revision = selectors.published_revision(found, found.current.number)
    context = _context(request, found, revision)
    context["head"] = chain.head(found.village)
    context["receipt"] = proofs.receipt_of(revision)
    return render(request, "portal/print.html", context)
