"""The township's work on reports: reading them, and the handler's steps.

Readers (VIEW_REPORTS) see what a report says; only handlers (HANDLE_REPORTS) see who made it,
move it along and write notes. Every reading and every step is written to the audit log, with
whether the reporter's identity was shown; the log never holds the report's text or identity.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.regions.access import Action, can, regions_for, require, scope

from .models import Report, ReportEvent, ReportNote, ReportStatus

CONCLUSION_MAX_CHARS = 5000
NOTE_MAX_CHARS = 5000
LIST_LIMIT = 100

NEXT_STATUSES = {
    ReportStatus.RECEIVED: {ReportStatus.INVESTIGATING, ReportStatus.CONCLUDED},
    ReportStatus.INVESTIGATING: {ReportStatus.CONCLUDED},
    ReportStatus.CONCLUDED: set(),
}


def visible_reports(user):
    """Reports of the villages below the user's township or county roles; none for anyone else."""
    return scope(Report.objects.select_related("village"), user, Action.VIEW_REPORTS)


def may_handle(user, report: Report) -> bool:
    return can(user, Action.HANDLE_REPORTS, report)


def report_for(user, pk: int, action: Action = Action.VIEW_REPORTS) -> Report:
    """The report, or 404 when the user may not read it, or 403 when they may not take the action.

    Village staff get the 404: to them, no report exists.
    """
    report = visible_reports(user).filter(pk=pk).first()
    if report is None:
        raise Http404
    require(user, action, report)
    return report


def list_reports(user, status: str | None, *, ip=None) -> list[Report]:
    """The newest reports the user may read, of one status or all, and the listing audited.

    The listing is logged on each node the user reads reports on, naming the reports listed
    there, so the township's own audit log shows it beside the villages' entries.
    """
    reports = visible_reports(user)
    if status in ReportStatus.values:
        reports = reports.filter(status=status)
    listed = list(reports[:LIST_LIMIT])
    for node in regions_for(user, Action.VIEW_REPORTS):
        record(
            by=user,
            action="report.list",
            village=node,
            target=_("Reports"),
            ip=ip,
            reports=[report.pk for report in listed if node.contains(report.village)],
        )
    return listed


def record_view(user, report: Report, *, identity_shown: bool, what: str = "report", ip=None):
    record(
        by=user,
        action=f"report.view_{what}",
        village=report.village,
        target=str(report),
        ip=ip,
        report=report.pk,
        identity_shown=identity_shown,
    )


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().select_related("village").get(pk=report.pk)


@transaction.atomic
def change_status(*, report: Report, status: str, by, conclusion: str = "", ip=None) -> Report:
    """Move the report on; a concluded report carries the conclusion the code holder reads."""
    report = _locked(report)
    require(by, Action.HANDLE_REPORTS, report)
    if status not in NEXT_STATUSES[report.status]:
        raise ValidationError(
            _("A report that is “%(current)s” cannot become “%(next)s”.")
            % {"current": report.get_status_display(), "next": ReportStatus(status).label}
            if status in ReportStatus.values
            else _("Please choose a status.")
        )
    if status == ReportStatus.CONCLUDED:
        conclusion = mask_text(conclusion.replace("\r\n", "\n").strip())
        if not conclusion:
            raise ValidationError(
                {"conclusion": _("Please write the conclusion the reporter will read.")}
            )
        if len(conclusion) > CONCLUSION_MAX_CHARS:
            raise ValidationError(
                {
                    "conclusion": _("A conclusion may be at most %(limit)s characters long.")
                    % {"limit": CONCLUSION_MAX_CHARS}
                }
            )
        report.conclusion = conclusion
        report.concluded_at = clock.now()
    report.status = status
    report.save()
    ReportEvent.objects.create(report=report, village=report.village, status=status, by=by)
    record(
        by=by,
        action=f"report.{status}",
        village=report.village,
        target=str(report),
        ip=ip,
        report=report.pk,
    )
    return report


@transaction.atomic
def add_note(*, report: Report, text: str, by, ip=None) -> ReportNote:
    report = _locked(report)
    require(by, Action.HANDLE_REPORTS, report)
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"text": _("Please write the note.")})
    if len(text) > NOTE_MAX_CHARS:
        message = _("A note may be at most %(limit)s characters long.")
        raise ValidationError({"text": message % {"limit": NOTE_MAX_CHARS}})
    note = ReportNote.objects.create(report=report, village=report.village, text=text, by=by)
    record(
        by=by,
        action="report.note",
        village=report.village,
        target=str(report),
        ip=ip,
        report=report.pk,
    )
    return note
