"""The steps of a red flag's case, each checked, audited and kept as a step of its history:

    open → acknowledged (the village explains) → rectifying (the township sets a deadline and
    who is responsible) → rectified (the village reports what it did) → closed (the township's
    conclusion); a finished case may be reopened with a reason, and only the township dismisses
    a flag, with a reason.

A conclusion (closing, dismissal, reopening) on a flag about published money is published beside
the item as a public record (models.Conclusion, publishing/records.py).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing import changes, records
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import PostingStatus
from disclosure.regions.access import Action, can, require

from .models import FINISHED, CaseStatus, CaseStep, Conclusion, FlagCase

TEXT_MAX_CHARS = 2000
UNFINISHED = (
    CaseStatus.OPEN,
    CaseStatus.ACKNOWLEDGED,
    CaseStatus.RECTIFYING,
    CaseStatus.RECTIFIED,
)


def _text(value: str, field: str, missing: str) -> str:
    # What is written may reach a public page: personal data typed into it is masked.
    text = mask_text((value or "").replace("\r\n", "\n").strip())
    if not text:
        raise ValidationError({field: missing})
    if len(text) > TEXT_MAX_CHARS:
        raise ValidationError(
            {field: _("At most %(limit)s characters.") % {"limit": TEXT_MAX_CHARS}}
        )
    return text


def _step(case, *, action, before, after, note, by, ip, **changes_) -> FlagCase:
    """Lock the case, check who and from which state, change it, keep the step, audit it."""
    case = (
        FlagCase.objects.select_for_update(of=("self",))
        .select_related("village", "posting")
        .get(pk=case.pk)
    )
    require(by, action, case)
    if case.status not in before:
        raise ValidationError(
            _("This flag is “%(status)s”: that step cannot be taken now.")
            % {"status": case.get_status_display()}
        )
    case.status = after
    for name, value in changes_.items():
        setattr(case, name, value)
    case.save()
    CaseStep.objects.create(case=case, village=case.village, status=after, note=note, by=by)
    record(by=by, action=f"flag.{after}", village=case.village, target=case.key, ip=ip, note=note)
    return case


@transaction.atomic
def acknowledge(*, case: FlagCase, explanation: str, by, ip=None) -> FlagCase:
    """The village says what the flag is about: the township reads it before deciding."""
    text = _text(explanation, "explanation", _("Explain what the flag is about."))
    return _step(
        case,
        action=Action.EXPLAIN_FLAGS,
        before=(CaseStatus.OPEN,),
        after=CaseStatus.ACKNOWLEDGED,
        note=text,
        by=by,
        ip=ip,
        village_explanation=text,
    )


@transaction.atomic
def order_rectification(
    *, case: FlagCase, responsible, deadline: date, instructions: str, by, ip=None
) -> FlagCase:
    """The township names who puts it right, what must be done and by when."""
    text = _text(instructions, "instructions", _("Say what must be put right."))
    if deadline is None or deadline <= clock.today():
        raise ValidationError({"deadline": _("The deadline must be a day after today.")})
    if responsible is None or not can(responsible, Action.EXPLAIN_FLAGS, case):
        raise ValidationError(
            {"responsible": _("Choose a clerk or committee member of the village.")}
        )
    return _step(
        case,
        action=Action.RESOLVE_FLAGS,
        before=(CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED, CaseStatus.RECTIFIED),
        after=CaseStatus.RECTIFYING,
        note=text,
        by=by,
        ip=ip,
        responsible=responsible,
        deadline=deadline,
        overdue_notified_on=None,
    )


@transaction.atomic
def report_rectified(*, case: FlagCase, report: str, by, ip=None) -> FlagCase:
    """The village reports what it did; the township then closes the flag or orders more."""
    text = _text(report, "report", _("Say what was done."))
    return _step(
        case,
        action=Action.EXPLAIN_FLAGS,
        before=(CaseStatus.RECTIFYING,),
        after=CaseStatus.RECTIFIED,
        note=text,
        by=by,
        ip=ip,
    )


@transaction.atomic
def close(*, case: FlagCase, conclusion: str, by, ip=None) -> FlagCase:
    """The township's conclusion, once the village has explained or rectified."""
    text = _text(conclusion, "conclusion", _("Write the conclusion; villagers may read it."))
    case = _step(
        case,
        action=Action.RESOLVE_FLAGS,
        before=(CaseStatus.ACKNOWLEDGED, CaseStatus.RECTIFYING, CaseStatus.RECTIFIED),
        after=CaseStatus.CLOSED,
        note=text,
        by=by,
        ip=ip,
        conclusion=text,
    )
    _publish_conclusion(case, text, by)
    return case


@transaction.atomic
def dismiss(*, case: FlagCase, reason: str, by, ip=None) -> FlagCase:
    """The township finds the flag unfounded (a namesake, a payment decided elsewhere)."""
    text = _text(reason, "reason", _("Say why the flag is unfounded; villagers may read it."))
    case = _step(
        case,
        action=Action.RESOLVE_FLAGS,
        before=(CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED),
        after=CaseStatus.DISMISSED,
        note=text,
        by=by,
        ip=ip,
        conclusion=text,
    )
    _publish_conclusion(case, text, by)
    return case


@transaction.atomic
def reopen(*, case: FlagCase, reason: str, by, ip=None) -> FlagCase:
    """The township takes a finished flag up again; villagers who read its conclusion see why."""
    text = _text(reason, "reason", _("Say why the flag is taken up again."))
    case = _step(
        case,
        action=Action.RESOLVE_FLAGS,
        before=FINISHED,
        after=CaseStatus.OPEN,
        note=text,
        by=by,
        ip=ip,
        conclusion="",
        village_explanation="",
    )
    if case.conclusions.exists():
        _publish_conclusion(case, text, by)
    return case


def concerns_published_money(case: FlagCase) -> bool:
    return (
        case.amount is not None
        and case.posting is not None
        and case.posting.status != PostingStatus.UNPUBLISHED
    )


def _publish_conclusion(case: FlagCase, text: str, by) -> None:
    if not concerns_published_money(case):
        return
    conclusion = Conclusion(
        case=case,
        village=case.village,
        posting=case.posting,
        outcome=case.status,
        title=case.title,
        amount=case.amount,
        text=text,
        by_name=by.public_name,
        at=clock.now().replace(microsecond=0),
    )
    records.publish("flag_conclusion", conclusion)
    changes.count(case.village_id)


def steps_of(case: FlagCase) -> list[CaseStep]:
    return list(case.steps.select_related("by"))
