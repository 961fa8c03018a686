"""Staff pages for registering contracts; the lifecycle steps are the workspace's own pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from disclosure.contracts.models import ContractsKind
from disclosure.publishing.models import Posting, Revision
from disclosure.publishing.services import EDITABLE
from disclosure.regions.access import Action, can, get_for_user, require, villages_for
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import services
from ..forms import ContractForm


def _posted(request):
    return request.POST if request.method == "POST" else None


def staff_village(user, code: str):
    return get_object_or_404(villages_for(user, Action.VIEW_DRAFTS), code=code)


@staff_required
def index(request):
    villages = villages_for(request.user, Action.VIEW_DRAFTS).order_by("code")
    return render(request, "contracts/staff/index.html", {"villages": villages})


@staff_required
def village(request, code: str):
    place = staff_village(request.user, code)
    postings = (
        Posting.objects.filter(
            village=place, kind__in=[ContractsKind.CONTRACT, ContractsKind.PROJECT]
        )
        .select_related("current")
        .prefetch_related(Prefetch("revisions", to_attr="all_revisions"))
        .order_by("kind", "-created_at")
    )
    context = {
        "village": place,
        "postings": postings,
        "may_draft": can(request.user, Action.DRAFT, place),
    }
    return render(request, "contracts/staff/village.html", context)


@staff_required
def new_contract(request, code: str):
    place = staff_village(request.user, code)
    require(request.user, Action.DRAFT, place)
    form = ContractForm(_posted(request), village=place)
    if request.method == "POST" and form.is_valid():
        try:
            revision = services.create_contract(
                village=place,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                terms=form.terms(),
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("Contract saved as a draft. Check it, then submit it for sign-off.")
            )
            return redirect("workspace:revision", revision.pk)
    context = {"village": place, "form": form}
    return render(request, "contracts/staff/contract_form.html", context)


@staff_required
def edit_terms(request, pk: int):
    revisions = Revision.objects.select_related("posting", "village", "contract")
    revision = get_for_user(revisions, request.user, Action.DRAFT, pk=pk, posting__kind="contract")
    if revision.state not in EDITABLE:
        messages.error(request, _("Only a draft or a returned revision can be changed."))
        return redirect("workspace:revision", revision.pk)
    initial = ContractForm.initial_for(revision) if hasattr(revision, "contract") else None
    form = ContractForm(_posted(request), initial=initial, village=revision.village)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_contract(
                revision=revision,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                terms=form.terms(),
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("workspace:revision", revision.pk)
    context = {"village": revision.village, "form": form, "revision": revision}
    return render(request, "contracts/staff/contract_form.html", context)
