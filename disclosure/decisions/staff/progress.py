"""Recording implementation: progress updates, their photos, and links to what implements it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.regions.access import Action
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import implementation
from ..forms import LinkForm, PhotoForm, ProgressForm
from .common import matter_for


@staff_required
def record_progress(request, pk: int):
    matter = matter_for(request, pk, Action.DRAFT)
    refusal = implementation.implementation_refusal(matter)
    form = ProgressForm(request.POST or None)
    if refusal is None and form.is_valid():
        try:
            implementation.record_progress(
                matter=matter, by=request.user, ip=client_ip(request), **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Progress recorded. Add photos and links below it."))
            return redirect("decisions_staff:matter", matter.pk)
    context = {"matter": matter, "form": form, "refusal": refusal}
    return render(request, "decisions/staff/progress.html", context)


def _refused(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@staff_required
@require_POST
def add_photo(request, pk: int, progress_pk: int):
    matter = matter_for(request, pk, Action.DRAFT)
    update = get_object_or_404(matter.progress, pk=progress_pk)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a photo and when it was taken."))
        return redirect("decisions_staff:matter", matter.pk)
    try:
        implementation.add_progress_photo(
            progress=update,
            upload=form.cleaned_data["file"],
            phase=form.cleaned_data["phase"],
            by=request.user,
            ip=client_ip(request),
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The photo has been added."))
    return redirect("decisions_staff:matter", matter.pk)


@staff_required
@require_POST
def add_link(request, pk: int, progress_pk: int):
    matter = matter_for(request, pk, Action.DRAFT)
    update = get_object_or_404(matter.progress, pk=progress_pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give what the link points to and its reference."))
        return redirect("decisions_staff:matter", matter.pk)
    try:
        implementation.add_link(
            matter=matter,
            progress=update,
            by=request.user,
            ip=client_ip(request),
            **form.cleaned_data,
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The link has been added."))
    return redirect("decisions_staff:matter", matter.pk)
