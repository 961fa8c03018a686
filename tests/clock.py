"""Moments in Beijing time, and the clock moved to them, for tests (time_machine moves the real
clock that disclosure/clock.py reads)."""

import datetime
from contextlib import contextmanager
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int = 10) -> datetime.datetime:
    """A moment in Beijing time."""
    return datetime.datetime(year, month, day, hour, tzinfo=SHANGHAI)


@contextmanager
def on(day: datetime.date, hour: int = 10):
    """Move the clock to a day, at an hour of Beijing time."""
    with time_machine.travel(at(day.year, day.month, day.day, hour), tick=False):
        yield


@contextmanager
def minutes_later(minutes: int):
    """The clock moved on from now, so steps taken in a test fall on different seconds."""
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes), tick=False):
        yield
