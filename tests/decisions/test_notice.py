"""The public-notice period (公示期) of a published resolution, counted by the clock."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from disclosure.decisions.states import MatterState, notice_ends_at, notice_remaining, state_of

from .builders import discussed_matter, resolved_matter

pytestmark = pytest.mark.usefixtures("english")


def test_a_prepared_but_unpublished_resolution_gives_no_notice(village_a, clerk_a):
    from disclosure.decisions import services

    matter = discussed_matter(village_a, clerk_a)
    services.prepare_resolution(matter=matter, by=clerk_a)
    matter.refresh_from_db()
    assert notice_remaining(matter) is None
    assert state_of(matter) == MatterState.IN_DISCUSSION


def test_the_notice_period_runs_seven_days_from_publication(village_a, clerk_a, supervisor_a):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    published = matter.resolution.first_published_at
    assert notice_ends_at(matter) == published + timedelta(days=7)
    assert state_of(matter) == MatterState.IN_NOTICE
    assert notice_remaining(matter, published + timedelta(days=2)) == timedelta(days=5)


def test_the_countdown_ends_when_the_clock_reaches_the_end(village_a, clerk_a, supervisor_a):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    ends = notice_ends_at(matter)
    with time_machine.travel(ends - timedelta(seconds=1)):
        assert notice_remaining(matter) == timedelta(seconds=1)
        assert state_of(matter) == MatterState.IN_NOTICE
    with time_machine.travel(ends):
        assert notice_remaining(matter) is None
        assert state_of(matter) == MatterState.BEING_IMPLEMENTED


def test_a_county_may_give_a_longer_notice(village_a, clerk_a, supervisor_a, settings):
    settings.DECISIONS_NOTICE_DAYS = 10
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    assert notice_ends_at(matter) - matter.resolution.first_published_at == timedelta(days=10)


def test_changing_the_setting_later_does_not_move_a_notice_already_given(
    village_a, clerk_a, supervisor_a, settings
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    settings.DECISIONS_NOTICE_DAYS = 3
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        assert state_of(matter) == MatterState.IN_NOTICE
