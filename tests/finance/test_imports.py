"""The ledger import: what a clerk's file becomes, and every reason it is refused."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure.finance.models import Balance, ColumnMapping, LedgerEntry, StagedEntry, Voucher
from disclosure.finance.services import checking, committing, imports
from disclosure.publishing.models import Posting

from .ledger_files import ROWS, balances, checked, csv_bytes, imported, upload
from .ledgers import add_voucher


def test_an_imported_ledger_holds_exactly_the_rows_of_the_file(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)

    entries = list(LedgerEntry.objects.filter(revision=revision).order_by("line"))
    assert [entry.voucher_no for entry in entries] == [row[1] for row in ROWS]
    assert [entry.summary for entry in entries] == [row[2] for row in ROWS]
    assert entries[0].income == Decimal("6000.00")
    assert entries[1].date.isoformat() == "2026-02-10"
    assert entries[3].expenditure == Decimal("12000.50")
    assert [entry.category for entry in entries] == [
        "operating_income",
        "subsidy_income",
        "management_expenses",
        "public_welfare",
        "management_expenses",
    ]
    assert [entry.is_hospitality for entry in entries] == [False, False, False, False, True]
    assert all(entry.village == quarter_a.village for entry in entries)
    quarter_a.refresh_from_db()
    assert quarter_a.posting == revision.posting


def test_the_balances_are_kept_with_the_revision(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)

    bank = Balance.objects.get(revision=revision, fund="bank")
    assert bank.opening == Decimal("10000.00")
    assert bank.closing == Decimal("22179.50")


def test_a_gb18030_csv_is_read_without_asking(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a, content=csv_bytes(encoding="gb18030"))

    assert LedgerEntry.objects.filter(revision=revision, summary="保洁员工资").exists()


def test_importing_again_replaces_the_draft_entries(quarter_a, clerk_a):
    imported(quarter_a, clerk_a)
    fewer = csv_bytes(rows=ROWS[:2])
    revision = imported(quarter_a, clerk_a, content=fewer, bank_close="36000.00")

    assert LedgerEntry.objects.filter(revision=revision).count() == 2
    assert Posting.objects.filter(village=quarter_a.village).count() == 1


def _problems(ledger_import):
    return [(p["row"], p["column"], p["message"]) for p in ledger_import.problems]


def test_a_date_outside_the_period_is_reported_by_row_and_column(quarter_a, clerk_a):
    rows = [*ROWS, ["2026-04-01", "记-006", "四月的账", "531", "管理费用", "", "10", "", "", ""]]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))

    [(row, column, message)] = _problems(ledger_import)
    assert (row, column) == (7, "A")
    assert "2026-04-01" in message and "2026-03-31" in message


def test_an_unknown_account_code_is_reported(quarter_a, clerk_a):
    rows = [*ROWS, ["2026-03-20", "记-006", "不明款项", "999", "", "", "10", "", "", ""]]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))

    [(row, column, message)] = _problems(ledger_import)
    assert (row, column) == (7, "D")
    assert "999" in message


def test_a_voucher_number_used_on_two_days_is_reported(quarter_a, clerk_a):
    rows = [*ROWS, ["2026-03-20", "记-001", "重复凭证", "531", "管理费用", "", "10", "", "", ""]]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))

    [(row, column, message)] = _problems(ledger_import)
    assert (row, column) == (7, "B")
    assert "记-001" in message and "2" in message


def test_lines_of_one_voucher_on_its_day_are_not_duplicates(quarter_a, clerk_a):
    rows = [
        *ROWS,
        ["2026-03-15", "记-005", "接待检查组招待费（烟茶）", "53105", "", "", "80", "", "", ""],
    ]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))

    assert ledger_import.problems == []


def test_unreadable_cells_are_reported_in_the_chinese_of_the_page(quarter_a, clerk_a):
    rows = [*ROWS, ["2026-03-20", "记-006", "坏金额", "531", "管理费用", "", "一百元", "", "", ""]]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))

    [(row, column, message)] = _problems(ledger_import)
    assert (row, column) == (7, "G")
    assert any("\u4e00" <= char <= "\u9fff" for char in message)


def test_every_problem_of_a_row_is_listed_at_once(quarter_a, clerk_a):
    rows = [*ROWS, ["2026-05-01", "记-006", "坏账", "999", "", "", "一百元", "", "", ""]]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))

    assert [(row, column) for row, column, _message in _problems(ledger_import)] == [
        (7, "A"),
        (7, "D"),
        (7, "G"),
    ]


def test_a_stored_file_that_can_no_longer_be_read_is_refused_with_a_message(quarter_a, clerk_a):
    from .ledger_files import xlsx_bytes

    content = xlsx_bytes({"明细账": ROWS})
    ledger_import = imports.start_import(
        period=quarter_a, upload=upload(content, "明细账.xlsx"), by=clerk_a
    )
    imports.stored_path(ledger_import).write_bytes(content[:200])

    with pytest.raises(ValidationError):
        checking.check_import(ledger_import=ledger_import, by=clerk_a)


def test_a_workbook_is_read_at_upload_only(quarter_a, clerk_a, monkeypatch):
    from .ledger_files import xlsx_bytes

    content = xlsx_bytes({"一月": ROWS[:2], "二月": ROWS[2:]})
    ledger_import = imports.start_import(
        period=quarter_a, upload=upload(content, "明细账.xlsx"), by=clerk_a
    )

    def read_again(*args, **kwargs):
        raise AssertionError("the workbook was read again")

    monkeypatch.setattr(imports.parsing, "read_table", read_again)
    imports.choose_sheet(ledger_import=ledger_import, sheet="二月", by=clerk_a)
    ledger_import = checking.check_import(ledger_import=ledger_import, by=clerk_a)

    assert ledger_import.problems == []
    staged = StagedEntry.objects.filter(ledger_import=ledger_import).order_by("line")
    assert [entry.voucher_no for entry in staged] == [row[1] for row in ROWS[2:]]


def test_rows_kept_at_upload_but_cut_short_are_read_again_from_the_workbook(quarter_a, clerk_a):
    from .ledger_files import xlsx_bytes

    content = xlsx_bytes({"一月": ROWS[:2], "二月": ROWS[2:]})
    ledger_import = imports.start_import(
        period=quarter_a, upload=upload(content, "明细账.xlsx"), by=clerk_a
    )
    kept = imports.rows_path(ledger_import)
    kept.write_bytes(kept.read_bytes()[:40])

    imports.choose_sheet(ledger_import=ledger_import, sheet="二月", by=clerk_a)
    ledger_import = checking.check_import(ledger_import=ledger_import, by=clerk_a)

    assert ledger_import.problems == []
    staged = StagedEntry.objects.filter(ledger_import=ledger_import).order_by("line")
    assert [entry.voucher_no for entry in staged] == [row[1] for row in ROWS[2:]]


def test_a_file_with_any_problem_saves_nothing(quarter_a, clerk_a):
    rows = [*ROWS, ["2026-04-01", "记-006", "四月的账", "531", "管理费用", "", "10", "", "", ""]]
    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))
    opening, closing = balances()

    with pytest.raises(ValidationError):
        committing.commit_import(
            ledger_import=ledger_import, opening=opening, closing=closing, by=clerk_a
        )

    assert not LedgerEntry.objects.exists()
    assert not Posting.objects.exists()


def test_a_closing_balance_that_does_not_reconcile_is_refused(quarter_a, clerk_a):
    ledger_import = checked(quarter_a, clerk_a)
    opening, closing = balances(bank_close="22179.49")

    with pytest.raises(ValidationError) as refused:
        committing.commit_import(
            ledger_import=ledger_import, opening=opening, closing=closing, by=clerk_a
        )

    assert "22179.50" in " ".join(refused.value.messages)
    assert not LedgerEntry.objects.exists()
    assert StagedEntry.objects.filter(ledger_import=ledger_import).count() == len(ROWS)


def test_an_executable_renamed_xlsx_is_refused(quarter_a, clerk_a):
    forged = upload(b"MZ\x90\x00" + b"\x00" * 2000, "明细账.xlsx")

    with pytest.raises(ValidationError):
        imports.start_import(period=quarter_a, upload=forged, by=clerk_a)


def test_a_50_mb_file_is_refused_before_it_is_read(quarter_a, clerk_a):
    big = upload(b"a" * (50 * 1024 * 1024), "明细账.csv")

    with pytest.raises(ValidationError) as refused:
        imports.start_import(period=quarter_a, upload=big, by=clerk_a)

    assert "50.0" in " ".join(refused.value.messages)


def test_the_mapping_of_a_layout_is_remembered_for_the_village(quarter_a, clerk_a):
    headings = ["记账日期", "凭证", "内容", "科目", "名称", "借", "贷"]
    rows = [row[:7] for row in ROWS]
    first = imports.start_import(
        period=quarter_a, upload=upload(csv_bytes(rows=rows, headings=headings)), by=clerk_a
    )
    mapping = {"date": 0, "voucher_no": 1, "summary": 2, "account_code": 3, "account_name": 4,
               "debit": 5, "credit": 6}  # fmt: skip
    imports.set_mapping(ledger_import=first, mapping=mapping, by=clerk_a)
    opening, closing = balances()
    committing.commit_import(
        ledger_import=checking.check_import(ledger_import=first, by=clerk_a),
        opening=opening,
        closing=closing,
        by=clerk_a,
    )

    again = imports.start_import(
        period=quarter_a, upload=upload(csv_bytes(rows=rows, headings=headings)), by=clerk_a
    )

    assert again.mapping == mapping
    assert ColumnMapping.objects.filter(village=quarter_a.village).count() == 1


def test_a_mapping_without_amount_columns_is_refused(quarter_a, clerk_a):
    ledger_import = imports.start_import(period=quarter_a, upload=upload(csv_bytes()), by=clerk_a)

    with pytest.raises(ValidationError) as refused:
        imports.set_mapping(
            ledger_import=ledger_import,
            mapping={"date": 0, "voucher_no": 1, "summary": 2, "account_code": 3},
            by=clerk_a,
        )

    assert "收入" in " ".join(refused.value.messages) or "Income" in " ".join(
        refused.value.messages
    )


def test_the_next_period_opens_with_the_published_closing_balances(
    quarter_a, clerk_a, supervisor_a
):
    from disclosure.finance.services import periods
    from disclosure.publishing import services
    from tests.factories import signed_off

    revision = imported(quarter_a, clerk_a)
    services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    second = periods.get_or_create_period(
        village=quarter_a.village, year=2026, number=2, by=clerk_a
    )
    rows = [["2026-04-02", "记-001", "保洁员工资", "531", "管理费用", "", "1500", "", "", ""]]

    ledger_import = checked(second, clerk_a, csv_bytes(rows=rows))
    revision = committing.commit_import(
        ledger_import=ledger_import,
        opening={"cash": Decimal("1"), "bank": Decimal("1")},
        closing={"cash": Decimal("500.00"), "bank": Decimal("20679.50")},
        by=clerk_a,
    )

    assert revision.balances.get(fund="bank").opening == Decimal("22179.50")


def test_importing_again_clears_the_draft_in_one_statement_per_table(quarter_a, clerk_a):
    first = imported(quarter_a, clerk_a)
    add_voucher(LedgerEntry.objects.filter(revision=first).first())
    again = checked(quarter_a, clerk_a, csv_bytes(rows=ROWS[:2]))
    opening, _closing = balances()

    with CaptureQueriesContext(connection) as queries:
        committing.commit_import(
            ledger_import=again,
            opening=opening,
            closing={"cash": Decimal("500.00"), "bank": Decimal("36000.00")},
            by=clerk_a,
        )

    entries = [q["sql"] for q in queries if "finance_ledgerentry" in q["sql"]]
    # However many entries the draft held: no entry is read back, one DELETE removes them all.
    assert not [sql for sql in entries if sql.startswith("SELECT")]
    assert len([sql for sql in entries if sql.startswith("DELETE")]) == 1
    assert LedgerEntry.objects.filter(revision=first).count() == 2
    assert not Voucher.objects.exists()


def test_a_large_workbook_is_streamed_through_the_check_and_not_kept_in_memory(
    quarter_a, clerk_a, monkeypatch
):
    from disclosure.spreadsheets import reading

    from .ledger_files import xlsx_bytes

    monkeypatch.setattr(reading, "STREAM_ABOVE", 0)  # as a workbook of a million rows would be
    content = xlsx_bytes({"一季度": ROWS})

    ledger_import = checked(quarter_a, clerk_a, content, "明细账.xlsx")

    assert ledger_import.problems == []
    assert not imports.rows_path(ledger_import).exists()
    staged = StagedEntry.objects.filter(ledger_import=ledger_import).order_by("line")
    assert [entry.voucher_no for entry in staged] == [row[1] for row in ROWS]
    assert staged[3].expenditure == Decimal("12000.50")
