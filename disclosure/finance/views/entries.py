from django.core.paginator import Paginator
from django.shortcuts import render

from disclosure.portal.http import village_page

from .queries import entries_of, period_revision

ENTRIES_PER_PAGE = 100


@village_page
def entries(request, code, number):
    """Every entry of a published period, a page at a time."""
    revision = period_revision(code, number)
    village = revision.posting.village
    context = {
        "revision": revision,
        "posting": revision.posting,
        "village": village,
        "places": [*village.ancestors(), village],
        "page": Paginator(entries_of(revision), ENTRIES_PER_PAGE).get_page(request.GET.get("page")),
    }
    return render(request, "finance/entries.html", context)
