"""Every change villagers can see is counted, so that no cached page outlives it.

Services count a village's public change explicitly (disclosure/publishing/changes.py). While a
test runs, this watchdog listens to every save and delete: when project code (a service, a view,
a command, the demo) changes a row a public page shows, the test fails unless `changes.count` was
called for that village afterwards. Rows written by the tests themselves (factories, fixtures)
are not the services' doing and are let alone, as are rows of drafts, which no public page shows.
"""

import sys
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection
from django.db.models.signals import post_delete, post_save

from disclosure.publishing import changes, records
from disclosure.publishing.models import Posting, PostingStatus, Revision, RevisionState
from disclosure.regions.models import Level, Region

from .publishing.test_coverage import NOT_PUBLIC, PROOF

ROOT = Path(__file__).resolve().parent.parent
PROJECT_CODE = tuple(f"{ROOT / package}/" for package in ("disclosure", "demo", "prefecture"))
# Model methods are how tests set up rows, too: a save reached only through them is the test's.
MODEL_CODE = ("/models.py", "/managers.py")
ABOVE_VILLAGES = None
PUBLICATIONS = {
    Revision: lambda: Revision.objects.published(),
    Posting: lambda: Posting.objects.public(),
}
SHOWN_THROUGH_OTHERS = {
    "publishing.Blob": "a stored file is shown through the published revisions that cite it",
}


@dataclass
class Watchdog:
    uncounted: dict = field(default_factory=dict)

    def changed(self, sender, instance, **kwargs) -> None:
        label = sender._meta.label
        if label in NOT_PUBLIC or label in PROOF or label in SHOWN_THROUGH_OTHERS:
            return
        if not sender.__module__.startswith("disclosure"):
            return
        caller = _project_caller()
        if caller and _shows_publicly(instance):
            self.uncounted.setdefault(_village_of(instance), f"{label} saved by {caller}")

    def counted(self, village_id) -> None:
        self.uncounted.pop(village_id, None)
        self.uncounted.pop(ABOVE_VILLAGES, None)

    def counted_region(self, region) -> None:
        prefix = "" if region is None else region.prefix
        for village_id in list(self.uncounted):
            if village_id is None or _code_of(village_id).startswith(prefix):
                self.counted(village_id)


def _code_of(region_id: int) -> str:
    with connection.connection.cursor() as cursor:
        cursor.execute("SELECT code FROM regions_region WHERE id = %s", [region_id])
        row = cursor.fetchone()
    return row[0] if row else ""


def _project_caller() -> str | None:
    frame = sys._getframe(2)
    while frame:
        name = frame.f_code.co_filename
        if name.startswith(PROJECT_CODE) and not name.endswith(MODEL_CODE):
            return f"{name.removeprefix(str(ROOT) + '/')}:{frame.f_lineno}"
        frame = frame.f_back
    return None


def _village_of(instance):
    if isinstance(instance, Region):
        return instance.pk if instance.level == Level.VILLAGE else ABOVE_VILLAGES
    return getattr(instance, "village_id", ABOVE_VILLAGES)


def _shows_publicly(instance) -> bool:
    """Whether villagers are shown the row: a published revision or a public posting, a row of
    one, a public record; a row tied to drafts only is not shown."""
    if isinstance(instance, Revision):
        return instance.state == RevisionState.PUBLISHED
    if isinstance(instance, Posting):
        return instance.status != PostingStatus.UNPUBLISHED
    record = _record_types().get(instance._meta.label)
    if record is not None:
        return _exists(record.public().filter(pk=instance.pk))
    keys = _keys_to_publications(instance)
    return not keys or any(_exists(tie) for tie in _ties(instance, keys))


def _record_types() -> dict:
    return {kind.model._meta.label: kind for kind in records.registered().values()}


def _foreign_keys(model) -> list:
    return [key for key in model._meta.concrete_fields if key.many_to_one or key.one_to_one]


def _keys_to_publications(instance) -> list:
    """The row's foreign keys to a revision or a posting, or else those through the row it
    points at (a recipient's personal values, through the recipient): a row that has some is
    shown only through them."""
    keys = _foreign_keys(type(instance))
    direct = [key for key in keys if key.related_model in PUBLICATIONS]
    return direct or [
        key
        for key in keys
        if any(sub.related_model in PUBLICATIONS for sub in _foreign_keys(key.related_model))
    ]


def _ties(instance, keys) -> list:
    """Querysets finding what each key leads to, if it is a published revision or a public
    posting."""
    ties = []
    for key in keys:
        pk = getattr(instance, key.attname)
        if pk is None:
            continue
        target = key.related_model
        if target in PUBLICATIONS:
            ties.append(PUBLICATIONS[target]().filter(pk=pk))
            continue
        for sub in _foreign_keys(target):
            if sub.related_model in PUBLICATIONS:
                shown = PUBLICATIONS[sub.related_model]()
                ties.append(target.objects.filter(pk=pk, **{f"{sub.name}__in": shown}))
    return ties


def _exists(queryset) -> bool:
    # Through the driver's own cursor: tests that count a page's queries must not count these.
    # A row deleted with its draft is found no more, and was never public.
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS ({sql})", params)
        return cursor.fetchone()[0]


def watching(monkeypatch):
    """Start watching; returns the watchdog, to be asked at the end of the test."""
    watchdog = Watchdog()
    count = changes.count

    def counting(village_id):
        count(village_id)
        watchdog.counted(village_id)

    count_region = changes.count_region

    def counting_region(region):
        count_region(region)
        watchdog.counted_region(region)

    monkeypatch.setattr(changes, "count", counting)
    monkeypatch.setattr(changes, "count_region", counting_region)
    post_save.connect(watchdog.changed, weak=False, dispatch_uid="tests.watchdog.save")
    post_delete.connect(watchdog.changed, weak=False, dispatch_uid="tests.watchdog.delete")
    return watchdog


def stop_watching() -> None:
    post_save.disconnect(dispatch_uid="tests.watchdog.save")
    post_delete.disconnect(dispatch_uid="tests.watchdog.delete")
