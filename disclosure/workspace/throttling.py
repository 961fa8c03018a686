"""Slowing down password guessing.

After settings.LOGIN_FAILURE_LIMIT failed logins for one username, or from one address, within
settings.LOGIN_FAILURE_WINDOW_MINUTES, further attempts are refused until enough of those failures
have left the window. Refused attempts are not counted, so the pause always ends.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from disclosure.publishing.audit import record
from disclosure.regions.models import FailedLogin


def _stored(username: str) -> str:
    # The login form does not limit what is typed as a username; the table does.
    return username[: FailedLogin._meta.get_field("username").max_length]


def _window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def _pause_end(failures: QuerySet) -> datetime | None:
    """When the oldest failure still counting towards the limit leaves the window."""
    limit = settings.LOGIN_FAILURE_LIMIT
    times = list(failures.order_by("-at").values_list("at", flat=True)[limit - 1 : limit])
    return times[0] + _window() if times else None


def paused_until(username: str, ip: str | None) -> datetime | None:
    """The end of the pause on logins for this username or from this address, if there is one."""
    recent = FailedLogin.objects.filter(at__gt=timezone.now() - _window())
    ends = [_pause_end(recent.filter(username=_stored(username)))]
    if ip:
        ends.append(_pause_end(recent.filter(ip_address=ip)))
    return max((end for end in ends if end), default=None)


def record_failure(username: str, ip: str | None) -> None:
    FailedLogin.objects.create(username=_stored(username), ip_address=ip)
    record(by=None, action="staff.login_failed", target=username, ip=ip)


def record_refusal(username: str, ip: str | None) -> None:
    record(by=None, action="staff.login_paused", target=username, ip=ip)


def record_success(user, ip: str | None) -> None:
    record(by=user, action="staff.login", target=user.username, ip=ip)
