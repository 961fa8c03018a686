"""Importing a large checked file, above all again into a draft that already holds hundreds of
thousands of entries, is done by the task queue while the import page shows it is under way."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from disclosure.finance.models import LedgerEntry, LedgerImport
from disclosure.finance.services import checking, committing

from .ledger_files import ROWS, balances, checked, csv_bytes, imported
from .test_staff_pages import _balances_post


@pytest.fixture
def queued_from_one_row(monkeypatch):
    monkeypatch.setattr(committing, "BACKGROUND_FROM_ROWS", 1)


def test_a_large_import_is_committed_by_the_task_queue_with_a_page_that_waits(
    queued_from_one_row, task_queue, quarter_a, clerk_a
):
    ledger_import = checked(quarter_a, clerk_a)
    client = Client()
    client.force_login(clerk_a)
    page = reverse("finance_staff:import", args=[ledger_import.pk])

    response = client.post(
        reverse("finance_staff:commit", args=[ledger_import.pk]), _balances_post()
    )

    assert response.url == page
    assert not LedgerEntry.objects.exists()
    waiting = client.get(page).content.decode()
    assert 'http-equiv="refresh"' in waiting
    assert "正在把核对过的 5 条分录导入本期" in waiting
    [job] = task_queue.waiting("commit_ledger_import")
    assert job["opening"] == {"cash": "500.00", "bank": "10000.00"}

    task_queue.run()

    ledger_import.refresh_from_db()
    assert ledger_import.status == "committed"
    assert LedgerEntry.objects.filter(village=quarter_a.village).count() == len(ROWS)
    assert "文件已导入" in client.get(page).content.decode()


def test_importing_again_into_a_full_draft_goes_through_the_queue_and_replaces_it(
    queued_from_one_row, task_queue, quarter_a, clerk_a
):
    first = imported(quarter_a, clerk_a)
    again = checked(quarter_a, clerk_a, csv_bytes(rows=ROWS[:2]))
    opening, closing = balances(bank_close="36000.00")

    committing.commit_in_background(
        ledger_import=again, opening=opening, closing=closing, by=clerk_a
    )
    assert LedgerEntry.objects.filter(revision=first).count() == len(ROWS)
    task_queue.run()

    assert LedgerEntry.objects.filter(revision=first).count() == 2


def test_what_would_refuse_the_import_is_said_at_once_and_nothing_is_queued(
    task_queue, quarter_a, clerk_a
):
    ledger_import = checked(quarter_a, clerk_a)
    opening, closing = balances(bank_close="1.00")

    with pytest.raises(ValidationError):
        committing.commit_in_background(
            ledger_import=ledger_import, opening=opening, closing=closing, by=clerk_a
        )

    assert task_queue.waiting("commit_ledger_import") == []
    ledger_import.refresh_from_db()
    assert ledger_import.status == "parsed"


def test_an_import_being_committed_cannot_be_committed_twice(task_queue, quarter_a, clerk_a):
    ledger_import = checked(quarter_a, clerk_a)
    opening, closing = balances()
    committing.commit_in_background(
        ledger_import=ledger_import, opening=opening, closing=closing, by=clerk_a
    )

    with pytest.raises(ValidationError, match="正在导入|being imported"):
        committing.commit_in_background(
            ledger_import=ledger_import, opening=opening, closing=closing, by=clerk_a
        )
    assert len(task_queue.waiting("commit_ledger_import")) == 1


def test_a_queued_commit_refused_meanwhile_shows_its_reason_on_the_import(
    task_queue, quarter_a, clerk_a
):
    ledger_import = checked(quarter_a, clerk_a)
    opening, closing = balances()
    committing.commit_in_background(
        ledger_import=ledger_import, opening=opening, closing=closing, by=clerk_a
    )
    checking.clear_staged(ledger_import)  # as a database restart empties the staging table

    task_queue.run()

    ledger_import = LedgerImport.objects.get(pk=ledger_import.pk)
    assert ledger_import.status == "parsed"
    assert "重新检查" in ledger_import.problems[0]["message"]
    assert not LedgerEntry.objects.exists()
