"""The demo's history, replayed in the order it happened.

Postings are published through the real services, which stamp every step with
`disclosure.clock.now()`. To give the demo a past (periods disclosed days after they ended,
notices spread over the quarters), each step is scheduled at its moment and the timeline runs
them sorted, each replaying its moment (`clock.replaying`). A village's chain then reads in date
order, as it would have had the staff done it by hand.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from disclosure import clock


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A Beijing time on `day`."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def latest_before(today: datetime.date, month: int, day: int, years_back: int = 0):
    """The last `month`/`day` before `today`, `years_back` years earlier: a notice of spring
    ploughing is always dated in a spring that has passed, whatever day the demo is loaded."""
    year = today.year if (month, day) < (today.month, today.day) else today.year - 1
    return datetime.date(year - years_back, month, day)


@dataclass(order=True)
class _Step:
    moment: datetime.datetime
    # Steps at the same moment keep the order they were scheduled in.
    number: int
    action: Callable[[], None] = field(compare=False)


class Timeline:
    def __init__(self, now: datetime.datetime):
        # Nothing may happen after the moment of loading: steps due later happen then.
        self.now = now
        self.steps: list[_Step] = []

    def schedule(self, moment: datetime.datetime, action: Callable[[], None]) -> None:
        """Run `action` at `moment`; it may set the clock itself for its earlier sub-steps."""
        self.steps.append(_Step(min(moment, self.now), len(self.steps), action))

    def clock(self, moment: datetime.datetime):
        """The clock for a sub-step of an action, never later than the moment of loading."""
        return clock.replaying(min(moment, self.now))

    def run(self) -> None:
        for step in sorted(self.steps):
            with clock.replaying(step.moment):
                step.action()
        self.steps.clear()
