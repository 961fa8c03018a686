"""Counting changes to what villagers see, so that cached public pages are dropped at once.

Each service that changes what a public page shows (publishing, withdrawing, answering, rating,
recording a payment, changing a village's settings …) calls `count` for the village it changed,
inside its own transaction: the new count becomes visible exactly when the change does. Pages
across villages read the count of the whole site, which every call moves too.
tests/watchdog.py fails any test in which project code changes a public row without counting.
"""

import time

from django.db import connection

SITE = 0
# A count read less than this long ago is trusted without asking the database again. This process
# forgets its counts the moment it counts a change; other processes see it within the second.
TRUSTED_SECONDS = 1.0
TRUSTED_MOST = 10_000
_trusted: dict = {}


def count(village_id: int | None) -> None:
    """Count a change of what the village's public pages show (None: a change above villages)."""
    scopes = [SITE] if village_id is None else [SITE, village_id]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO publishing_changecount (scope, count) SELECT unnest(%s::bigint[]), 1 "
            "ON CONFLICT (scope) DO UPDATE SET count = publishing_changecount.count + 1",
            [scopes],
        )
    forget_counts()


def count_region(region) -> None:
    """Count a change that shows on the pages of every village at or below `region` (a county's
    rule, a township's name); None: every village."""
    prefix = "" if region is None else region.prefix
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO publishing_changecount (scope, count) "
            "SELECT unnest(ARRAY[%s]::bigint[] || ARRAY(SELECT id FROM regions_region "
            "WHERE level = 'village' AND code LIKE %s)), 1 "
            "ON CONFLICT (scope) DO UPDATE SET count = publishing_changecount.count + 1",
            [SITE, prefix + "%"],
        )
    forget_counts()


def count_row(row) -> None:
    """Count the change of a row made outside a service (an administrator in the admin): its
    village's, or that of every village of the region it belongs to."""
    village_id = getattr(row, "village_id", None)
    if village_id is not None:
        count(village_id)
        return
    if row._meta.label == "regions.Region":
        count_region(row)
        return
    count_region(getattr(row, "county", None) or getattr(row, "region", None))


def forget_counts() -> None:
    _trusted.clear()


def remembered(key, read) -> int:
    """The count `read()` returns, read again only once the remembered one is a second old."""
    now = time.monotonic()
    known = _trusted.get(key)
    if known and known[1] > now:
        return known[0]
    if len(_trusted) >= TRUSTED_MOST:
        forget_counts()
    value = read()
    _trusted[key] = (value, now + TRUSTED_SECONDS)
    return value
