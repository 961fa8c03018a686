"""The cadre register pages, for those who may MANAGE_CADRES; everyone else finds nothing (404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from disclosure.regions.access import Action, scope, villages_for
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import cadres as services
from ..forms import CadreForm, EndTermForm, RelativeForm
from ..models import Cadre, Relative


def _posted(request):
    return request.POST if request.method == "POST" else None


def _managed(queryset, user, **lookup):
    found = scope(queryset, user, Action.MANAGE_CADRES).filter(**lookup).first()
    if found is None:
        raise Http404
    return found


def _back_to_register(village):
    return redirect("redflags_staff:cadres", village.code)


@staff_required
def index(request):
    villages = villages_for(request.user, Action.MANAGE_CADRES).order_by("code")
    if not villages:
        raise Http404
    return render(request, "redflags/cadres_index.html", {"villages": villages})


@staff_required
def register(request, code: str):
    place = villages_for(request.user, Action.MANAGE_CADRES).filter(code=code).first()
    if place is None:
        raise Http404
    form = CadreForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_cadre(
                village=place, **form.cleaned_data, by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Cadre added to the register."))
            return _back_to_register(place)
    cadres = Cadre.objects.filter(village=place).prefetch_related("relatives")
    context = {"village": place, "cadres": cadres, "form": form}
    return render(request, "redflags/cadres.html", context)


def _initial(row, fields) -> dict:
    return {name: getattr(row, name) for name in fields}


@staff_required
def edit_cadre(request, pk: int):
    cadre = _managed(Cadre.objects.select_related("village"), request.user, pk=pk)
    initial = _initial(cadre, ("name", "position", "started_on"))
    form = CadreForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_cadre(
                cadre=cadre, **form.cleaned_data, by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return _back_to_register(cadre.village)
    end_form = EndTermForm() if cadre.ended_on is None else None
    context = {"cadre": cadre, "village": cadre.village, "form": form, "end_form": end_form}
    return render(request, "redflags/cadre_form.html", context)


@staff_required
def end_term(request, pk: int):
    cadre = _managed(Cadre.objects.select_related("village"), request.user, pk=pk)
    form = EndTermForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.end_term(
                cadre=cadre, **form.cleaned_data, by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The cadre's term is ended; the record is kept."))
            return _back_to_register(cadre.village)
    context = {"cadre": cadre, "village": cadre.village, "form": None, "end_form": form}
    return render(request, "redflags/cadre_form.html", context, status=400 if form.errors else 200)


@staff_required
def add_relative(request, pk: int):
    cadre = _managed(Cadre.objects.select_related("village"), request.user, pk=pk)
    form = RelativeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_relative(
                cadre=cadre, **form.cleaned_data, by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Relative added to the register."))
            return _back_to_register(cadre.village)
    context = {"cadre": cadre, "village": cadre.village, "form": form}
    return render(request, "redflags/relative_form.html", context)


@staff_required
def edit_relative(request, pk: int):
    relatives = Relative.objects.select_related("cadre", "village")
    relative = _managed(relatives, request.user, pk=pk)
    form = RelativeForm(_posted(request), initial=_initial(relative, ("name", "relation")))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_relative(
                relative=relative, **form.cleaned_data, by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return _back_to_register(relative.village)
    context = {
        "cadre": relative.cadre,
        "relative": relative,
        "village": relative.village,
        "form": form,
    }
    return render(request, "redflags/relative_form.html", context)
