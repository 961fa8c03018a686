"""The list of matters of my villages by state, a new matter, one matter's page, its files."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from disclosure.regions.access import (
    Action,
    can,
    may_answer_objection,
    require,
    scope,
    villages_for,
)
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import rules, services
from ..forms import FileForm, LinkForm, MatterForm, PhotoForm, ResolutionForm
from ..implementation import implementation_refusal
from ..models import ObjectionStatus
from ..states import MatterState, notice_ends_at, result_due_on, state_of
from .common import matter_for, matters


@staff_required
def matter_list(request):
    """Every matter of the user's villages, grouped by where it stands."""
    groups = {state: [] for state in MatterState.values}
    pending = Count("objections", filter=Q(objections__status=ObjectionStatus.PENDING))
    listed = scope(matters(), request.user, Action.VIEW_DRAFTS).annotate(pending=pending)
    for matter in listed:
        groups[state_of(matter)].append(matter)
    context = {
        "groups": [(MatterState(state), found) for state, found in groups.items()],
        "villages": villages_for(request.user, Action.DRAFT),
    }
    return render(request, "decisions/staff/list.html", context)


@staff_required
def new_matter(request, code: str):
    village = get_object_or_404(villages_for(request.user, Action.VIEW_DRAFTS), code=code)
    require(request.user, Action.DRAFT, village)
    form = MatterForm(request.POST or None)
    if form.is_valid():
        try:
            matter = services.create_matter(
                village=village, by=request.user, ip=client_ip(request), **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Matter opened. Record its first discussion next."))
            return redirect("decisions_staff:matter", matter.pk)
    return render(request, "decisions/staff/new.html", {"village": village, "form": form})


@staff_required
def matter_page(request, pk: int):
    matter = matter_for(request, pk)
    user = request.user
    may_draft = can(user, Action.DRAFT, matter)
    stages = list(matter.stages.all())
    context = {
        "matter": matter,
        "state": MatterState(state_of(matter)),
        "stages": stages,
        "next_stage": rules.next_stage(stages) if not matter.resolution_id else None,
        "notice_ends": notice_ends_at(matter),
        "objections": matter.objections.all(),
        "may_draft": may_draft,
        "may_moderate": can(user, Action.REVIEW, matter),
        "may_answer": may_answer_objection(user, matter),
        "pending": ObjectionStatus.PENDING,
        "approved": ObjectionStatus.APPROVED,
        "progress": matter.progress.prefetch_related("photos", "links"),
        "files": matter.files.filter(progress=None).select_related("stage"),
        "implementation_refusal": implementation_refusal(matter),
        "file_form": FileForm() if may_draft else None,
        "resolution_form": ResolutionForm() if may_draft else None,
        "photo_form": PhotoForm(),
        "link_form": LinkForm(),
        "resolution_revision": _latest_revision(matter.resolution),
        "result_revision": _latest_revision(matter.result),
        "result_due": result_due_on(matter),
    }
    return render(request, "decisions/staff/matter.html", context)


def _latest_revision(posting):
    return posting.revisions.order_by("-number").first() if posting else None


@staff_required
def edit_matter(request, pk: int):
    matter = matter_for(request, pk, Action.DRAFT)
    form = MatterForm(request.POST or None, instance=matter)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_matter(
                matter=matter, by=request.user, ip=client_ip(request), **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The matter has been saved."))
            return redirect("decisions_staff:matter", matter.pk)
    return render(request, "decisions/staff/edit.html", {"matter": matter, "form": form})


@staff_required
def add_file(request, pk: int):
    matter = matter_for(request, pk, Action.DRAFT)
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        chosen = request.POST.get("stage", "")
        stage = matter.stages.filter(pk=int(chosen)).first() if chosen.isdigit() else None
        try:
            services.add_matter_file(
                matter=matter,
                upload=form.cleaned_data["file"],
                stage=stage,
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The file has been added."))
    elif request.method == "POST":
        messages.error(request, _("Choose a file to add."))
    return redirect("decisions_staff:matter", matter.pk)
