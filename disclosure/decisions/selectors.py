"""What villagers see of major matters, for the public pages and the API alike.

A matter becomes public once its first discussion is recorded (the party branch has proposed
it): its title, category and amount, and where it stands. The figures of the discussions are
shown only as the resolution disclosure published them (ResolutionStage rows of a published
revision), the result only as its published disclosure, objections only once listed by the
supervision committee, and progress updates with their photos and links (a link given
without an update serves the staff and the red-flag rules, not villagers). Listed objections and
progress updates are public records, logged (publishing/records.py).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404

from disclosure import clock
from disclosure.publishing.models import (
    PostingStatus,
    Revision,
    posting_is_in_force,
)

from .models import Matter, MatterFile, ProgressUpdate, Stage
from .states import MatterState, notice_ends_at, notice_remaining, result_due_on, state_of

# The order in which the list of a village shows matters: what needs villagers' eyes first.
STATE_ORDER = [
    MatterState.IN_NOTICE,
    MatterState.OVERDUE,
    MatterState.BEING_IMPLEMENTED,
    MatterState.IN_DISCUSSION,
    MatterState.NOT_PASSED,
    MatterState.RESULT_DISCLOSED,
]


def public_matters():
    proposed = Stage.objects.filter(matter=OuterRef("pk"))
    return (
        Matter.objects.filter(Exists(proposed))
        .select_related("village", "resolution__current", "result__current")
        .prefetch_related("stages")
    )


def _published(posting) -> bool:
    return posting is not None and posting.status == PostingStatus.PUBLISHED


def published_revision(posting):
    """The posting's current revision when it is published (not withdrawn), else None."""
    if not _published(posting):
        return None
    revision = posting.current
    # Spares a query for each revision that shows its posting's code.
    revision.posting = posting
    return revision


@dataclass
class StateGroup:
    state: MatterState
    matters: list = field(default_factory=list)


def matters_by_state(village, now: datetime | None = None) -> list[StateGroup]:
    now = now or clock.now()
    groups = {state: StateGroup(MatterState(state)) for state in STATE_ORDER}
    for matter in public_matters().filter(village=village):
        matter.state = state_of(matter, now)
        matter.notice_ends_at = notice_ends_at(matter)
        groups[matter.state].matters.append(matter)
    return [group for group in groups.values() if group.matters]


@dataclass(frozen=True)
class Countdown:
    days: int
    hours: int
    ends_at: datetime


def countdown(matter, now: datetime | None = None) -> Countdown | None:
    remaining = notice_remaining(matter, now)
    if remaining is None:
        return None
    # A part of an hour left still counts as an hour, so the countdown never shows 0 too early.
    hours = -(-remaining // timedelta(hours=1))
    return Countdown(days=hours // 24, hours=hours % 24, ends_at=notice_ends_at(matter))


def _progress(matter):
    photos = MatterFile.objects.select_related("blob", "thumbnail").order_by("phase", "pk")
    return (
        ProgressUpdate.objects.filter(matter=matter)
        .prefetch_related(Prefetch("photos", queryset=photos), "links")
        .order_by("on", "pk")
    )


@dataclass
class Timeline:
    """Everything the matter page shows, before, during and after."""

    matter: Matter
    state: str
    resolution: Revision | None
    stages: list
    countdown: Countdown | None
    notice_ends_at: datetime | None
    objections: list
    progress: list
    result: Revision | None
    result_row: object
    result_due_on: object
    revisions: list

    @property
    def state_label(self) -> str:
        return MatterState(self.state).label

    @property
    def spent(self):
        amounts = [update.spent for update in self.progress if update.spent is not None]
        return amounts[-1] if amounts else None


def timeline(village, pk: int, now: datetime | None = None) -> Timeline:
    now = now or clock.now()
    matter = public_matters().filter(village=village, pk=pk).first()
    if matter is None:
        raise Http404
    resolution = published_revision(matter.resolution)
    result = published_revision(matter.result)
    return Timeline(
        matter=matter,
        state=state_of(matter, now),
        resolution=resolution,
        stages=list(resolution.decision_stages.all()) if resolution else [],
        countdown=countdown(matter, now),
        notice_ends_at=notice_ends_at(matter),
        objections=list(matter.objections.listed().order_by("lodged_at", "pk")),
        progress=list(_progress(matter)) if resolution else [],
        result=result,
        result_row=result.decision_results.first() if result else None,
        result_due_on=result_due_on(matter),
        revisions=_revisions(matter),
    )


def _revisions(matter) -> list:
    postings = [p for p in (matter.resolution, matter.result) if p is not None]
    if not postings:
        return []
    return list(
        Revision.objects.published()
        .filter(posting__in=postings)
        .select_related("posting")
        .order_by("published_at", "pk")
    )


def public_file(sha256: str, filename: str) -> MatterFile:
    """A progress photo of a matter whose resolution is published; nothing else is served."""
    found = (
        MatterFile.objects.filter(
            posting_is_in_force("matter__resolution"),
            blob_id=sha256,
            filename=filename,
            progress__isnull=False,
        )
        .select_related("blob")
        .first()
    )
    if found is None:
        raise Http404
    return found


def public_thumbnail(sha256: str) -> MatterFile:
    found = (
        MatterFile.objects.filter(
            posting_is_in_force("matter__resolution"), thumbnail_id=sha256, progress__isnull=False
        )
        .select_related("thumbnail")
        .first()
    )
    if found is None:
        raise Http404
    return found
