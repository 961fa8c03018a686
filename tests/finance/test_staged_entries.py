"""A commit moves exactly the entries the check staged; when the staging table lost them (it is
UNLOGGED: a database crash empties it), nothing is committed and the clerk checks again."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from disclosure.finance.models import LedgerEntry, StagedEntry
from disclosure.finance.services import committing
from disclosure.publishing.models import Posting

from .ledger_files import ROWS, balances, checked, imported


def commit(ledger_import, clerk):
    opening, closing = balances()
    return committing.commit_import(
        ledger_import=ledger_import, opening=opening, closing=closing, by=clerk
    )


def test_the_check_records_how_many_entries_it_staged_and_their_digest(quarter_a, clerk_a):
    ledger_import = checked(quarter_a, clerk_a)

    assert ledger_import.staged_rows == len(ROWS)
    assert ledger_import.staged_digest not in ("", "0")


def test_a_commit_after_the_staging_table_was_emptied_imports_nothing(quarter_a, clerk_a):
    ledger_import = checked(quarter_a, clerk_a)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM finance_stagedentry")  # what a crash does to an UNLOGGED table

    with pytest.raises(ValidationError, match="请重新检查此文件"):
        commit(ledger_import, clerk_a)

    assert not LedgerEntry.objects.exists()
    assert not Posting.objects.exists()


def test_a_commit_with_one_staged_entry_lost_or_changed_imports_nothing(quarter_a, clerk_a):
    ledger_import = checked(quarter_a, clerk_a)
    StagedEntry.objects.filter(ledger_import=ledger_import, line=3).delete()
    with pytest.raises(ValidationError):
        commit(ledger_import, clerk_a)

    ledger_import = checked(quarter_a, clerk_a)
    StagedEntry.objects.filter(ledger_import=ledger_import, line=3).update(summary="改过的摘要")
    with pytest.raises(ValidationError):
        commit(ledger_import, clerk_a)
    assert not LedgerEntry.objects.exists()


def test_checked_again_the_file_commits_in_full(quarter_a, clerk_a):
    ledger_import = checked(quarter_a, clerk_a)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM finance_stagedentry")
    with pytest.raises(ValidationError):
        commit(ledger_import, clerk_a)

    revision = imported(quarter_a, clerk_a)

    assert LedgerEntry.objects.filter(revision=revision).count() == len(ROWS)
