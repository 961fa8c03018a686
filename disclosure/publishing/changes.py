"""Counting changes to what villagers see, so that cached public pages are dropped at once.

Every row saved or deleted through Django in the project's apps counts as a change of its village
(and of the site) once its transaction commits. Bulk writes that bypass Django's signals (COPY into
staging tables) only ever touch drafts; their publication saves the revision, which counts.
"""

import time
from functools import partial

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

SITE = 0
# Rows no public page shows: counting them would only empty the cache for nothing.
NOT_PUBLIC = {
    "publishing.AuditEntry",
    "publishing.ChangeCount",
    "web.Attempt",
    "regions.User",
    "regions.Role",
    "finance.StagedEntry",
    "finance.LedgerImport",
    "finance.ColumnMapping",
    "oversight.VillageSummary",
}
NOT_PUBLIC_APPS = {"reports", "redflags"}
# A count read less than this long ago is trusted without asking the database again. This process
# forgets its counts the moment it commits a change; other processes see it within the second.
TRUSTED_SECONDS = 1.0
TRUSTED_MOST = 10_000
_trusted: dict = {}


def _is_public(model) -> bool:
    meta = model._meta
    return (
        model.__module__.startswith("disclosure.")
        and meta.label not in NOT_PUBLIC
        and meta.app_label not in NOT_PUBLIC_APPS
    )


def _village_id(instance):
    if instance._meta.label == "regions.Region":
        return instance.pk
    return getattr(instance, "village_id", None)


def count(village_id) -> None:
    scopes = [SITE] if village_id is None else [SITE, village_id]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO publishing_changecount (scope, count) SELECT unnest(%s::bigint[]), 1 "
            "ON CONFLICT (scope) DO UPDATE SET count = publishing_changecount.count + 1",
            [scopes],
        )
    forget_counts()


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


def _changed(sender, instance, using=None, **kwargs) -> None:
    if _is_public(sender):
        transaction.on_commit(partial(count, _village_id(instance)), using=using)


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="publishing.changes.save")
    post_delete.connect(_changed, dispatch_uid="publishing.changes.delete")
