"""Reading a large XLSX workbook: a 1,000,000-row ledger sheet read row by row, once streamed
from its XML (what the portal does above `reading.STREAM_ABOVE`) and once read whole by calamine
into lists (what it does below), each in a child process whose peak resident memory is its own
(`python -m tests.bench.workbooks MODE FILE COUNT`). Reading only: no database is touched.
"""

import dataclasses
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .imports import write_file
from .table import Row

ROOT = Path(__file__).resolve().parents[2]
SECTION = "large workbook"
SIZE = 1_000_000
MODES = {"whole": "XLSX read whole (calamine)", "streamed": "XLSX streamed (lxml iterparse)"}


def run(scale: float = 1.0) -> list[Row]:
    count = max(int(SIZE * scale), 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.xlsx"
        write_file("xlsx", count, path)
        return [_child(mode, path, count) for mode in MODES]


def _child(mode: str, path: Path, count: int) -> Row:
    child = subprocess.run(
        [sys.executable, "-m", "tests.bench.workbooks", mode, str(path), str(count)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return Row(**json.loads(child.stdout.splitlines()[-1]))


def measure(mode: str, path: Path, count: int) -> Row:
    from disclosure.spreadsheets import reading

    reading.STREAM_ABOVE = 0 if mode == "streamed" else 1 << 40
    reading.MAX_UNPACKED = 1 << 40  # the size limit is not what is measured here
    started = time.perf_counter()
    [sheet] = reading.read_table(path.read_bytes(), path.name).sheets
    read = sum(1 for _row in sheet.rows)
    seconds = time.perf_counter() - started
    assert read == count + 1, (read, count)  # the headings and every row
    return Row(
        section=SECTION,
        what=MODES[mode],
        size=count,
        seconds=seconds,
        rate=count / seconds,
        peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )


if __name__ == "__main__":
    import os

    import django

    from disclosure import embedded_db

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure.settings")
    embedded_db.start()  # the settings want a database, though nothing here reads it
    django.setup()  # for the translated messages of an unreadable file
    mode, path, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(dataclasses.asdict(measure(mode, path, count))))
