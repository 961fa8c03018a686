"""Where a matter stands, derived from its records and the clock, never stored."""

from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.publishing.models import PostingStatus

from . import rules


class MatterState(models.TextChoices):
    IN_DISCUSSION = "in_discussion", _("In discussion")
    NOT_PASSED = "not_passed", _("Not passed")
    IN_NOTICE = "in_notice", _("In public notice")
    BEING_IMPLEMENTED = "being_implemented", _("Being implemented")
    OVERDUE = "overdue", _("Result overdue")
    RESULT_DISCLOSED = "result_disclosed", _("Result disclosed")


def _published(posting) -> bool:
    return posting is not None and posting.status == PostingStatus.PUBLISHED


def notice_ends_at(matter) -> datetime | None:
    """When the public-notice period of the published resolution ends, or None before it."""
    if not _published(matter.resolution):
        return None
    return rules.notice_ends(matter.resolution.first_published_at, matter.notice_days)


def notice_remaining(matter, now: datetime | None = None) -> timedelta | None:
    """Time left in the public-notice period, for the countdown; None when it is not running."""
    ends = notice_ends_at(matter)
    now = now or clock.now()
    if ends is None or now >= ends:
        return None
    return ends - now


def result_due_on(matter):
    if matter.implementation_ended_on is None:
        return None
    return rules.result_due(matter.implementation_ended_on)


def state_of(matter, now: datetime | None = None) -> str:
    """The one place that says where a matter stands.

    Reads the matter's stages (prefetch them for lists), its two disclosures and the clock.
    """
    now = now or clock.now()
    if _published(matter.result):
        return MatterState.RESULT_DISCLOSED
    if _published(matter.resolution):
        due = result_due_on(matter)
        if due and timezone.localdate(now) > due:
            return MatterState.OVERDUE
        if notice_remaining(matter, now):
            return MatterState.IN_NOTICE
        return MatterState.BEING_IMPLEMENTED
    stages = list(matter.stages.all())
    if stages and not max(stages, key=lambda s: (s.number, s.attempt)).passed:
        return MatterState.NOT_PASSED
    return MatterState.IN_DISCUSSION
