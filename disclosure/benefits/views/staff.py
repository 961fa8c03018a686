"""Workspace pages of benefit lists: import with preview, and the full list for village staff.

Full names and identity numbers are shown here only, to the clerk and the supervision
committee of the village; everyone else sees what the public sees.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from disclosure.benefits.models import BenefitsKind
from disclosure.publishing.audit import record
from disclosure.publishing.models import Revision
from disclosure.publishing.services import EDITABLE
from disclosure.regions.access import (
    Action,
    can,
    get_for_user,
    may_see_personal_values,
    regions_for,
    villages_for,
    villages_seeing_personal_values,
)
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from .. import services
from .. import slips as slip_codes
from ..files import table_of
from ..forms import ImportForm, ReimportForm, read_preview, sign_preview
from ..imports import ImportRefused, read_lines
from ..models import BenefitList
from ..selectors import county_benefits, policy_for, totals_of, window_end

LISTS = Revision.objects.filter(posting__kind=BenefitsKind.BENEFIT_LIST).select_related(
    "posting", "village"
)


@staff_required
def home(request):
    villages = list(villages_seeing_personal_values(request.user))
    lists = LISTS.filter(village__in=villages).order_by("-created_at")[:100]
    context = {
        "villages": [(v, can(request.user, Action.DRAFT, v)) for v in villages],
        "lists": lists,
        "may_oversee": bool(regions_for(request.user, Action.OVERSEE)),
    }
    return render(request, "benefits/staff/home.html", context)


def _import(request, form_class, context: dict, confirm):
    """Upload, then a preview with every problem or every row, then confirmation."""
    if "payload" in request.POST:
        data = read_preview(request.POST["payload"])
        if data is None:
            messages.error(request, _("The preview has expired. Upload the file again."))
        else:
            try:
                return confirm(data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        form = form_class()
    elif request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                table = table_of(form.cleaned_data["file"])
                lines = read_lines(table, county_benefits(context["village"]))
            except ImportRefused as refused:
                context["problems"] = refused.problems
            else:
                context["lines"] = lines
                context["payload"] = sign_preview(form.cleaned_data, lines)
    else:
        form = form_class()
    context["form"] = form
    return render(request, "benefits/staff/import.html", context)


def _date(value: str | None):
    return datetime.date.fromisoformat(value) if value else None


@staff_required
def new_list(request, code: str):
    village = get_object_or_404(villages_for(request.user, Action.DRAFT), code=code)

    def confirm(data):
        revision = services.import_list(
            village=village,
            title=data["title"],
            body=data["body"],
            public_from=_date(data["public_from"]),
            lines=data["lines"],
            by=request.user,
            ip=client_ip(request),
        )
        messages.success(
            request, _("Draft saved. Preview it, then submit it to the supervision committee.")
        )
        return redirect("workspace:revision", revision.pk)

    return _import(request, ImportForm, {"village": village}, confirm)


@staff_required
def reimport(request, pk: int):
    revision = get_for_user(LISTS, request.user, Action.DRAFT, pk=pk)
    if revision.state not in EDITABLE:
        messages.error(request, _("Only a draft benefit list can be imported again."))
        return redirect("benefits_staff:revision", pk)

    def confirm(data):
        services.replace_recipients(
            revision=revision,
            public_from=_date(data["public_from"]),
            lines=data["lines"],
            by=request.user,
            ip=client_ip(request),
        )
        messages.success(request, _("The list of recipients has been replaced."))
        return redirect("benefits_staff:revision", pk)

    context = {"village": revision.village, "revision": revision}
    return _import(request, ReimportForm, context, confirm)


@staff_required
def revision(request, pk: int):
    revision = get_for_user(LISTS, request.user, Action.VIEW_DRAFTS, pk=pk)
    if not may_see_personal_values(request.user, revision.village):
        raise PermissionDenied
    benefit_list = BenefitList.objects.filter(revision=revision).first()
    recipients = revision.recipients.select_related("personal").order_by("position")
    context = {
        "revision": revision,
        "benefit_list": benefit_list,
        "window_end": window_end(benefit_list) if benefit_list else None,
        "policy": policy_for(revision.village),
        "totals": totals_of(revision),
        "recipients": recipients,
        "may_reimport": revision.state in EDITABLE and can(request.user, Action.DRAFT, revision),
    }
    return render(request, "benefits/staff/revision.html", context)


@staff_required
def slips(request, pk: int):
    """The slips handed to each recipient: the entry and the household's code, to print."""
    revision = get_for_user(LISTS, request.user, Action.VIEW_DRAFTS, pk=pk)
    if not may_see_personal_values(request.user, revision.village):
        raise PermissionDenied
    recipients = revision.recipients.select_related("personal").order_by("position")
    printed = [
        (recipient, slip_codes.shown(slip_codes.slip_code(recipient.personal.identity_number)))
        for recipient in recipients
        if getattr(recipient, "personal", None) is not None
    ]
    record(
        by=request.user,
        action="benefits.slips_printed",
        village=revision.village,
        target=str(revision),
        ip=client_ip(request),
        slips=len(printed),
    )
    return render(request, "benefits/staff/slips.html", {"revision": revision, "slips": printed})
