"""Preparing the two disclosures; submission, sign-off and publication are the workspace's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from disclosure.regions.access import Action
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import services
from ..forms import ResolutionForm, ResultForm
from .common import matter_for

NEXT_STEPS = _(
    "Draft saved. Add attachments, preview it, then submit it for sign-off by the supervision "
    "committee."
)


@staff_required
@require_POST
def prepare_resolution(request, pk: int):
    matter = matter_for(request, pk, Action.DRAFT)
    form = ResolutionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("body", [])))
        return redirect("decisions_staff:matter", matter.pk)
    try:
        revision = services.prepare_resolution(
            matter=matter, body=form.cleaned_data["body"], by=request.user, ip=client_ip(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("decisions_staff:matter", matter.pk)
    messages.success(request, NEXT_STEPS)
    return redirect("workspace:revision", revision.pk)


@staff_required
def prepare_result(request, pk: int):
    matter = matter_for(request, pk, Action.DRAFT)
    form = ResultForm(request.POST or None)
    if form.is_valid():
        try:
            revision = services.prepare_result(
                matter=matter, by=request.user, ip=client_ip(request), **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, NEXT_STEPS)
            return redirect("workspace:revision", revision.pk)
    return render(request, "decisions/staff/result.html", {"matter": matter, "form": form})
