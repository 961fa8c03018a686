"""Abuse limits of the public forms, counted per address without keeping the address.

An address is stored only as a keyed hash and in a table of its own, never on a report: the
limits work while an anonymous report stays unconnected to where it was sent from.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Attempt, AttemptKind

WINDOW = timedelta(hours=1)
# Wrong tracking codes one address may try per hour: enough for typing mistakes, far too few to
# find a code by guessing.
TRACK_FAILURES_PER_HOUR = 10
# Attempts older than this are of no use to any limit and are removed as new ones come in.
KEEP = timedelta(days=1)


def _key(ip: str | None) -> str | None:
    if not ip:
        return None
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, ip.encode(), hashlib.sha256).hexdigest()


def _recent(kind: str, key: str, now, window: timedelta = WINDOW) -> int:
    return Attempt.objects.filter(kind=kind, address=key, at__gt=now - window).count()


def exceeded(kind: str, source: str | None, limit: int, window: timedelta = WINDOW) -> bool:
    """Whether `limit` attempts of this kind came from `source` (an address, or any value
    attempts are counted by, kept only as a keyed hash) within `window`, at most a day."""
    key = _key(source)
    return bool(key) and _recent(kind, key, timezone.now(), window) >= limit


def note(kind: str, source: str | None) -> None:
    """Count one attempt of this kind from `source`."""
    _note(kind, _key(source), timezone.now())


def _note(kind: str, key: str | None, now) -> None:
    if key is None:
        return
    Attempt.objects.filter(at__lt=now - KEEP).delete()
    Attempt.objects.create(kind=kind, address=key)


def check_filing(ip: str | None) -> None:
    """Refuse a report beyond settings.REPORTS_PER_HOUR from one address; else count it."""
    key, now = _key(ip), timezone.now()
    if key and _recent(AttemptKind.FILE, key, now) >= settings.REPORTS_PER_HOUR:
        raise ValidationError(
            _(
                "Too many reports were sent from your network in the last hour; please try "
                "again later."
            )
        )
    _note(AttemptKind.FILE, key, now)


def check_tracking(ip: str | None) -> None:
    """Refuse to look up any code once an address has tried too many wrong ones."""
    key = _key(ip)
    if key and _recent(AttemptKind.TRACK, key, timezone.now()) >= TRACK_FAILURES_PER_HOUR:
        raise ValidationError(
            _(
                "Too many wrong tracking codes were entered from your network in the last hour; "
                "please check your code and try again later."
            )
        )


def note_wrong_code(ip: str | None) -> None:
    _note(AttemptKind.TRACK, _key(ip), timezone.now())
