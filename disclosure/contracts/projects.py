"""Construction and purchase projects, disclosed stage by stage.

A project is one posting of kind "project". Each stage (approval, bidding, award, contract,
construction, acceptance, final accounts) is disclosed as it happens: while the posting is still a
draft the stage joins that draft; once it is published a correction is started with the reason
"New stage: …", carrying every earlier stage, and the stage is added to it. So each published
revision shows the whole project so far, and the revision history shows when each stage was
disclosed, without a second lifecycle beside publishing.services.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure.contracts.models import ContractsKind
from disclosure.publishing import services as publishing
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import Posting, PostingStatus, Revision
from disclosure.regions.access import Action, require

from .models import STAGE_ORDER, Bid, ProjectStage, Stage


@dataclass
class StageReport:
    stage: str
    date: datetime.date
    description: str
    amount: Decimal | None = None
    bids: list[tuple[str, Decimal, bool]] = field(default_factory=list)


@transaction.atomic
def create_project(*, village, title: str, body: str = "", first: StageReport, by, ip=None):
    content = publishing.Content(title=title, body=body)
    revision = publishing.create_posting(
        village=village, kind=ContractsKind.PROJECT, content=content, by=by, ip=ip
    )
    _add_stage(revision, first)
    return revision


@transaction.atomic
def add_stage(*, posting: Posting, report: StageReport, by, ip=None) -> Revision:
    """Add a stage to the open draft, or start an update of the published project for it."""
    require(by, Action.DRAFT, posting)
    posting = Posting.objects.select_for_update().get(pk=posting.pk)
    if posting.kind != ContractsKind.PROJECT:
        raise ValidationError(_("Stages belong to a project."))
    revision = posting.revisions.open().first()
    if revision is None:
        if posting.status != PostingStatus.PUBLISHED:
            raise ValidationError(_("Only a published project can be continued."))
        reason = _("New stage: %(stage)s") % {"stage": Stage(report.stage).label}
        revision = publishing.start_update(posting=posting, by=by, reason=reason, ip=ip)
    elif revision.state not in publishing.EDITABLE:
        raise ValidationError(_("Wait until the revision awaiting sign-off is published."))
    _add_stage(revision, report)
    return revision


def _add_stage(revision: Revision, report: StageReport) -> None:
    if report.stage not in Stage.values:
        raise ValidationError({"stage": _("Choose a stage.")})
    stages = list(revision.stages.all())
    if stages and STAGE_ORDER.index(report.stage) <= STAGE_ORDER.index(stages[-1].stage):
        message = _("Stages follow one another: after “%(last)s” comes a later stage.")
        raise ValidationError({"stage": message % {"last": stages[-1].get_stage_display()}})
    if stages and report.date < stages[-1].date:
        raise ValidationError({"date": _("A stage cannot be dated before the previous one.")})
    if report.amount is not None and report.amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    if report.stage == Stage.BIDDING and not report.bids:
        raise ValidationError({"bids": _("The bidding stage lists the bidders and their prices.")})
    stage = ProjectStage(
        revision=revision,
        village=revision.village,
        stage=report.stage,
        date=report.date,
        description=mask_text(report.description.strip()),
        amount=report.amount,
    )
    stage.full_clean(exclude=["revision", "village"])
    stage.save()
    for position, (bidder, price, won) in enumerate(report.bids, start=1):
        if price <= 0:
            raise ValidationError({"bids": _("Every bid price must be more than zero.")})
        Bid.objects.create(
            revision=revision,
            village=revision.village,
            stage=stage,
            position=position,
            bidder=mask_text(bidder.strip()),
            price=price,
            won=won,
        )


def check_project(revision: Revision) -> None:
    if not revision.stages.exists():
        raise ValidationError(_("A project needs at least one stage before it is submitted."))


def copy_project(source: Revision, target: Revision) -> None:
    for stage in source.stages.all():
        bids = list(stage.bids.all())
        stage.pk = None
        stage.revision = target
        stage.save()
        for bid in bids:
            bid.pk = None
            bid.revision = target
            bid.stage = stage
            bid.save()


def stage_key(row: dict) -> str:
    return row["stage"]


def project_rows(revision: Revision) -> list[dict]:
    return [stage.canonical() for stage in revision.stages.prefetch_related("bids")]
