"""Import benchmark (not a test): a 100,000-row XLSX and a 1,000,000-row CSV through the ledger
import (read, parse, check the ledger rules, COPY into staging, commit with INSERT … SELECT),
beside a raw COPY of the same rows. Prints rows per second, peak memory and the ratio.

Run with `make bench`. Each file is imported in a child process so its peak memory is its own;
everything runs in a transaction that is rolled back, so the database is left as it was.
"""

import csv
import datetime
import os
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# BENCH_SCALE=0.01 runs the same benchmark on a hundredth of the rows, to try it out quickly.
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
SIZES = {"xlsx": int(100_000 * SCALE), "csv": int(1_000_000 * SCALE)}
HEADINGS = [
    "日期",
    "凭证号",
    "摘要",
    "科目编码",
    "科目名称",
    "收入",
    "支出",
    "对方单位",
    "经办人",
    "审批人",
]
ACCOUNTS = [
    ("501", "经营收入", "土地承包费收入", True),
    ("521", "补助收入", "上级补助资金", True),
    ("531", "管理费用", "保洁员工资", False),
    ("532", "公益支出", "村道硬化工程款", False),
    ("502", "经营支出", "农机维修费", False),
]
START = datetime.date(2026, 1, 1)


def rows(count: int):
    """Ledger rows spread over the first quarter of 2026, income and expenditure alternating."""
    for number in range(1, count + 1):
        code, name, summary, is_income = ACCOUNTS[number % len(ACCOUNTS)]
        amount = f"{(number % 9973) + 0.5:.2f}"
        yield [
            (START + datetime.timedelta(days=number % 90)).isoformat(),
            f"记-{number:07d}",
            summary,
            code,
            name,
            amount if is_income else "",
            "" if is_income else amount,
            "青山建筑队",
            "李会计",
            "陈主任",
        ]


def write_file(kind: str, count: int, path: Path) -> None:
    if kind == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(HEADINGS)
            writer.writerows(rows(count))
        return
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("明细账")
    sheet.append(HEADINGS)
    for row in rows(count):
        sheet.append(row)
    book.save(path)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, path: Path) -> None:
    """In a child process: import the file, then COPY the same rows raw; print one result line."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection, transaction

    from disclosure.finance.models import LedgerEntry
    from disclosure.finance.services import checking, committing, imports, periods
    from disclosure.regions.models import Level, Region, Role, RoleKind, User

    settings.LEDGER_IMPORT_MAX_BYTES = 1 << 40
    count = SIZES[kind]
    with transaction.atomic():
        county = Region.objects.create(code="999900000000", name="基准县", level=Level.COUNTY)
        town = Region.objects.create(
            code="999900001000", name="基准镇", level=Level.TOWNSHIP, parent=county
        )
        village = Region.objects.create(
            code="999900001001", name="基准村", level=Level.VILLAGE, parent=town
        )
        clerk = User.objects.create(username="bench-clerk", display_name="基准会计")
        Role.objects.create(user=clerk, region=village, kind=RoleKind.CLERK)
        period = periods.get_or_create_period(village=village, year=2026, number=1, by=clerk)

        started = time.perf_counter()
        upload = SimpleUploadedFile(path.name, path.read_bytes())
        ledger_import = imports.start_import(period=period, upload=upload, by=clerk)
        ledger_import = checking.check_import(ledger_import=ledger_import, by=clerk)
        assert not ledger_import.problems, ledger_import.problems[:3]
        moved = committing.movements(ledger_import)
        zero = {"cash": Decimal("0.00"), "bank": Decimal("0.00")}
        closing = {fund: zero[fund] + moved[fund][0] - moved[fund][1] for fund in zero}
        revision = committing.commit_import(
            ledger_import=ledger_import, opening=zero, closing=closing, by=clerk
        )
        imported = time.perf_counter() - started
        assert LedgerEntry.objects.filter(revision=revision).count() == count

        started = time.perf_counter()
        raw_copy(connection, revision, village, count)
        raw = time.perf_counter() - started
        transaction.set_rollback(True)
    print(
        f"{kind:>4}  {count:>9,} rows  import {imported:7.1f} s  {count / imported:>9,.0f} rows/s  "
        f"raw COPY {raw:6.1f} s  {count / raw:>9,.0f} rows/s  "
        f"import/raw {imported / raw:5.1f}×  peak memory {peak_mb():,.0f} MB"
    )


def raw_copy(connection, revision, village, count: int) -> None:
    """COPY the same rows, already typed, straight into the ledger table (lines after the
    imported ones, so they do not collide)."""
    columns = (
        "revision_id, village_id, line, date, voucher_no, summary, account_code, account_name, "
        "category, fund, income, expenditure, counterparty, handler, approver, is_hospitality"
    )
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY finance_ledgerentry ({columns}) FROM STDIN") as copy,
    ):
        for line, row in enumerate(rows(count), start=count + 10):
            copy.write_row(
                (revision.pk, village.pk, line, row[0], row[1], row[2], row[3], row[4],
                 "management_expenses", "bank", row[5] or "0", row[6] or "0", row[7], row[8],
                 row[9], False)
            )  # fmt: skip


def main() -> None:
    if len(sys.argv) == 3:
        measure(sys.argv[1], Path(sys.argv[2]))
        return
    with tempfile.TemporaryDirectory() as folder:
        for kind, count in SIZES.items():
            path = Path(folder) / f"ledger.{kind}"
            started = time.perf_counter()
            write_file(kind, count, path)
            print(
                f"generated {path.name}: {count:,} rows, {path.stat().st_size / 2**20:.0f} MB "
                f"in {time.perf_counter() - started:.0f} s",
                flush=True,
            )
            subprocess.run([sys.executable, __file__, kind, str(path)], check=True)


if __name__ == "__main__":
    main()
