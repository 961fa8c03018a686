from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render

from disclosure import clock
from disclosure.publishing import chain
from disclosure.publishing.catalogue import Section

from .. import selectors, visits
from ..http import village_home_page, village_page

SECTION_PAGE_SIZE = 20


@village_home_page
def village(request, code):
    place = selectors.get_village(code)
    today = clock.today()
    since = visits.previous_visit(request, code, today)
    new, new_total = selectors.new_since(place, since) if since else ([], 0)
    context = {
        "village": place,
        "ancestors": place.ancestors(),
        "sections": selectors.latest_by_section(place),
        "head": chain.head(place),
        "since": since,
        "new": new,
        "new_total": new_total,
    }
    return render(request, "portal/village.html", context)


@village_page
def section(request, code, section):
    place = selectors.get_village(code)
    if section not in Section.values:
        raise Http404
    postings = selectors.section_postings(place, section)
    context = {
        "village": place,
        "places": [*place.ancestors(), place],
        "section": Section(section),
        "page": Paginator(postings, SECTION_PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "portal/section.html", context)


@village_page
def chain_json(request, code):
    place = selectors.get_village(code)
    exported = chain.export(place)
    # What the database holds is served as it is, for verifiers to judge; but a copy that no
    # longer matches its digests is kept by no cache, so a restored database is seen at once.
    request.content_unverified = any(
        chain.digest(entry["prev_digest"], entry["document"]) != entry["digest"]
        for entry in exported["revisions"]
    )
    response = JsonResponse(exported, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="chain-{place.code}.json"'
    return response
