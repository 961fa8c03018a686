"""The one rate limiter: how often one address (or account) may do something in a window.

Every public form and the staff login count their attempts here, by kind and by the keyed hash
of who tried (web/addresses.py), never by the address itself. An attempt refused is not counted,
so a pause always ends.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import connection

from disclosure import clock

from .addresses import keyed
from .models import Attempt

HOUR = timedelta(hours=1)
# Attempts older than this serve no limit and are removed as new ones come in.
KEEP = timedelta(days=1)


def free_at(*, kind: str, who: str | None, limit: int, window: timedelta = HOUR):
    """When `who` may try again, if it has reached the limit within the window; else None."""
    if not who:
        return None
    recent = Attempt.objects.filter(kind=kind, key=keyed(who), at__gt=clock.now() - window)
    times = list(recent.order_by("-at").values_list("at", flat=True)[limit - 1 : limit])
    return times[0] + window if times else None


def note(*, kind: str, who: str | None) -> None:
    """Count an attempt of `who` (an address or an account); nothing for nobody."""
    if not who:
        return
    now = clock.now()
    Attempt.objects.filter(at__lt=now - KEEP).delete()
    Attempt.objects.create(kind=kind, key=keyed(who), at=now)


def check(*, kind: str, who: str | None, limit: int, message, window: timedelta = HOUR) -> None:
    """Refuse with `message` once `who` reached the limit within the window; else count it.

    Within the caller's transaction, two attempts of one `who` are checked one after the other,
    so that both cannot pass the count."""
    if who:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"{kind} {keyed(who)}"])
    if free_at(kind=kind, who=who, limit=limit, window=window) is not None:
        raise ValidationError(message)
    note(kind=kind, who=who)


def paused_until(
    *attempts: tuple[str, str | None], limit: int, window: timedelta
) -> datetime | None:
    """The latest end of the pauses on several (kind, who) at once, if any is paused."""
    ends = [free_at(kind=kind, who=who, limit=limit, window=window) for kind, who in attempts]
    return max((end for end in ends if end), default=None)
