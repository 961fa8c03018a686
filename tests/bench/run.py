"""Run the benchmarks (`make bench`): print one table and keep it in docs/benchmarks.md.

    python -m tests.bench.run [SECTION ...]        every section when none is named
    BENCH_SCALE=0.01 python -m tests.bench.run     a hundredth of the sizes, to try it out

A section is a module of this package with `run(scale) -> list[Row]` (see table.py), named in
SECTIONS. Sections measure ratios within one run (the real thing beside the simplest way to do
the same work), since absolute figures depend on the machine and on what else it is doing.
"""

import argparse
import importlib
import os
import sys
from pathlib import Path

from .table import machine, markdown

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = {
    "pages": "tests.bench.pages",
    "longtail": "tests.bench.longtail",
    "imports": "tests.bench.imports",
    "workbook": "tests.bench.workbooks",
    "transparency": "tests.bench.transparency",
    "verify": "tests.bench.verify_browser",
}
DOCUMENT = ROOT / "docs" / "benchmarks.md"
INTRODUCTION = """# Benchmarks

Measured by `make bench` (`python -m tests.bench.run`), which rewrites this file. Ratios compare
figures taken in the same run on the same machine; absolute figures depend on the machine and
on what else it was doing.

- **pages**: the key public pages and the township dashboard of the generated prefecture
  (`manage.py generate_scale_data`: 5,000 villages, about 10 million ledger entries; when there
  is none, the run generates one scaled by BENCH_SCALE, with one village of 2,000 more notices).
  The busiest and a typical village (most and median postings), the largest and smallest
  township, and four searches whose words are chosen by how many postings they find in this
  data (about ten, hundreds, thousands, and none). Queries and gzip size come from a first,
  uncached rendering in process. Throughput and latency come from wrk (one thread, from a
  second process) against gunicorn with two workers, first with the page cache on, then off
  (`PAGE_CACHE=false`). Every figure is taken in three rounds (BENCH_ROUNDS), alternating: in
  each round every page is measured just after the trivial health view `/healthz` in the same
  server, and each cell shows the median of the rounds with the lowest and highest in
  brackets, so that a machine busy with other work shows as a wide spread rather than a false
  figure. `cached ÷ /healthz` is the ratio of their throughputs, round by round. Throughput is
  taken with four connections, so that no worker ever waits; the uncached latencies with two,
  one per worker, so that they are the page's own time rather than time spent queueing. With
  the page cache off, the rendered content of a published finance period is still kept per
  revision and language, since it can never change. The township dashboard is a signed-in
  page, never served from the page cache: its row has only uncached figures.
  Targets: cached pages at least 0.85 of the health view's throughput, uncached p95 under 50 ms,
  the dashboard's p95 under 100 ms, every public page under 30 KB compressed.
- **growth**: pairs of pages alike but for the size of what they show, measured moments apart in
  each round: the busiest village's page over a typical one's (2,000 and more postings against
  about a hundred), the largest township's over the smallest's, the search with thousands of
  hits and the one with none over the one with few. The uncached p50 ratio; 1.00 is flat.
  Target: within 1.2.
- **long tail**: URLs drawn from the whole prefecture (village pages, postings, finance periods,
  matters, contract lists, searches) with a Zipf distribution over a shuffled ranking, 50,000
  draws read in turn by wrk with four connections (20 s a round, BENCH_LONG_TAIL_SECONDS), while
  a notice is published every second through the services in a village drawn the same way.
  Measured with the per-process page cache and with a shared Redis (`SHARED_CACHE_URL`, a
  redis-server the run starts), in alternating rounds beside the health view; the hit rate
  comes from each response's `X-Page-Cache` header.
- **ledger import**: a generated ledger (10 columns, Chinese text, one voucher per row, dates over
  a quarter) uploaded, checked (parse, ledger rules, COPY into staging) and committed (INSERT …
  SELECT into the period's revision), in a child process whose peak resident memory is shown.
  The reference is a raw COPY of the same rows, already typed, into the same ledger table in the
  same run; the ratio is import time over raw COPY time. Targets: the CSV at least a quarter
  of raw COPY speed (ratio at most 4), the 100,000-row XLSX in under 10 seconds, peak memory
  under 500 MB for the 1,000,000-row CSV.
- **large workbook**: a generated 1,000,000-row ledger sheet (XLSX, the columns above) read row
  by row as a check reads it, each way in a child process whose peak resident memory is shown:
  streamed from the sheet's XML (an iterparse that drops each row once given; the portal reads a
  workbook this way when it unpacks to more than 64 MB) and read whole by calamine into lists (the
  portal's way for smaller workbooks). Target: the streamed reading's peak memory does not grow
  with the sheet (a few tens of MB, against gigabytes read whole).
- **transparency log**: 100,000 leaves of a county's 300 villages appended at once
  (`append_many`: COPY of leaves and tree nodes, one signed checkpoint), beside a raw COPY of the
  same leaves into a bare table; 1,000 more appended one by one as publications append them (each
  locking the log, storing its nodes and signing a checkpoint); then, at that size, the hashes and
  bytes of an inclusion proof and of a consistency proof from half the size, the time to read an
  inclusion proof, and `verify_log` recomputing the whole log. Targets: 100,000 leaves in under
  a minute, an inclusion proof well under 1 KB.
- **核验 on a phone**: the 核验 page of a notice and of the finance period with most entries, in
  Chromium with a slow phone's network (400 kbps, 400 ms round trip) and a CPU slowed four times:
  the page's load, then the check in the browser (proof.json downloaded, the digest, the content
  digest, the inclusion proof and the Ed25519 signature computed with WebCrypto).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="*", choices=[[], *SECTIONS], default=[])
    names = parser.parse_args().sections or list(SECTIONS)
    scale = float(os.environ.get("BENCH_SCALE", "1"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure.settings")
    sys.path.insert(0, str(ROOT))
    from disclosure import embedded_db

    # Started once here: the import runs and the servers it starts inherit its DATABASE_URL.
    embedded_db.start()
    description = machine(_database_version())
    _collect_static()
    rows = []
    for name in names:
        print(f"running {name} …", flush=True)
        rows += importlib.import_module(SECTIONS[name]).run(scale)
    table = markdown(rows)
    print(table)
    note = f"\n\nSizes scaled by {scale} (BENCH_SCALE).\n" if scale != 1 else "\n"
    DOCUMENT.parent.mkdir(exist_ok=True)
    DOCUMENT.write_text(
        f"{INTRODUCTION}\n## Last run\n\n" + "\n".join(description) + "\n\n" + table + note
    )
    print(f"written to {DOCUMENT.relative_to(ROOT)}")


def _collect_static() -> None:
    """The servers the sections start serve hashed static files: without their manifest every
    page would fail, as on a fresh clone."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def _database_version() -> str:
    import django

    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    connection.close()
    return version


if __name__ == "__main__":
    main()
