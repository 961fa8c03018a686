"""Starting a project and disclosing its next stage."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from disclosure.publishing.models import Posting
from disclosure.regions.access import Action, get_for_user, require
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import projects
from ..forms import ProjectForm, StageForm
from .staff import staff_village

PROJECTS = Posting.objects.filter(kind="project").select_related("village", "current")


@staff_required
def new_project(request, code: str):
    place = staff_village(request.user, code)
    require(request.user, Action.DRAFT, place)
    form = ProjectForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            revision = projects.create_project(
                village=place,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                first=form.report(),
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Project saved as a draft with its first stage."))
            return redirect("workspace:revision", revision.pk)
    return render(request, "contracts/staff/project_form.html", {"village": place, "form": form})


@staff_required
def add_stage(request, code: str):
    posting = get_for_user(PROJECTS, request.user, Action.DRAFT, code=code.upper())
    form = StageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            revision = projects.add_stage(
                posting=posting, report=form.report(), by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("Stage added to a draft. Submit it for sign-off to disclose it.")
            )
            return redirect("workspace:revision", revision.pk)
    context = {"village": posting.village, "posting": posting, "form": form}
    return render(request, "contracts/staff/stage_form.html", context)
