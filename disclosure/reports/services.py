"""Filing and following reports, and the counts the township dashboard reads.

A villager files without an account and receives a tracking code; the code is the only way
back to the report from outside the staff workspace.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.publishing.attachments import read_upload, store_blob
from disclosure.publishing.audit import record
from disclosure.publishing.notify import notify
from disclosure.regions.access import Action
from disclosure.regions.models import Region

from . import codes, limits
from .models import Report, ReportCategory, ReportEvent, ReportFile, ReportStatus

TEXT_MIN_CHARS = 10
TEXT_MAX_CHARS = 5000
NAME_MAX_CHARS = 50
CONTACT_MAX_CHARS = 100
FILES_MAX = 3
_PHONE_CHARS = set("0123456789+- ")


@dataclass(frozen=True)
class Filing:
    """What the reporter typed, before it is checked."""

    village: Region
    category: str
    text: str
    anonymous: bool
    name: str = ""
    contact: str = ""


def report_counts(village_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Reports per village and status, in one query; zeros for villages without any."""
    counts = {pk: dict.fromkeys(ReportStatus.values, 0) for pk in village_ids}
    rows = (
        Report.objects.filter(village_id__in=counts)
        .values_list("village_id", "status")
        .annotate(number=Count("pk"))
        .order_by()
    )
    for village_id, status, number in rows:
        counts[village_id][status] = number
    return counts


def _clean(text: str) -> str:
    return (text or "").replace("\r\n", "\n").strip()


def _is_contact(value: str) -> bool:
    digits = sum(char.isdigit() for char in value)
    if set(value) <= _PHONE_CHARS and 7 <= digits <= 15:
        return True
    try:
        EmailValidator()(value)
    except ValidationError:
        return False
    return True


def _check(filing: Filing) -> Filing:
    """The filing cleaned, or a ValidationError naming every problem by field."""
    text = _clean(filing.text)
    # An anonymous report keeps nothing of a name or contact typed before choosing anonymity.
    name = "" if filing.anonymous else _clean(filing.name)
    contact = "" if filing.anonymous else _clean(filing.contact)
    errors = {}
    if not filing.village.is_village:
        errors["village"] = _("Please choose the village the report is about.")
    if filing.category not in ReportCategory.values:
        errors["category"] = _("Please choose what the report is about.")
    if len(text) < TEXT_MIN_CHARS:
        errors["text"] = _("Please describe what happened in at least %(limit)s characters.") % {
            "limit": TEXT_MIN_CHARS
        }
    elif len(text) > TEXT_MAX_CHARS:
        errors["text"] = _("A report may be at most %(limit)s characters long.") % {
            "limit": TEXT_MAX_CHARS
        }
    if not filing.anonymous and not name:
        errors["name"] = _("Please give your name, or choose to report anonymously.")
    elif len(name) > NAME_MAX_CHARS:
        errors["name"] = _("A name may be at most %(limit)s characters long.") % {
            "limit": NAME_MAX_CHARS
        }
    if contact and (len(contact) > CONTACT_MAX_CHARS or not _is_contact(contact)):
        errors["contact"] = _("Please give a phone number or an email address, or leave it empty.")
    if errors:
        raise ValidationError(errors)
    return Filing(filing.village, filing.category, text, filing.anonymous, name, contact)


def _read_files(uploads) -> list[tuple[str, bytes, str]]:
    if len(uploads) > FILES_MAX:
        message = _("At most %(limit)s files may be sent with a report.")
        raise ValidationError({"files": message % {"limit": FILES_MAX}})
    read = []
    for upload in uploads:
        try:
            content, content_type = read_upload(upload)
        except ValidationError as error:
            raise ValidationError({"files": error.messages}) from None
        read.append((upload.name[-200:], content, content_type))
    return read


@transaction.atomic
def file_report(*, filing: Filing, uploads=(), ip=None) -> tuple[Report, str]:
    """Store a report and return it with its tracking code, which is not kept anywhere.

    The township's report readers are emailed that a report arrived, and nothing more.
    """
    filing = _check(filing)
    files = _read_files(list(uploads))
    limits.check_filing(ip)
    code = codes.new_code()
    report = Report.objects.create(
        village=filing.village,
        category=filing.category,
        text=filing.text,
        anonymous=filing.anonymous,
        reporter_name=filing.name,
        reporter_contact=filing.contact,
        code_hash=codes.hash_of(code),
    )
    for position, (filename, content, content_type) in enumerate(files, start=1):
        blob = store_blob(content, content_type)
        ReportFile.objects.create(
            report=report, village=report.village, position=position, filename=filename, blob=blob
        )
    ReportEvent.objects.create(report=report, village=report.village, status=report.status)
    # No address is written: the log must not tie an anonymous report to where it came from.
    record(by=None, action="report.file", village=report.village, target=str(report))
    notify(
        Action.VIEW_REPORTS,
        report.village,
        "reports/email/new_report.txt",
        {"village": report.village, "url": _staff_url()},
    )
    return report, code


def _staff_url() -> str:
    return settings.PUBLIC_BASE_URL + reverse("reports_staff:list")


def track(typed: str, *, ip=None) -> Report | None:
    """The report a tracking code belongs to, or None; too many wrong codes are refused."""
    limits.check_tracking(ip)
    code = codes.normalise(typed)
    report = None
    if code is not None:
        report = Report.objects.select_related("village").filter(code_hash=codes.hash_of(code))
        report = report.first()
    if report is None:
        limits.note_wrong_code(ip)
        return None
    record(by=None, action="report.track", village=report.village, target=str(report))
    return report


def public_history(report: Report) -> list[ReportEvent]:
    """Status and time of each step; who took it stays with the township."""
    return list(report.events.only("status", "at"))
