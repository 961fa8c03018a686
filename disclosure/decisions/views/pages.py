"""Villagers' pages of major matters: a village's matters by state, and one matter's timeline."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_POST

from disclosure.portal.http import PAGE_MAX_AGE, village_page
from disclosure.portal.selectors import get_village
from disclosure.web.addresses import client_ip
from disclosure.web.forms import show_refusal

from .. import selectors
from ..objections import lodge_objection
from .objection_form import ObjectionForm

RECEIVED = "received"


@village_page
def matters(request, code):
    village = get_village(code)
    context = {
        "village": village,
        "places": [*village.ancestors(), village],
        "groups": selectors.matters_by_state(village),
    }
    return render(request, "decisions/public/matters.html", context)


@village_page
def matter(request, code, pk):
    village = get_village(code)
    timeline = selectors.timeline(village, pk)
    form = ObjectionForm() if timeline.countdown else None
    return _render_matter(request, village, timeline, form)


@require_POST
def object_to(request, code, pk):
    village = get_village(code)
    timeline = selectors.timeline(village, pk)
    form = ObjectionForm(request.POST)
    if form.is_valid():
        if form.is_robot():
            return _received(timeline.matter)
        try:
            lodge_objection(
                matter=timeline.matter,
                text=form.cleaned_data["text"],
                name=form.cleaned_data["name"],
                ip=client_ip(request),
            )
            return _received(timeline.matter)
        except ValidationError as error:
            show_refusal(form, error)
    return _render_matter(request, village, timeline, form, status=400)


def _received(matter):
    url = reverse("decisions:matter", args=[matter.village.code, matter.pk])
    return redirect(f"{url}?objection={RECEIVED}#objections")


def _render_matter(request, village, timeline, form, status=200):
    open_to_objections = timeline.countdown is not None
    context = {
        "village": village,
        "places": [*village.ancestors(), village],
        "timeline": timeline,
        "matter": timeline.matter,
        "form": form if open_to_objections else None,
        # Without a form on the page, a refused objection is told at the top.
        "refusal": form.non_field_errors() if form and not open_to_objections else None,
        "received": request.GET.get("objection") == RECEIVED,
    }
    response = render(request, "decisions/public/matter.html", context, status=status)
    patch_vary_headers(response, ["Cookie"])
    if context["form"] is not None:
        # The form carries this visitor's CSRF token: no shared cache may keep the page.
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=PAGE_MAX_AGE)
    return response
