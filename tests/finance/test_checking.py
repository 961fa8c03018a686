"""Checking an import in one pass: rows are staged as they are read, and a file with any
problem, however far down, leaves nothing behind."""

import pytest

from disclosure.finance import parsing
from disclosure.finance.models import LedgerEntry, LedgerImport, StagedEntry
from disclosure.finance.services import checking, imports

from .ledger_files import HEADINGS, ROWS, SIGNED, checked, csv_bytes, upload

# Many good rows, so that the bad one comes long after the first were staged.
GOOD = [
    [f"2026-03-{day:02d}", f"记-1{number:03d}", "保洁员工资", "531", "管理费用", "", "100",
     "赵秀英", *SIGNED]
    for number, day in zip(range(300), [1 + n % 28 for n in range(300)], strict=True)
]  # fmt: skip


def _problems(ledger_import):
    return [(p["row"], p["column"]) for p in ledger_import.problems]


@pytest.mark.parametrize(
    ("last", "where"),
    [
        (["2026-04-01", "记-999", "四月的账", "531", "管理费用", "", "10"], ("A",)),
        (["2026-03-31", "记-999", "坏金额", "531", "管理费用", "", "一百元"], ("G",)),
        (["2026-03-31", "记-999", "未知科目", "999", "", "", "10"], ("D",)),
        (["2026-03-31", "记-1000", "另一天的凭证", "531", "管理费用", "", "10"], ("B",)),
    ],
    ids=["date outside the period", "unreadable amount", "unknown account", "voucher reused"],
)
def test_a_problem_on_the_last_row_leaves_nothing_staged(quarter_a, clerk_a, last, where):
    rows = [*GOOD, [*last, "", *SIGNED]]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))

    assert _problems(ledger_import) == [(len(rows) + 1, column) for column in where]
    assert not StagedEntry.objects.filter(ledger_import=ledger_import).exists()
    assert not LedgerEntry.objects.exists()


def test_checking_again_after_a_good_check_leaves_only_the_new_outcome(quarter_a, clerk_a):
    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=GOOD))
    assert ledger_import.staged.count() == len(GOOD)
    bad = [*GOOD, ["2026-04-01", "记-999", "四月的账", "531", "管理费用", "", "10", "", *SIGNED]]
    imports.stored_path(ledger_import).write_bytes(csv_bytes(rows=bad))

    ledger_import = checking.check_import(ledger_import=ledger_import, by=clerk_a)

    assert _problems(ledger_import) == [(len(bad) + 1, "A")]
    assert not ledger_import.staged.exists()


def test_a_file_damaged_far_down_is_refused_with_a_message_and_stages_nothing(quarter_a, clerk_a):
    # A cell longer than any CSV field may be: the reader gives up there, after staging began.
    damaged = csv_bytes(rows=GOOD) + ("2026-03-31,记-999," + "长" * 200_000 + "\r\n").encode()

    ledger_import = checked(quarter_a, clerk_a, damaged)

    [problem] = ledger_import.problems
    assert problem["row"] == 0 and problem["message"]
    assert not ledger_import.staged.exists()


def test_the_first_entries_are_staged_before_the_last_row_is_read(monkeypatch, quarter_a, clerk_a):
    """The file is never held whole as entries: staging keeps pace with reading."""
    events = []

    class Rows:
        def __iter__(self):
            for number, row in enumerate([HEADINGS, *GOOD], start=1):
                events.append(("read", number))
                yield row

    staged_row = checking._Staged.row

    def noting(self, entry, rule):
        events.append(("staged", entry.line))
        return staged_row(self, entry, rule)

    ledger_import = imports.start_import(period=quarter_a, upload=upload(csv_bytes()), by=clerk_a)
    monkeypatch.setattr(checking, "sheet_of", lambda _import: parsing.Sheet("明细账", Rows()))
    monkeypatch.setattr(checking._Staged, "row", noting)

    ledger_import = checking.check_import(ledger_import=ledger_import, by=clerk_a)

    assert ledger_import.problems == []
    assert ledger_import.staged.count() == len(GOOD)
    assert events.index(("staged", 2)) < events.index(("read", len(GOOD) + 1))


def test_a_nul_byte_in_a_cell_far_down_is_dropped_rather_than_refused_by_the_database(
    quarter_a, clerk_a
):
    # Near the top of a file a NUL byte marks it as no table at all; further down it is noise.
    rows = [*GOOD * 4, ["2026-03-31", "记-999", "土地承包费\x00收入", *ROWS[0][3:]]]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=rows))

    assert ledger_import.problems == []
    assert ledger_import.staged.get(line=len(rows) + 1).summary == "土地承包费收入"


def test_the_rows_read_are_counted_with_those_refused(quarter_a, clerk_a):
    rows = [*ROWS, ["2026-03-20", "记-006", "坏金额", "531", "管理费用", "", "一百元", "", *SIGNED]]

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=[*rows, ["合计", "", "", "", ""]]))

    ledger_import = LedgerImport.objects.get(pk=ledger_import.pk)
    assert (ledger_import.rows_parsed, ledger_import.rows_total) == (len(rows), len(rows) + 1)
