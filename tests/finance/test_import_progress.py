"""Large files are checked in the background while the page shows how far the check has got."""

import pytest
from django.test import Client
from django.urls import reverse

from disclosure.finance.models import LedgerImport
from disclosure.finance.services import checking, imports

from .ledger_files import ROWS, csv_bytes, upload


def test_a_large_file_is_checked_by_the_task_queue_with_a_progress_page(
    monkeypatch, task_queue, village_a, clerk_a
):
    monkeypatch.setattr(checking, "BACKGROUND_FROM_BYTES", 0)
    client = Client()
    client.force_login(clerk_a)
    client.post(
        reverse("finance_staff:new_import", args=[village_a.code]),
        {"year": 2026, "number": 1, "fund": "bank", "file": upload(csv_bytes(), "明细账.csv")},
    )
    ledger_import = LedgerImport.objects.get()
    mapping = {name: str(index) for name, index in ledger_import.mapping.items()}

    client.post(reverse("finance_staff:check", args=[ledger_import.pk]), mapping)
    page = reverse("finance_staff:import", args=[ledger_import.pk])
    assert 'http-equiv="refresh"' in client.get(page).content.decode()
    assert task_queue.waiting("check_ledger_import") == [
        {"import_id": str(ledger_import.pk), "user_id": clerk_a.pk, "language": "zh-hans"}
    ]

    task_queue.run()

    assert 'http-equiv="refresh"' not in client.get(page).content.decode()
    ledger_import.refresh_from_db()
    assert ledger_import.status == "parsed"
    assert ledger_import.problems == []
    assert ledger_import.staged.count() == len(ROWS)


def test_a_queued_check_that_fails_shows_its_reason_on_the_import_page(
    monkeypatch, task_queue, quarter_a, clerk_a
):
    ledger_import = imports.start_import(period=quarter_a, upload=upload(csv_bytes()), by=clerk_a)
    checking.check_in_background(ledger_import=ledger_import, by=clerk_a)
    imports.stored_path(ledger_import).unlink()
    imports.rows_path(ledger_import).unlink(missing_ok=True)

    with pytest.raises(FileNotFoundError):
        task_queue.run()

    client = Client()
    client.force_login(clerk_a)
    page = client.get(reverse("finance_staff:import", args=[ledger_import.pk])).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert "文件无法检查，请重新上传。" in page


def test_the_progress_page_counts_the_rows_read_and_refreshes_itself(quarter_a, clerk_a):
    ledger_import = imports.start_import(period=quarter_a, upload=upload(csv_bytes()), by=clerk_a)
    LedgerImport.objects.filter(pk=ledger_import.pk).update(status="checking", rows_parsed=20000)
    client = Client()
    client.force_login(clerk_a)

    page = client.get(reverse("finance_staff:import", args=[ledger_import.pk])).content.decode()

    assert '<meta http-equiv="refresh" content="3">' in page
    assert "20000" in page
    assert reverse("finance_staff:check", args=[ledger_import.pk]) not in page


@pytest.mark.django_db(transaction=True)
def test_the_rows_read_can_be_seen_from_another_connection_while_the_check_runs(
    monkeypatch, village_a, clerk_a
):
    from django.db import DEFAULT_DB_ALIAS, connections

    from disclosure.finance.services import periods

    quarter = periods.get_or_create_period(village=village_a, year=2026, number=1, by=clerk_a)
    ledger_import = imports.start_import(period=quarter, upload=upload(csv_bytes()), by=clerk_a)
    monkeypatch.setattr(checking, "PROGRESS_EVERY", 2)
    seen = []
    staged_row = checking._Staged.row

    def looking(self, entry, rule):
        if entry.line == len(ROWS) + 1:
            other = connections.create_connection(DEFAULT_DB_ALIAS)
            try:
                with other.cursor() as cursor:
                    cursor.execute(
                        "SELECT rows_parsed FROM finance_ledgerimport WHERE id = %s",
                        [ledger_import.pk],
                    )
                    seen.append(cursor.fetchone()[0])
            finally:
                other.close()
        return staged_row(self, entry, rule)

    monkeypatch.setattr(checking._Staged, "row", looking)

    checking.check_import(ledger_import=ledger_import, by=clerk_a)

    # The heading row is a row read, too.
    assert seen == [len(ROWS) + 1]
