"""After a ledger import the clerk lands on the period's draft: what was imported, and what to do
next."""

from django.test import Client
from django.urls import reverse

from disclosure.finance.models import LedgerEntry

from .ledger_files import imported
from .ledgers import add_voucher


def draft_page(user, revision) -> str:
    client = Client()
    client.force_login(user)
    return client.get(reverse("workspace:revision", args=[revision.pk])).content.decode()


def test_the_draft_shows_the_imported_entries_totals_and_balances(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)

    page = draft_page(clerk_a, revision)

    assert "村道硬化工程款" in page and "接待检查组招待费" in page  # the entries
    assert "¥26,000.00" in page and "¥13,820.50" in page  # income and expenditure
    assert "¥22,179.50" in page  # the bank's closing balance
    assert "标题和给村民的说明" in page  # the notice editor comes after, named for what it holds


def test_the_next_steps_lead_to_the_vouchers_and_count_entries_without_one(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)
    add_voucher(LedgerEntry.objects.filter(revision=revision).first())

    page = draft_page(clerk_a, revision)

    assert "下一步" in page
    assert reverse("finance_staff:entries", args=[revision.pk]) in page
    assert "还有 4 条分录没有凭证" in page


def test_the_supervisor_reading_the_draft_sees_no_clerks_steps(quarter_a, clerk_a, supervisor_a):
    revision = imported(quarter_a, clerk_a)

    page = draft_page(supervisor_a, revision)

    assert "村道硬化工程款" in page
    assert "下一步" not in page
