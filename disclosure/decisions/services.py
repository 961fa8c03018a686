"""Recording a major matter and its four discussions, and preparing its two disclosures.

Every function checks permission through regions/access.py, writes the audit log and runs in one
transaction, so a refused step changes nothing. Submission, sign-off and publication of the two
disclosures are the publishing lifecycle's own (disclosure.publishing.services).
Objections live in objections.py, implementation in implementation.py.
"""

from dataclasses import asdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.decisions.models import DecisionsKind
from disclosure.publishing import changes
from disclosure.publishing import services as publishing
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import Attachment, Revision
from disclosure.regions.access import Action, require
from disclosure.regions.models import Region

from . import rules
from .files import store_upload
from .models import Matter, MatterFile, Phase, ResolutionStage, ResultRow, Stage


def _clean(text: str) -> str:
    return mask_text((text or "").replace("\r\n", "\n").strip())


def lock(matter: Matter) -> Matter:
    return Matter.objects.select_for_update().get(pk=matter.pk)


@transaction.atomic
def create_matter(
    *,
    village: Region,
    title: str,
    category: str,
    amount: Decimal | None = None,
    description: str = "",
    by,
    ip=None,
) -> Matter:
    require(by, Action.DRAFT, village)
    if not village.is_village:
        raise ValidationError(_("Major matters belong to a village."))
    matter = Matter(
        village=village,
        title=_clean(title),
        category=category,
        amount=amount,
        description=_clean(description),
        created_by=by,
    )
    matter.full_clean()
    matter.save()
    record(by=by, action="matter.create", village=village, target=matter.title, ip=ip)
    return matter


@transaction.atomic
def update_matter(
    *, matter: Matter, title: str, category: str, amount, description: str, by, ip=None
) -> Matter:
    """Change what the matter is about, only while it is still being discussed."""
    matter = lock(matter)
    require(by, Action.DRAFT, matter)
    if matter.resolution_id:
        raise ValidationError(
            _("The resolution disclosure is prepared: the matter can no longer be changed.")
        )
    matter.title, matter.category = _clean(title), category
    matter.amount, matter.description = amount, _clean(description)
    matter.full_clean()
    matter.save()
    record(by=by, action="matter.edit", village=matter.village, target=matter.title, ip=ip)
    return matter


@transaction.atomic
def add_matter_file(*, matter: Matter, upload, stage: Stage | None = None, by, ip=None):
    """A document of the matter itself or of one of its discussions (minutes, attendance sheets)."""
    matter = lock(matter)
    require(by, Action.DRAFT, matter)
    if stage is not None and stage.matter_id != matter.pk:
        raise ValidationError(_("That discussion belongs to another matter."))
    file = MatterFile(matter=matter, village=matter.village, stage=stage, **store_upload(upload))
    file.save()
    record(by=by, action="matter.file", village=matter.village, target=file.filename, ip=ip)
    return file


@transaction.atomic
def record_stage(
    *, matter: Matter, figures: rules.Figures, minutes: str = "", by, ip=None
) -> Stage:
    """Record one discussion; the rules decide whether it passed, and say why."""
    matter = lock(matter)
    require(by, Action.DRAFT, matter)
    if matter.resolution_id:
        raise ValidationError(
            _("The resolution disclosure is prepared: no more discussions can be recorded.")
        )
    stages = list(matter.stages.all())
    rules.check_figures(figures, stages, clock.today())
    outcome = rules.judge(figures)
    stage = Stage.objects.create(
        matter=matter,
        village=matter.village,
        attempt=1 + sum(1 for stage in stages if stage.number == figures.number),
        minutes=_clean(minutes),
        passed=outcome.passed,
        outcome=outcome.explanation,
        recorded_by=by,
        **asdict(figures),
    )
    record(
        by=by,
        action="matter.stage",
        village=matter.village,
        target=matter.title,
        ip=ip,
        stage=stage.number,
        attempt=stage.attempt,
        passed=stage.passed,
    )
    # The village's page of matters follows each discussion of the four.
    changes.count(matter.village_id)
    return stage


@transaction.atomic
def prepare_resolution(*, matter: Matter, body: str = "", by, ip=None) -> Revision:
    """Draft the resolution disclosure (决议公开), carrying every discussion as its rows."""
    matter = lock(matter)
    require(by, Action.DRAFT, matter)
    if matter.resolution_id:
        raise ValidationError(_("The resolution disclosure of this matter is already prepared."))
    stages = list(matter.stages.all())
    if not stages or rules.next_stage(stages) is not None:
        raise ValidationError(
            _("The resolution can be disclosed only after the fourth discussion has passed it.")
        )
    content = publishing.Content(title=matter.title, body=body or matter.description)
    revision = publishing.create_posting(
        village=matter.village, kind=DecisionsKind.RESOLUTION, content=content, by=by, ip=ip
    )
    for stage in stages:
        ResolutionStage.objects.create(
            revision=revision,
            village=matter.village,
            stage=stage,
            **{name: getattr(stage, name) for name in Stage.FIGURES},
        )
    matter.resolution = revision.posting
    matter.notice_days = rules.notice_days()
    matter.save(update_fields=["resolution", "notice_days"])
    return revision


@transaction.atomic
def prepare_result(
    *,
    matter: Matter,
    body: str,
    final_cost: Decimal,
    accepted_on,
    accepted_by: str,
    acceptance: str,
    by,
    ip=None,
) -> Revision:
    """Draft the result disclosure (实施结果公开), with the photos taken after the work."""
    matter = lock(matter)
    require(by, Action.DRAFT, matter)
    if matter.result_id:
        raise ValidationError(_("The result disclosure of this matter is already prepared."))
    if matter.implementation_ended_on is None:
        raise ValidationError(
            _("The result can be disclosed once a progress update reports the work finished.")
        )
    row = ResultRow(
        village=matter.village,
        resolved_amount=matter.amount,
        final_cost=final_cost,
        completed_on=matter.implementation_ended_on,
        accepted_on=accepted_on,
        accepted_by=_clean(accepted_by),
        acceptance=_clean(acceptance),
    )
    row.full_clean(exclude=["revision"])
    check_result_row(row)
    content = publishing.Content(title=matter.title, body=body)
    revision = publishing.create_posting(
        village=matter.village, kind=DecisionsKind.DECISION_RESULT, content=content, by=by, ip=ip
    )
    row.revision = revision
    row.save()
    _attach_after_photos(matter, revision)
    matter.result = revision.posting
    matter.save(update_fields=["result"])
    changes.count(matter.village_id)
    return revision


def check_result_row(row: ResultRow) -> None:
    errors = {}
    if row.final_cost < 0:
        errors["final_cost"] = _("The final cost cannot be negative.")
    if row.accepted_on < row.completed_on:
        errors["accepted_on"] = _("The work cannot be accepted before it ended.")
    if row.accepted_on > clock.today():
        errors["accepted_on"] = _("An acceptance cannot be recorded before it takes place.")
    if errors:
        raise ValidationError(errors)


def _attach_after_photos(matter: Matter, revision: Revision) -> None:
    photos = MatterFile.objects.filter(matter=matter, phase=Phase.AFTER).select_related("blob")
    for position, photo in enumerate(photos, start=1):
        Attachment.objects.create(
            revision=revision,
            village=revision.village,
            position=position,
            filename=photo.filename,
            blob=photo.blob,
            thumbnail=photo.thumbnail,
        )
