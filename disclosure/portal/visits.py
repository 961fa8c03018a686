"""When a visitor last came to a village's page, kept in a cookie of that village, so that the
page can say what is new since then without an account.

The cookie holds two days: the last day before today the visitor came, and the day of the newest
visit. A second look on the same day still shows what was new since the visit before. Days, not
moments: a village publishes a few things a week, and a page per visitor-day keeps the page
cache useful (the cookie's value is part of its key, portal/http.py).
"""

import datetime
import re

from django.conf import settings

COOKIE_PREFIX = "seen-"
COOKIE_AGE = 365 * 24 * 3600
COOKIE_NAME = re.compile(COOKIE_PREFIX + r"\d{12}")
_VALUE = re.compile(r"(\d{4}-\d{2}-\d{2})?~(\d{4}-\d{2}-\d{2})")


def cookie_name(code: str) -> str:
    return COOKIE_PREFIX + code


def _day(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _read(request, code: str) -> tuple[datetime.date | None, datetime.date | None]:
    found = _VALUE.fullmatch(request.COOKIES.get(cookie_name(code), ""))
    return (_day(found[1]), _day(found[2])) if found else (None, None)


def previous_visit(request, code: str, today: datetime.date) -> datetime.date | None:
    """The last day before today the visitor saw the village's page, if they ever did."""
    before, last = _read(request, code)
    if last is not None and last < today:
        return last
    return before if before is not None and before < today else None


def remember_visit(request, response, code: str, today: datetime.date) -> None:
    """Keep today as the newest visit; nothing to send when the cookie already says so."""
    before, last = _read(request, code)
    if last == today:
        return
    earlier = previous_visit(request, code, today)
    value = f"{earlier.isoformat() if earlier else ''}~{today.isoformat()}"
    response.set_cookie(
        cookie_name(code),
        value,
        max_age=COOKIE_AGE,
        path=f"/v/{code}/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
