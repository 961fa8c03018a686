"""The present moment, as the portal records it.

Everything that stamps a record or judges by today's date reads the time here: `now()` and
`today()`, and model fields declared as `TimestampField(auto_now_add=True)`. Outside
`replaying()` they are simply Django's `timezone.now()`, so tests move them with time_machine
like any clock.

`replaying(moment)` is how the demo loader (demo/, never the portal itself) gives the demo county
a past: each step of its history runs through the real services at the moment it took place, and
every time those services record is that moment. It is the only way to set the clock; it holds
for the code inside it and in that thread only, and production refuses it.
"""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.utils import timezone

_replayed: ContextVar[datetime.datetime | None] = ContextVar("replayed", default=None)


def now() -> datetime.datetime:
    """The present moment, or the moment being replayed."""
    return _replayed.get() or timezone.now()


def today() -> datetime.date:
    """The date of now() in Beijing."""
    return timezone.localdate(now())


@contextmanager
def replaying(moment: datetime.datetime) -> Iterator[None]:
    """Everything inside happens at `moment`: for loading fictional data with a history."""
    if settings.PRODUCTION:
        raise RuntimeError("the clock is never set in production")
    if timezone.is_naive(moment):
        raise ValueError("a replayed moment needs its time zone")
    token = _replayed.set(moment)
    try:
        yield
    finally:
        _replayed.reset(token)


class TimestampField(models.DateTimeField):
    """A DateTimeField whose `auto_now` and `auto_now_add` take their time from now().

    The column is an ordinary timestamp, so migrations see Django's own DateTimeField.
    """

    def pre_save(self, model_instance, add):
        if self.auto_now or (self.auto_now_add and add):
            value = now()
            setattr(model_instance, self.attname, value)
            return value
        return super().pre_save(model_instance, add)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DateTimeField", args, kwargs
