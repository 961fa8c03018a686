"""Slowing down password guessing, through the one limiter (web/limits.py).

After settings.LOGIN_FAILURE_LIMIT failed logins for one username, or from one address, within
settings.LOGIN_FAILURE_WINDOW_MINUTES, further attempts are refused until enough of those failures
have left the window. Refused attempts are not counted, so the pause always ends. Administrators
end a pause early by deleting the attempts in the admin ("Limited attempts").
"""

from datetime import datetime, timedelta

from django.conf import settings

from disclosure.publishing.audit import record
from disclosure.web import limits

ACCOUNT = "failed login: account"
ADDRESS = "failed login: address"


def _window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def paused_until(username: str, ip: str | None) -> datetime | None:
    """The end of the pause on logins for this username or from this address, if there is one."""
    return limits.paused_until(
        (ACCOUNT, username), (ADDRESS, ip), limit=settings.LOGIN_FAILURE_LIMIT, window=_window()
    )


def record_failure(username: str, ip: str | None) -> None:
    limits.note(kind=ACCOUNT, who=username)
    limits.note(kind=ADDRESS, who=ip)
    record(by=None, action="staff.login_failed", target=username, ip=ip)


def record_refusal(username: str, ip: str | None) -> None:
    record(by=None, action="staff.login_paused", target=username, ip=ip)


def record_success(user, ip: str | None) -> None:
    record(by=user, action="staff.login", target=user.username, ip=ip)
