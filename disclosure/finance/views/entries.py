from django.core.paginator import Paginator
from django.shortcuts import render

from disclosure.portal.http import village_page

from ..selectors import listed_entries, period_revision
from .lines import entry_lines

ENTRIES_PER_PAGE = 100


@village_page
def entries(request, code, number):
    """Every entry of a published period, a page at a time."""
    revision = period_revision(code, number)
    village = revision.posting.village
    page = Paginator(listed_entries(revision), ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "revision": revision,
        "posting": revision.posting,
        "village": village,
        "places": [*village.ancestors(), village],
        "page": page,
        "entries": entry_lines(page.object_list),
    }
    return render(request, "finance/entries.html", context)
