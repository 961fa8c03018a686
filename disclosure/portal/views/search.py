from django.core.paginator import Paginator
from django.shortcuts import render

from .. import selectors
from ..forms import SearchForm
from ..http import public_page

PAGE_SIZE = 20


@public_page
def search(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    page = hits = places = None
    if form.is_valid():
        hits = selectors.search_current(form.cleaned_data["q"])
        page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
        places = selectors.places_named(form.cleaned_data["q"])
    context = {"form": form, "page": page, "hits": hits, "places": places}
    return render(request, "portal/search.html", context)
