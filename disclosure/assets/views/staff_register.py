"""The working register of a village in the staff workspace, and taking it as a snapshot."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.assets.models import AssetsKind
from disclosure.publishing.models import Revision
from disclosure.regions.access import Action, can, get_for_user, villages_for
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from .. import services
from ..models import Asset, Resource


def village_for(request, code: str):
    """A village the user may at least read the drafts of; any other is missing (404)."""
    return get_object_or_404(villages_for(request.user, Action.VIEW_DRAFTS), code=code)


@staff_required
def index(request):
    villages = villages_for(request.user, Action.VIEW_DRAFTS)
    return render(request, "assets/staff/index.html", {"villages": villages})


@staff_required
def register(request, code: str):
    village = village_for(request, code)
    snapshots = (
        Revision.objects.filter(village=village, posting__kind=AssetsKind.ASSET_REGISTER)
        .select_related("posting", "asset_snapshot")
        .order_by("-created_at")[:20]
    )
    context = {
        "village": village,
        "assets": Asset.objects.filter(village=village).prefetch_related("photos"),
        "resources": Resource.objects.filter(village=village).prefetch_related("photos"),
        "snapshots": snapshots,
        "may_edit": can(request.user, Action.DRAFT, village),
    }
    return render(request, "assets/staff/register.html", context)


@require_POST
@staff_required
def take_snapshot(request, code: str):
    village = village_for(request, code)
    try:
        revision = services.take_snapshot(village=village, by=request.user, ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("assets_staff:register", village.code)
    messages.success(
        request,
        _("The register has been taken as of today. Check it, then submit it for sign-off."),
    )
    return redirect("workspace:revision", revision.pk)


@require_POST
@staff_required
def refresh_snapshot(request, pk: int):
    revisions = Revision.objects.select_related("posting", "village")
    revision = get_for_user(revisions, request.user, Action.DRAFT, pk=pk)
    try:
        services.refresh_snapshot(revision=revision, by=request.user, ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The register has been taken again as of today."))
    return redirect("workspace:revision", revision.pk)
