"""Publishing a period stores its totals; published entries are permanent; corrections diff."""

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.utils import IntegrityError, InternalError

from disclosure.finance.models import (
    FinanceKind,
    LedgerEntry,
    LedgerImport,
    PeriodSummary,
    PeriodTotal,
)
from disclosure.finance.services import committing
from disclosure.finance.services.diff import ledger_diff
from disclosure.publishing import services
from tests.factories import signed_off

from .ledger_files import ROWS, checked, csv_bytes, imported


@pytest.fixture
def published_quarter(quarter_a, clerk_a, supervisor_a):
    revision = imported(quarter_a, clerk_a)
    return services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)


def test_publishing_stores_the_totals_per_category(published_quarter):
    totals = {
        total.category: (total.income, total.expenditure, total.entries)
        for total in PeriodTotal.objects.filter(revision=published_quarter)
    }

    assert totals == {
        "operating_income": (Decimal("6000.00"), Decimal("0.00"), 1),
        "subsidy_income": (Decimal("20000.00"), Decimal("0.00"), 1),
        "management_expenses": (Decimal("0.00"), Decimal("1820.00"), 2),
        "public_welfare": (Decimal("0.00"), Decimal("12000.50"), 1),
    }


def test_publishing_stores_the_headline_figures(published_quarter):
    summary = PeriodSummary.objects.get(revision=published_quarter)

    assert summary.income == Decimal("26000.00")
    assert summary.expenditure == Decimal("13820.50")
    assert summary.hospitality == Decimal("320.00")
    assert summary.bank_opening == Decimal("10000.00")
    assert summary.bank_closing == Decimal("22179.50")
    assert summary.entries == 5
    assert [item["summary"] for item in summary.largest_expenditures] == [
        "村道硬化工程款",
        "保洁员工资",
        "接待检查组招待费",
    ]
    assert summary.largest_expenditures[0]["amount"] == "12000.50"


def test_a_draft_has_no_stored_totals(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)

    assert not PeriodTotal.objects.filter(revision=revision).exists()


def test_submitting_a_period_without_a_ledger_is_refused(quarter_a, clerk_a):
    from django.core.exceptions import ValidationError

    from disclosure.publishing.services import Content

    revision = services.create_posting(
        village=quarter_a.village,
        kind=FinanceKind.FINANCE_PERIOD,
        content=Content(title="空"),
        by=clerk_a,
    )

    with pytest.raises(ValidationError):
        services.submit(revision=revision, by=clerk_a)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE finance_ledgerentry SET expenditure = 1 WHERE revision_id = %s",
        "DELETE FROM finance_ledgerentry WHERE revision_id = %s",
        "UPDATE finance_periodtotal SET income = 0 WHERE revision_id = %s",
        "UPDATE finance_balance SET closing = 0 WHERE revision_id = %s",
        "DELETE FROM finance_periodsummary WHERE revision_id = %s",
    ],
)
def test_the_database_refuses_to_change_a_published_ledger(published_quarter, statement):
    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(statement, [published_quarter.pk])

    assert LedgerEntry.objects.filter(revision=published_quarter).count() == len(ROWS)


def test_the_database_refuses_new_entries_in_a_published_revision(published_quarter):
    entry = LedgerEntry.objects.filter(revision=published_quarter).first()
    entry.pk = None
    entry.line = 99

    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        entry.save()


def _reimport(period, clerk, rows, reason):
    ledger_import = checked(period, clerk, csv_bytes(rows=rows), reason=reason)
    income = sum(Decimal(row[5].replace(",", "").strip("¥元") or 0) for row in rows)
    spent = sum(Decimal(row[6].replace(",", "").strip("¥元") or 0) for row in rows)
    return committing.commit_import(
        ledger_import=ledger_import,
        opening={"cash": Decimal("500.00"), "bank": Decimal("10000.00")},
        closing={"cash": Decimal("500.00"), "bank": Decimal("10000.00") + income - spent},
        by=clerk,
    )


def test_a_correction_reimports_into_a_new_revision_with_its_reason(
    published_quarter, quarter_a, clerk_a
):
    rows = [list(row) for row in ROWS]
    rows[3][6] = "12,500.50"

    correction = _reimport(quarter_a, clerk_a, rows, "工程款金额录入有误")

    assert correction.number == 2
    assert correction.reason == "工程款金额录入有误"
    assert LedgerEntry.objects.get(revision=published_quarter, voucher_no="记-004").expenditure == (
        Decimal("12000.50")
    )
    assert LedgerEntry.objects.get(revision=correction, voucher_no="记-004").expenditure == (
        Decimal("12500.50")
    )


def test_the_diff_names_entries_added_removed_and_changed(published_quarter, quarter_a, clerk_a):
    rows = [list(row) for row in ROWS[1:]]
    rows[2][6] = "12,500.50"
    rows.append(["2026-03-30", "记-006", "办公用品", "531", "管理费用", "", "86", "", "", ""])

    correction = _reimport(quarter_a, clerk_a, rows, "补录办公用品，删除重复收入")
    diff = ledger_diff(published_quarter, correction)

    assert [entry.voucher_no for entry in diff.added] == ["记-006"]
    assert [entry.voucher_no for entry in diff.removed] == ["记-001"]
    [(before, after, fields)] = diff.changed
    assert before.voucher_no == after.voucher_no == "记-004"
    assert fields == ["expenditure"]


def test_a_correction_without_a_reason_is_refused_before_the_file_is_read(
    published_quarter, quarter_a, clerk_a
):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Say why|说明"):
        _reimport(quarter_a, clerk_a, ROWS, "")
    assert not LedgerImport.objects.filter(period=quarter_a).exclude(status="committed").exists()


def test_a_correction_started_in_the_workspace_keeps_the_entries(published_quarter, clerk_a):
    correction = services.start_correction(
        posting=published_quarter.posting, by=clerk_a, reason="补充凭证"
    )

    assert LedgerEntry.objects.filter(revision=correction).count() == len(ROWS)
    assert correction.balances.count() == 2
    assert not ledger_diff(published_quarter, correction)
