"""The clock the services read: the real present, or the moment the demo loader replays."""

import datetime
import threading

import pytest
import time_machine

from disclosure import clock
from disclosure.publishing.models import AuditEntry

from .clock import SHANGHAI
from .factories import published_posting

SPRING = datetime.datetime(2024, 3, 5, 10, 30, tzinfo=SHANGHAI)
SUMMER = datetime.datetime(2024, 7, 1, 23, 30, tzinfo=SHANGHAI)


def test_outside_a_replay_it_is_the_real_present():
    with time_machine.travel(SUMMER, tick=False):
        assert clock.now() == SUMMER
        assert clock.today() == datetime.date(2024, 7, 1)


def test_a_replay_holds_only_inside_it():
    with time_machine.travel(SUMMER, tick=False):
        with clock.replaying(SPRING):
            assert clock.now() == SPRING
            assert clock.today() == datetime.date(2024, 3, 5)
        assert clock.now() == SUMMER


def test_replays_nest_and_each_restores_the_one_outside():
    with clock.replaying(SUMMER):
        with clock.replaying(SPRING):
            assert clock.now() == SPRING
        assert clock.now() == SUMMER


def test_a_replay_holds_in_its_own_thread_only():
    seen = []
    with time_machine.travel(SUMMER, tick=False), clock.replaying(SPRING):
        other = threading.Thread(target=lambda: seen.append(clock.now()))
        other.start()
        other.join()
    assert seen == [SUMMER]


def test_what_the_services_record_in_a_replay_bears_its_moment(village_a, clerk_a, supervisor_a):
    with clock.replaying(SPRING):
        revision = published_posting(village_a, clerk_a, supervisor_a)

    assert revision.created_at == SPRING
    assert revision.published_at == SPRING
    assert revision.posting.created_at == SPRING
    assert {entry.at for entry in AuditEntry.objects.filter(village=village_a)} == {SPRING}


def test_production_never_replays(settings):
    settings.PRODUCTION = True

    with pytest.raises(RuntimeError), clock.replaying(SPRING):
        pass


def test_a_moment_without_its_time_zone_is_refused():
    with pytest.raises(ValueError), clock.replaying(datetime.datetime(2024, 3, 5, 10, 30)):
        pass
