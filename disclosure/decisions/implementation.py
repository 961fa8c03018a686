"""Carrying out a resolved matter: progress updates, their photos, and links to the records
(ledger entries, contracts, other postings) that implement it.

A progress update is a public record (publishing/records.py) with its photos and links: reporting
it, and adding a photo or a link to it, each append its leaf to the county's transparency log.
A link given without an update serves the staff and the red-flag rules; villagers see links only
as part of an update.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing import changes, records
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import PostingStatus
from disclosure.regions.access import Action, require

from .files import store_upload
from .models import (
    ImplementationLink,
    LinkKind,
    Matter,
    MatterFile,
    ObjectionStatus,
    Phase,
    ProgressUpdate,
)
from .states import notice_ends_at, notice_remaining


def implementation_refusal(matter: Matter) -> str | None:
    """Why implementation cannot be recorded yet, in plain words; None when it can."""
    resolution = matter.resolution
    if resolution is None or resolution.status != PostingStatus.PUBLISHED:
        return _("The resolution has not been disclosed yet.")
    if notice_remaining(matter):
        ends = timezone.localtime(notice_ends_at(matter))
        return _("The public-notice period runs until %(time)s.") % {
            "time": date_format(ends, "DATETIME_FORMAT")
        }
    pending = matter.objections.filter(status=ObjectionStatus.PENDING).count()
    if pending:
        return _("%(count)s objections await moderation by the supervision committee.") % {
            "count": pending
        }
    unanswered = matter.objections.listed().unanswered().count()
    if unanswered:
        return _("%(count)s listed objections have not been answered.") % {"count": unanswered}
    if matter.result_id:
        return _("The result disclosure is already prepared.")
    if matter.implementation_ended_on:
        return _("The work was already reported finished.")
    return None


@transaction.atomic
def record_progress(
    *,
    matter: Matter,
    on: date,
    description: str,
    percent: int,
    spent: Decimal | None = None,
    by,
    ip=None,
) -> ProgressUpdate:
    """One progress report; the one that reaches 100% marks the end of implementation."""
    matter = (
        Matter.objects.select_for_update(of=("self",))
        .select_related("resolution")
        .get(pk=matter.pk)
    )
    require(by, Action.DRAFT, matter)
    refusal = implementation_refusal(matter)
    if refusal:
        raise ValidationError(refusal)
    _check_progress(matter, on, percent, spent)
    update = ProgressUpdate(
        matter=matter,
        village=matter.village,
        on=on,
        description=mask_text(description.replace("\r\n", "\n").strip()),
        percent=percent,
        spent=spent,
        recorded_by=by,
    )
    update.full_clean()
    update.save()
    if percent == 100:
        matter.implementation_ended_on = on
        matter.save(update_fields=["implementation_ended_on"])
    records.publish("progress", update)
    record(by=by, action="matter.progress", village=matter.village, target=matter.title, ip=ip)
    return update


def _check_progress(matter: Matter, on: date, percent: int, spent) -> None:
    errors = {}
    last = matter.progress.order_by("-on", "-pk").first()
    if on > clock.today():
        errors["on"] = _("Progress cannot be recorded for a day still to come.")
    elif last and on < last.on:
        errors["on"] = _("Dates cannot go backwards: the last update is of %(date)s.") % {
            "date": last.on.isoformat()
        }
    if not 0 <= percent <= 100:
        errors["percent"] = _("Progress is a percentage from 0 to 100.")
    elif last and percent < last.percent:
        errors["percent"] = _("Progress cannot fall below the last update's %(percent)s%%.") % {
            "percent": last.percent
        }
    if spent is not None and spent < 0:
        errors["spent"] = _("Money spent cannot be negative.")
    if errors:
        raise ValidationError(errors)


def _locked(progress: ProgressUpdate) -> ProgressUpdate:
    # Two additions at once would each log the update without the other's photo or link.
    return (
        ProgressUpdate.objects.select_for_update(of=("self",))
        .select_related("matter")
        .get(pk=progress.pk)
    )


@transaction.atomic
def add_progress_photo(*, progress: ProgressUpdate, upload, phase: str, by, ip=None) -> MatterFile:
    require(by, Action.DRAFT, progress)
    progress = _locked(progress)
    if phase not in Phase.values:
        raise ValidationError(
            {"phase": _("Say whether the photo is from before, during or after.")}
        )
    if progress.matter.result_id:
        raise ValidationError(_("The result disclosure is already prepared."))
    photo = MatterFile(
        matter=progress.matter,
        village=progress.village,
        progress=progress,
        phase=phase,
        **store_upload(upload),
    )
    photo.save()
    records.publish("progress", progress)
    record(by=by, action="matter.photo", village=progress.village, target=photo.filename, ip=ip)
    return photo


@transaction.atomic
def add_link(
    *,
    matter: Matter,
    kind: str,
    reference: str,
    label: str = "",
    progress: ProgressUpdate | None = None,
    by,
    ip=None,
) -> ImplementationLink:
    """Point from the matter to a ledger entry, a contract or a posting that implements it."""
    require(by, Action.DRAFT, matter)
    if kind not in LinkKind.values:
        raise ValidationError({"kind": _("Choose what the link points to.")})
    if progress is not None:
        progress = _locked(progress)
        if progress.matter_id != matter.pk:
            raise ValidationError(_("That progress update belongs to another matter."))
    link = ImplementationLink(
        matter=matter,
        village=matter.village,
        progress=progress,
        kind=kind,
        reference=reference.strip(),
        label=label.strip(),
    )
    link.full_clean()
    link.save()
    if progress is not None:
        records.publish("progress", progress)
    else:
        changes.count(matter.village_id)
    record(by=by, action="matter.link", village=matter.village, target=link.reference, ip=ip)
    return link
