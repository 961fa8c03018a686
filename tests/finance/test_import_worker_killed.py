"""A worker killed in the middle of checking a large ledger leaves nothing half-done: the file's
rows are staged in one transaction, which dies with the worker, and the job, put back in the
queue once its worker is silent, checks the whole file again in a second worker."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.db import connection
from procrastinate.contrib.django import app
from procrastinate.contrib.django.django_connector import DjangoConnector

from disclosure import queue
from disclosure.finance.models import LedgerImport, StagedEntry
from disclosure.finance.services import checking, imports, periods

from .ledger_files import HEADINGS, csv_bytes, upload

ROOT = Path(__file__).resolve().parents[2]
# Enough rows that the check is still running when its first progress (10,000 rows) is noted.
ROW_COUNT = 150_000

pytestmark = pytest.mark.django_db(transaction=True)


def large_ledger() -> bytes:
    rows = [
        [f"2026-02-{1 + i % 28:02d}", f"记-{i:06d}", "土地承包费收入", "501", "经营收入", "10.00"]
        + [""] * 4
        for i in range(ROW_COUNT)
    ]
    return csv_bytes(rows, HEADINGS)


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{quote(db['HOST'], safe='')}:{db['PORT']}/{db['NAME']}"


def worker(*options: str) -> subprocess.Popen:
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DJANGO_SETTINGS_MODULE": "disclosure.settings",
    }
    command = [sys.executable, "manage.py", "procrastinate", "worker", "--queues", "imports"]
    return subprocess.Popen(  # noqa: S603 (our own command)
        [*command, *options], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
    )


def wait_for(condition, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, "the worker stopped by itself"
        assert time.monotonic() < deadline, "the worker did not get there in time"
        time.sleep(0.05)


def job_status(ledger_import) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status FROM procrastinate_jobs WHERE args->>'import_id' = %s",
            [str(ledger_import.pk)],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def real_queue():
    """The queue in the test database, emptied afterwards (its tables are not Django's)."""
    with app.replace_connector(DjangoConnector()):
        yield
    with connection.cursor() as cursor:
        for table in ("events", "periodic_defers", "jobs", "workers"):
            cursor.execute(f"DELETE FROM procrastinate_{table}")  # noqa: S608 (constant)


def test_a_check_killed_midway_stages_nothing_and_runs_again_in_full(
    real_queue, village_a, clerk_a
):
    quarter = periods.get_or_create_period(village=village_a, year=2026, number=1, by=clerk_a)
    ledger_import = imports.start_import(period=quarter, upload=upload(large_ledger()), by=clerk_a)
    checking.check_in_background(ledger_import=ledger_import, by=clerk_a)
    first = worker()
    try:
        wait_for(lambda: LedgerImport.objects.get(pk=ledger_import.pk).rows_parsed > 0, first)
        os.kill(first.pid, signal.SIGKILL)
    finally:
        first.wait()

    ledger_import.refresh_from_db()
    assert ledger_import.status == "checking"
    assert 0 < ledger_import.rows_parsed < ROW_COUNT
    assert not StagedEntry.objects.filter(ledger_import=ledger_import).exists()
    assert job_status(ledger_import) == "doing"

    assert async_to_sync(queue.retry_jobs_of_stopped_workers)(silent_for=0) == 1
    second = worker("--one-shot")
    assert second.wait(timeout=300) == 0

    ledger_import.refresh_from_db()
    assert ledger_import.status == "parsed"
    assert ledger_import.problems == []
    assert StagedEntry.objects.filter(ledger_import=ledger_import).count() == ROW_COUNT
    assert job_status(ledger_import) == "succeeded"
