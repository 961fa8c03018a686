"""The township's pages of reports: lists, a report, its files, the reporter, the handler's steps.

Each page's reading is audited by the handling module; village staff get a 404 everywhere.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.publishing.attachments import blob_path
from disclosure.publishing.serving import serve_blob
from disclosure.regions.access import Action, regions_for
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from . import handling
from .forms import NoteForm, StatusForm
from .models import ReportStatus
from .web import private


@staff_required
def report_list(request):
    if not regions_for(request.user, Action.VIEW_REPORTS):
        raise Http404
    status = request.GET.get("status")
    status = status if status in ReportStatus.values else None
    reports = handling.list_reports(request.user, status, ip=client_ip(request))
    context = {
        "reports": reports,
        "status": status,
        "statuses": ReportStatus.choices,
        "limit": handling.LIST_LIMIT,
    }
    return private(render(request, "reports/staff/list.html", context))


@staff_required
def report_detail(request, pk: int):
    return _detail(request, handling.report_for(request.user, pk))


def _detail(request, report, *, status_form=None, note_form=None, status=200):
    """The report's page; a refused step comes back here with what was typed and why."""
    handling.record_view(request.user, report, identity_shown=False, ip=client_ip(request))
    may_handle = handling.may_handle(request.user, report)
    context = {
        "report": report,
        "files": report.files.select_related("blob"),
        "events": report.events.select_related("by"),
        "may_handle": may_handle,
    }
    if may_handle:
        allowed = handling.NEXT_STATUSES[report.status]
        context["notes"] = report.notes.select_related("by")
        context["note_form"] = note_form or NoteForm()
        if allowed:
            context["status_form"] = status_form or StatusForm(allowed=allowed)
    return private(render(request, "reports/staff/detail.html", context, status=status))


@staff_required
def identity(request, pk: int):
    report = handling.report_for(request.user, pk, Action.HANDLE_REPORTS)
    handling.record_view(
        request.user, report, identity_shown=True, what="identity", ip=client_ip(request)
    )
    return private(render(request, "reports/staff/identity.html", {"report": report}))


@staff_required
def report_file(request, pk: int, position: int):
    report = handling.report_for(request.user, pk)
    found = report.files.select_related("blob").filter(position=position).first()
    if found is None or not blob_path(found.blob).is_file():
        raise Http404
    handling.record_view(
        request.user, report, identity_shown=False, what="file", ip=client_ip(request)
    )
    return private(serve_blob(found.blob, found.filename, public=False))


@staff_required
@require_POST
def change_status(request, pk: int):
    report = handling.report_for(request.user, pk, Action.HANDLE_REPORTS)
    form = StatusForm(request.POST, allowed=handling.NEXT_STATUSES[report.status])
    if form.is_valid():
        try:
            report = handling.change_status(
                report=report,
                status=form.cleaned_data["status"],
                conclusion=form.cleaned_data["conclusion"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            message = _("The report is now “%(status)s”.")
            messages.success(request, message % {"status": report.get_status_display()})
            return redirect("reports_staff:detail", report.pk)
    return _detail(request, report, status_form=form, status=400)


@staff_required
@require_POST
def add_note(request, pk: int):
    report = handling.report_for(request.user, pk, Action.HANDLE_REPORTS)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            handling.add_note(
                report=report,
                text=form.cleaned_data["text"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The note is kept with the report."))
            return redirect("reports_staff:detail", report.pk)
    return _detail(request, report, note_form=form, status=400)
