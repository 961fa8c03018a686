from django.core.paginator import Paginator
from django.shortcuts import render

from .. import selectors
from ..forms import SearchForm
from ..http import public_page

PAGE_SIZE = 20


@public_page
def search(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    page = hits = None
    if form.is_valid():
        hits = selectors.search_current(form.cleaned_data["q"])
        page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/search.html", {"form": form, "page": page, "hits": hits})
