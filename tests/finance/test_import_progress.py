"""Large files are checked in the background while the page shows how far the check has got."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from disclosure.finance.models import LedgerImport
from disclosure.finance.services import checking, imports

from .ledger_files import ROWS, csv_bytes, upload


@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_checked_in_the_background_with_a_progress_page(
    monkeypatch, village_a, clerk_a
):
    monkeypatch.setattr(checking, "BACKGROUND_FROM_BYTES", 0)
    monkeypatch.setattr(checking, "PROGRESS_EVERY", 2)
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
    deadline = time.monotonic() + 30
    while 'http-equiv="refresh"' in client.get(page).content.decode():
        assert time.monotonic() < deadline
        time.sleep(0.1)

    ledger_import.refresh_from_db()
    assert ledger_import.status == "parsed"
    assert ledger_import.problems == []
    assert ledger_import.staged.count() == len(ROWS)


def test_the_progress_page_counts_the_rows_read_and_refreshes_itself(quarter_a, clerk_a):
    ledger_import = imports.start_import(period=quarter_a, upload=upload(csv_bytes()), by=clerk_a)
    LedgerImport.objects.filter(pk=ledger_import.pk).update(status="checking", rows_parsed=20000)
    client = Client()
    client.force_login(clerk_a)

    page = client.get(reverse("finance_staff:import", args=[ledger_import.pk])).content.decode()

    assert '<meta http-equiv="refresh" content="3">' in page
    assert "20000" in page
    assert reverse("finance_staff:check", args=[ledger_import.pk]) not in page
