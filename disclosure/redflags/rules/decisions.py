"""Rules on major matters: carried out without a valid resolution, result disclosure overdue."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.contracts.models import Contract, Payment
from disclosure.decisions import rules as decision_rules
from disclosure.decisions.models import (
    ImplementationLink,
    Matter,
    ProgressUpdate,
    ResolutionStage,
    Stage,
)
from disclosure.publishing.models import PostingStatus, posting_is_in_force

from .. import selectors
from ..flags import Flag

WITHOUT_QUORUM = "resolution_without_quorum"
RESULT_OVERDUE = "result_overdue"
DECIDING_STAGE = decision_rules.LAST_STAGE


def _matter_title(matter: Matter) -> str:
    return _("Major matter: %(title)s") % {"title": matter.title}


def _matter_url(matter: Matter) -> str:
    return reverse("decisions_staff:matter", args=[matter.pk])


def _being_implemented():
    """Progress reported, a link recorded, a current contract naming the matter, a payment under
    one, or a result disclosure prepared."""
    contracts = Contract.objects.filter(
        matter=OuterRef("pk"), revision_id__in=selectors.current_revisions()
    )
    payments = Payment.objects.filter(posting__current__contract__matter=OuterRef("pk"))
    return (
        Exists(ProgressUpdate.objects.filter(matter=OuterRef("pk")))
        | Exists(ImplementationLink.objects.filter(matter=OuterRef("pk")))
        | Exists(contracts)
        | Exists(payments)
        | Q(result__isnull=False)
    )


def _deciding_meetings(matters: list[Matter]) -> dict[int, object]:
    """The last attempt at the fourth discussion of each matter: as its published resolution
    states it, or as recorded when no resolution is published."""
    published = {m.resolution.current_id: m.pk for m in matters if _has_resolution(m)}
    meetings = {}
    for row in ResolutionStage.objects.filter(
        revision_id__in=list(published), number=DECIDING_STAGE
    ).order_by("attempt"):
        meetings[published[row.revision_id]] = row
    unpublished = [m.pk for m in matters if not _has_resolution(m)]
    for row in Stage.objects.filter(matter_id__in=unpublished, number=DECIDING_STAGE).order_by(
        "attempt"
    ):
        meetings[row.matter_id] = row
    return meetings


def _has_resolution(matter: Matter) -> bool:
    return matter.resolution is not None and matter.resolution.status == PostingStatus.PUBLISHED


def _failure(meeting) -> str | None:
    """Why the deciding meeting does not carry the matter, judged again by the rules in force."""
    if meeting is None:
        return _("no villagers' (representative) meeting has resolved it")
    figures = decision_rules.Figures(
        **{name: getattr(meeting, name) for name in decision_rules.Figures.__dataclass_fields__}
    )
    outcome = decision_rules.judge(figures)
    if not outcome.passed:
        return outcome.explanation
    if not meeting.passed:
        return meeting.outcome or _("the meeting recorded it as not passed")
    return None


def resolution_without_quorum(village_ids, today: date) -> list[Flag]:
    """A matter being carried out whose deciding meeting (the fourth discussion) lacked a quorum
    or a majority, judged again by decisions.rules, or never took place."""
    matters = list(
        Matter.objects.filter(village_id__in=list(village_ids))
        .filter(_being_implemented())
        .select_related("resolution")
        .order_by("village_id", "pk")
    )
    meetings = _deciding_meetings(matters)
    flags = []
    for matter in matters:
        meeting = meetings.get(matter.pk)
        reason = _failure(meeting)
        if reason:
            flags.append(_quorum_flag(matter, meeting, reason))
    return flags


def _quorum_flag(matter: Matter, meeting, reason: str) -> Flag:
    return Flag(
        rule=WITHOUT_QUORUM,
        village_id=matter.village_id,
        strong=True,
        title=_matter_title(matter),
        explanation=_(
            "The matter is being carried out, but its resolution is not valid: %(reason)s"
        )
        % {"reason": reason},
        url=_matter_url(matter),
        on=meeting.held_on if meeting else None,
        amount=matter.amount,
        posting_id=matter.resolution_id,
        subject=f"matter/{matter.pk}",
    )


def result_overdue(village_ids, today: date) -> list[Flag]:
    """A resolved matter whose work ended more than DECISIONS_RESULT_DUE_DAYS ago, without a
    published result disclosure (the decisions app's "result overdue" state)."""
    ended_before = today - timedelta(days=settings.DECISIONS_RESULT_DUE_DAYS)
    matters = (
        Matter.objects.filter(
            posting_is_in_force("resolution"),
            village_id__in=list(village_ids),
            implementation_ended_on__lt=ended_before,
        )
        .exclude(posting_is_in_force("result"))
        .order_by("village_id", "implementation_ended_on", "pk")
    )
    flags = []
    for matter in matters:
        due = decision_rules.result_due(matter.implementation_ended_on)
        flags.append(
            Flag(
                rule=RESULT_OVERDUE,
                village_id=matter.village_id,
                strong=True,
                title=_matter_title(matter),
                explanation=_(
                    "The work ended on %(ended)s; its result was due to be disclosed by %(due)s "
                    "and is %(days)s days late."
                )
                % {
                    "ended": matter.implementation_ended_on.isoformat(),
                    "due": due.isoformat(),
                    "days": (today - due).days,
                },
                url=_matter_url(matter),
                on=due,
                amount=matter.amount,
                posting_id=matter.resolution_id,
                subject=f"matter/{matter.pk}",
            )
        )
    return flags
