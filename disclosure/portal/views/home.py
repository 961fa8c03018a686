from django.http import Http404
from django.shortcuts import redirect, render

from disclosure.regions.models import Region

from .. import selectors
from ..http import public_page


@public_page
def home(request):
    above, places = selectors.home_places()
    return render(request, "portal/home.html", {"above": above, "places": places})


@public_page
def region(request, code):
    place = Region.objects.select_related(selectors.WITH_ANCESTORS).filter(code=code).first()
    if place is None:
        raise Http404
    if place.is_village:
        return redirect("portal:village", code=place.code)
    context = {
        "region": place,
        "ancestors": place.ancestors(),
        "children": selectors.children_with_latest(place),
    }
    return render(request, "portal/region.html", context)
