"""Adding, changing and disposing of the items of the working register, and their photos."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.regions.access import Action, can, get_for_user, require
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import services
from ..forms import AssetForm, DisposalForm, PhotoForm, ResourceForm
from ..models import Asset, Photo, Resource
from .staff_register import village_for

REGISTERS = {
    "asset": (Asset, AssetForm, services.save_asset),
    "resource": (Resource, ResourceForm, services.save_resource),
}


def _item_page(request, register: str, village, item, form, **extra):
    context = {
        "village": village,
        "register": register,
        "item": item,
        "form": form,
        "may_edit": can(request.user, Action.DRAFT, village),
        "photo_form": extra.pop("photo_form", PhotoForm()),
        **extra,
    }
    if register == "asset" and item is not None and not item.disposal:
        context.setdefault("disposal_form", DisposalForm(village=village))
    return render(request, "assets/staff/item.html", context)


def _save(request, register: str, village, item):
    model, form_class, save = REGISTERS[register]
    form = form_class(request.POST, instance=item or model(village=village))
    if form.is_valid():
        try:
            saved = save(
                village=village,
                values=form.cleaned_data,
                by=request.user,
                ip=client_ip(request),
                **{register: item},
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Saved in the register."))
            return redirect(f"assets_staff:{register}", saved.pk)
    return _item_page(request, register, village, item, form)


@staff_required
def new_item(request, code: str, register: str):
    village = village_for(request, code)
    require(request.user, Action.DRAFT, village)
    if request.method == "POST":
        return _save(request, register, village, None)
    model, form_class, _save_item = REGISTERS[register]
    return _item_page(request, register, village, None, form_class(instance=model(village=village)))


def _get_item(request, register: str, pk: int, action: Action):
    model = REGISTERS[register][0]
    return get_for_user(model.objects.select_related("village"), request.user, action, pk=pk)


@staff_required
def item(request, register: str, pk: int):
    action = Action.DRAFT if request.method == "POST" else Action.VIEW_DRAFTS
    found = _get_item(request, register, pk, action)
    if request.method == "POST":
        return _save(request, register, found.village, found)
    form = REGISTERS[register][1](instance=found)
    return _item_page(request, register, found.village, found, form)


@require_POST
@staff_required
def dispose(request, pk: int):
    asset = _get_item(request, "asset", pk, Action.DRAFT)
    form = DisposalForm(request.POST, village=asset.village)
    if form.is_valid():
        try:
            services.dispose_asset(
                asset=asset, values=form.cleaned_data, by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The disposal has been recorded."))
            return redirect("assets_staff:asset", asset.pk)
    edit_form = AssetForm(instance=asset)
    return _item_page(request, "asset", asset.village, asset, edit_form, disposal_form=form)


@require_POST
@staff_required
def add_photo(request, register: str, pk: int):
    found = _get_item(request, register, pk, Action.DRAFT)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_photo(
                item=found,
                upload=form.cleaned_data["photo"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The photo has been added."))
            return redirect(f"assets_staff:{register}", found.pk)
    edit_form = REGISTERS[register][1](instance=found)
    return _item_page(request, register, found.village, found, edit_form, photo_form=form)


@require_POST
@staff_required
def remove_photo(request, pk: int):
    photos = Photo.objects.select_related("village", "asset", "resource")
    photo = get_for_user(photos, request.user, Action.DRAFT, pk=pk)
    register = "asset" if photo.asset_id else "resource"
    owner = photo.asset_id or photo.resource_id
    services.remove_photo(photo=photo, by=request.user, ip=client_ip(request))
    messages.success(request, _("The photo has been removed."))
    return redirect(f"assets_staff:{register}", owner)
