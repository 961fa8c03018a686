from django.core.paginator import Paginator
from django.shortcuts import render

from disclosure.regions.models import Region

from .. import selectors
from ..forms import SearchForm
from ..http import public_page

PAGE_SIZE = 20


@public_page
def search(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    page = hits = village = None
    places = []
    if form.is_valid():
        query, code = form.cleaned_data["q"], form.cleaned_data["v"]
        village = Region.objects.villages().filter(code=code).first() if code else None
        hits = selectors.search_current(query, first_in=village)
        page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
        places = selectors.places_named(query)
    context = {"form": form, "page": page, "hits": hits, "first_in": village, "places": places}
    return render(request, "portal/search.html", context)
