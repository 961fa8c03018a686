"""Ledger imports: a 100,000-row XLSX and a 1,000,000-row CSV through the whole import (read,
parse, check the ledger rules, COPY into staging, commit with INSERT … SELECT), beside a raw
COPY of the same rows into the ledger table in the same run.

Each file is imported in a child process (`python -m tests.bench.imports KIND FILE`) so that its
peak memory is its own; everything runs in a transaction that is rolled back, so the database
is left as it was.
"""

import csv
import dataclasses
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from .table import Row

ROOT = Path(__file__).resolve().parents[2]
SECTION = "ledger import"
SIZES = {"xlsx": 100_000, "csv": 1_000_000}
HEADINGS = ["日期", "凭证号", "摘要", "科目编码", "科目名称",
            "收入", "支出", "对方单位", "经办人", "审批人"]  # fmt: skip
ACCOUNTS = [
    ("501", "经营收入", "土地承包费收入", True),
    ("521", "补助收入", "上级补助资金", True),
    ("531", "管理费用", "保洁员工资", False),
    ("532", "公益支出", "村道硬化工程款", False),
    ("502", "经营支出", "农机维修费", False),
]
START = datetime.date(2026, 1, 1)


def run(scale: float = 1.0) -> list[Row]:
    """Generate each file, import it in a child process, return one row per file."""
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for kind, size in SIZES.items():
            count = max(int(size * scale), 1)
            path = Path(folder) / f"ledger.{kind}"
            write_file(kind, count, path)
            child = subprocess.run(
                [sys.executable, "-m", "tests.bench.imports", kind, str(path), str(count)],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            results.append(Row(**json.loads(child.stdout.splitlines()[-1])))
    return results


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


def measure(kind: str, path: Path, count: int) -> Row:
    """In the child process: import the file, then COPY the same rows raw."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction

    from disclosure.finance.models import LedgerEntry

    settings.LEDGER_IMPORT_MAX_BYTES = 1 << 40
    with transaction.atomic():
        clerk, period = _village_and_clerk()
        started = time.perf_counter()
        revision = _import(path, period, clerk)
        imported = time.perf_counter() - started
        assert LedgerEntry.objects.filter(revision=revision).count() == count

        started = time.perf_counter()
        raw_copy(connection, revision, count)
        raw = time.perf_counter() - started
        transaction.set_rollback(True)
    return Row(
        section=SECTION,
        what=f"{kind.upper()} file",
        size=count,
        seconds=imported,
        rate=count / imported,
        reference_rate=count / raw,
        ratio=imported / raw,
        peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )


def _village_and_clerk():
    from disclosure.finance.services import periods
    from disclosure.regions.models import Level, Region, Role, RoleKind, User

    county = Region.objects.create(code="999900000000", name="基准县", level=Level.COUNTY)
    town = Region.objects.create(
        code="999900001000", name="基准镇", level=Level.TOWNSHIP, parent=county
    )
    village = Region.objects.create(
        code="999900001001", name="基准村", level=Level.VILLAGE, parent=town
    )
    clerk = User.objects.create(username="bench-clerk", display_name="基准会计")
    Role.objects.create(user=clerk, region=village, kind=RoleKind.CLERK)
    return clerk, periods.get_or_create_period(village=village, year=2026, number=1, by=clerk)


def _import(path: Path, period, clerk):
    """The clerk's three steps: upload, check, commit with balances that reconcile."""
    from disclosure.finance.services import checking, committing

    ledger_import = checking.check_import(ledger_import=_upload(path, period, clerk), by=clerk)
    assert not ledger_import.problems, ledger_import.problems[:3]
    moved = committing.movements(ledger_import)
    zero = {"cash": Decimal("0.00"), "bank": Decimal("0.00")}
    closing = {fund: zero[fund] + moved[fund][0] - moved[fund][1] for fund in zero}
    return committing.commit_import(
        ledger_import=ledger_import, opening=zero, closing=closing, by=clerk
    )


def _upload(path: Path, period, clerk):
    # The upload is its own request: its bytes are gone before the file is checked.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from disclosure.finance.services import imports

    upload = SimpleUploadedFile(path.name, path.read_bytes())
    return imports.start_import(period=period, upload=upload, by=clerk)


def raw_copy(connection, revision, count: int) -> None:
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
                (revision.pk, revision.village_id, line, row[0], row[1], row[2], row[3], row[4],
                 "management_expenses", "bank", row[5] or "0", row[6] or "0", row[7], row[8],
                 row[9], False)
            )  # fmt: skip


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure.settings")
    from disclosure import embedded_db

    embedded_db.start()
    kind, path, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(dataclasses.asdict(measure(kind, path, count))))
