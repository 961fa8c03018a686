"""The key public pages and the township dashboard under load, beside the trivial health view.

Runs against the generated prefecture (`manage.py generate_scale_data`) in the configured
database. For each page it measures, in this one run: the queries a first rendering reads and its
gzip size (in process, through Django's test client), then throughput and latency (p50, p95, p99)
under wrk from a second local process, against gunicorn with the page cache on and again with it
off (PAGE_CACHE=false), each beside the health view served by the same server just before.
Every figure is taken in ROUNDS alternating rounds (each page after the health view, page after
page, then again) and shown as its median with the lowest and highest round beside it.
Throughput is measured with more connections than workers, so that no worker waits; the latency
of uncached pages with one connection per worker, so that it is the page's own time and not a
queue's. Figures are printed, never asserted.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .choosing import Growth, Page, ensure_prefecture, pick_pages
from .table import Figure, GrowthRow, PageRow, Spread

ROOT = Path(__file__).resolve().parents[2]
DURATION = os.environ.get("BENCH_SECONDS", "3")
# Each figure is taken this many times, alternating with its baseline, so that a passing load on
# a shared machine shows as spread rather than as a false figure.
ROUNDS = max(3, int(os.environ.get("BENCH_ROUNDS", "3")))
WORKERS = 2
CONNECTIONS = 2 * WORKERS
TRIVIAL = "/healthz"
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, "errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, errors))
end
"""


@dataclass(frozen=True)
class Load:
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure.settings")
    import django

    from disclosure import embedded_db

    embedded_db.start()
    django.setup()


def official_session(pages: list[Page]) -> str:
    """A signed-in session of an official of the township the dashboard shows."""
    from django.test import Client

    from disclosure.regions.models import Role, RoleKind

    code = next(page.path for page in pages if page.staff).rstrip("/").rsplit("/", 1)[1]
    role = Role.objects.filter(kind=RoleKind.TOWNSHIP_OFFICIAL, region__code=code).first()
    client = Client()
    client.force_login(role.user)
    return client.cookies["sessionid"].value


def in_process(page: Page, session: str) -> tuple[int, int]:
    """Queries of a first, uncached rendering and the gzip size of the response."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if page.staff:
        client.cookies["sessionid"] = session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.path, HTTP_ACCEPT_ENCODING="gzip")
    if response.status_code != 200:
        raise SystemExit(f"{page.path} answered {response.status_code}")
    return len(queries), len(response.content)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(port: int, page_cache: bool, env: dict | None = None) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    env = {**os.environ, **(env or {}), "PAGE_CACHE": "true" if page_cache else "false"}
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(gunicorn),
            "disclosure.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{TRIVIAL}", timeout=2)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def wrk(url: str, script: Path, session: str | None, connections: int = CONNECTIONS) -> Load:
    command = [
        shutil.which("wrk") or "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{DURATION}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        "-H",
        "Accept-Encoding: gzip",
    ]
    if session:
        command += ["-H", f"Cookie: sessionid={session}"]
    output = subprocess.run(  # noqa: S603 - wrk on our own loopback server
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(output.split("RESULT ", 1)[1])
    return Load(
        rps=result["requests"] / result["seconds"],
        p50=result["p50"],
        p95=result["p95"],
        p99=result["p99"],
        errors=result["errors"],
    )


@dataclass
class Rounds:
    """One page's loads, round by round: the health view's, the page's, and (uncached) the
    page's alone, each measured just after the one before it."""

    trivial: list[Load]
    loaded: list[Load]
    alone: list[Load]


def under_load(pages: list[Page], session: str, page_cache: bool) -> dict[str, Rounds]:
    """Each page's rounds, alternating with the health view in the same server."""
    port = free_port()
    server = serve(port, page_cache)
    base = f"http://127.0.0.1:{port}"
    results = {page.name: Rounds([], [], []) for page in pages}
    try:
        with tempfile.TemporaryDirectory() as folder:
            script = Path(folder) / "report.lua"
            script.write_text(WRK_REPORT)
            for page in pages:
                cookie = session if page.staff else None
                wrk(base + page.path, script, cookie)  # warm up: fill the cache, open connections
            for _round in range(ROUNDS):
                for page in pages:
                    cookie = session if page.staff else None
                    measured = results[page.name]
                    measured.trivial.append(wrk(base + TRIVIAL, script, None))
                    measured.loaded.append(wrk(base + page.path, script, cookie))
                    if not page_cache:
                        measured.alone.append(wrk(base + page.path, script, cookie, WORKERS))
    finally:
        server.terminate()
        server.wait()
    return results


def run(scale: float = 1.0) -> list:
    """One row per page, then the growth ratios. An existing prefecture is what it is: `scale`
    sizes only one generated here."""
    setup_django()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    ensure_prefecture(scale)
    pages, growth = pick_pages()
    session = official_session(pages)
    measured = {page.name: in_process(page, session) for page in pages}
    # A signed-in page is never served from the page cache: the dashboard is measured uncached only.
    cached = under_load([page for page in pages if not page.staff], session, page_cache=True)
    uncached = under_load(pages, session, page_cache=False)
    rows = [
        _page_row(page, measured[page.name], cached.get(page.name), uncached[page.name])
        for page in pages
    ]
    return rows + [_growth_row(pair, uncached) for pair in growth] + _sizes()


def _sizes() -> list[Figure]:
    """How big the prefecture measured is: the figures mean little without it."""
    from disclosure.publishing.models import Posting
    from disclosure.regions.models import Region
    from prefecture.services import PREFIX

    villages = Region.objects.villages().filter(code__startswith=PREFIX).count()
    postings = Posting.objects.public().filter(village__code__startswith=PREFIX).count()
    return [
        Figure("pages", "villages of the generated prefecture", villages, "villages"),
        Figure("pages", "public postings of the generated prefecture", postings, "postings"),
    ]


def _figure(loads: list[Load], name: str) -> Spread:
    return Spread(tuple(getattr(load, name) for load in loads))


def _page_row(page: Page, first: tuple[int, int], hot: Rounds | None, cold: Rounds) -> PageRow:
    queries, size = first
    ratios = hot and Spread(
        tuple(h.rps / t.rps for h, t in zip(hot.loaded, hot.trivial, strict=True))
    )
    errors = sum(load.errors for load in cold.loaded + cold.alone + (hot.loaded if hot else []))
    return PageRow(
        page=page.name,
        path=page.path,
        queries=queries,
        gzip_bytes=size,
        trivial_rps=hot and _figure(hot.trivial, "rps"),
        cached_rps=hot and _figure(hot.loaded, "rps"),
        ratio=ratios,
        cached_p95_ms=hot and _figure(hot.loaded, "p95"),
        uncached_rps=_figure(cold.loaded, "rps"),
        uncached_p50_ms=_figure(cold.alone, "p50"),
        uncached_p95_ms=_figure(cold.alone, "p95"),
        uncached_p99_ms=_figure(cold.alone, "p99"),
        errors=errors,
    )


def _growth_row(pair: Growth, uncached: dict[str, Rounds]) -> GrowthRow:
    """Round by round, the larger page's uncached p50 over the smaller's, measured moments apart."""
    larger, smaller = uncached[pair.larger].alone, uncached[pair.smaller].alone
    return GrowthRow(
        what=pair.what,
        pages=f"{pair.larger} ÷ {pair.smaller}",
        p50_ratio=Spread(
            tuple(big.p50 / small.p50 for big, small in zip(larger, smaller, strict=True))
        ),
    )
