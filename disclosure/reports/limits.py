"""Abuse limits of the report forms, through the one limiter (web/limits.py).

The limiter keeps its attempts in a table of its own, by keyed hash, never on a report: the
limits work while an anonymous report stays unconnected to where it was sent from.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from disclosure.web import limits

# Wrong tracking codes one address may try per hour: enough for typing mistakes, far too few to
# find a code by guessing.
TRACK_FAILURES_PER_HOUR = 10


def check_filing(ip: str | None) -> None:
    """Refuse a report beyond settings.REPORTS_PER_HOUR from one address; else count it."""
    limits.check(
        kind="report",
        who=ip,
        limit=settings.REPORTS_PER_HOUR,
        message=_(
            "Too many reports were sent from your network in the last hour; please try again later."
        ),
    )


def check_tracking(ip: str | None) -> None:
    """Refuse to look up any code once an address has tried too many wrong ones."""
    if limits.free_at(kind="wrong code", who=ip, limit=TRACK_FAILURES_PER_HOUR):
        raise ValidationError(
            _(
                "Too many wrong tracking codes were entered from your network in the last hour; "
                "please check your code and try again later."
            )
        )


def note_wrong_code(ip: str | None) -> None:
    limits.note(kind="wrong code", who=ip)
