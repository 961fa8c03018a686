"""The one table every benchmark section adds rows to, and docs/benchmarks.md that keeps it."""

import datetime
import os
import platform
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

COLUMNS = (
    ("section", "section"),
    ("what", "what"),
    ("size", "rows"),
    ("seconds", "seconds"),
    ("rate", "rows/s"),
    ("reference_rate", "raw COPY rows/s"),
    ("ratio", "ratio"),
    ("peak_mb", "peak RSS MB"),
)


@dataclass
class Row:
    """One measurement. `reference_rate` is the rate of the simplest way to do the same work
    (a raw COPY of the same rows), measured in the same run; `ratio` is how many times slower
    the real thing is. Figures a section does not measure stay None."""

    section: str
    what: str
    size: int | None = None
    seconds: float | None = None
    rate: float | None = None
    reference_rate: float | None = None
    ratio: float | None = None
    peak_mb: float | None = None


@dataclass(frozen=True)
class Spread:
    """A figure measured in several rounds: shown as its median, with the lowest and the
    highest round beside it, so that a busy machine shows as a wide spread."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)


PAGE_COLUMNS = (
    ("page", "page"),
    ("queries", "queries"),
    ("gzip_bytes", "gzip bytes"),
    ("trivial_rps", "/healthz req/s"),
    ("cached_rps", "cached req/s"),
    ("ratio", "cached ÷ /healthz"),
    ("cached_p95_ms", "cached p95 ms"),
    ("uncached_rps", "uncached req/s"),
    ("uncached_p50_ms", "uncached p50 ms"),
    ("uncached_p95_ms", "uncached p95 ms"),
    ("uncached_p99_ms", "uncached p99 ms"),
    ("errors", "errors"),
)


@dataclass
class PageRow:
    """One page under load: `ratio` is its cached throughput over that of the trivial health
    view served by the same server just before it, in the same run. A signed-in page is never
    cached, so its cached figures stay None."""

    page: str
    path: str
    queries: int
    gzip_bytes: int
    trivial_rps: Spread | None
    cached_rps: Spread | None
    ratio: Spread | None
    cached_p95_ms: Spread | None
    uncached_rps: Spread
    uncached_p50_ms: Spread
    uncached_p95_ms: Spread
    uncached_p99_ms: Spread
    errors: int


GROWTH_COLUMNS = (("what", "grows"), ("pages", "pages"), ("p50_ratio", "uncached p50 ratio"))


@dataclass
class GrowthRow:
    """Two pages alike but for the size of what they show, measured moments apart: whether a
    page's cost grows with the data (1.00 is flat)."""

    what: str
    pages: str
    p50_ratio: Spread


LONG_TAIL_COLUMNS = (
    ("cache", "long tail: page cache"),
    ("trivial_rps", "/healthz req/s"),
    ("rps", "req/s"),
    ("ratio", "÷ /healthz"),
    ("p50_ms", "p50 ms"),
    ("p95_ms", "p95 ms"),
    ("p99_ms", "p99 ms"),
    ("hit_rate", "cache hit rate"),
    ("publications", "publications during the run"),
    ("errors", "errors"),
)


@dataclass
class LongTailRow:
    """URLs of the whole prefecture drawn with a Zipf distribution, while villages publish."""

    cache: str
    trivial_rps: Spread
    rps: Spread
    ratio: Spread
    p50_ms: Spread
    p95_ms: Spread
    p99_ms: Spread
    hit_rate: Spread
    publications: int
    errors: int


FIGURE_COLUMNS = (("section", "section"), ("what", "what"), ("value", "value"), ("unit", "unit"))


@dataclass
class Figure:
    """One measured figure that is not a rate of work, such as the size of a proof."""

    section: str
    what: str
    value: float | int
    unit: str


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, Spread):
        low, high = min(value.values), max(value.values)
        return f"{_cell(value.median)} ({_cell(low)}–{_cell(high)})"
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 10 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _table(rows: list, columns) -> str:
    lines = [
        "| " + " | ".join(label for _name, label in columns) + " |",
        "|" + "|".join(" --- " for _ in columns) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(_cell(getattr(row, name)) for name, _ in columns) + " |")
    return "\n".join(lines)


def markdown(rows: list) -> str:
    """Pages under load in one table, rates of work beside their floor in another, other
    figures in a third."""
    tables = []
    for kind, columns in (
        (PageRow, PAGE_COLUMNS),
        (GrowthRow, GROWTH_COLUMNS),
        (LongTailRow, LONG_TAIL_COLUMNS),
        (Row, COLUMNS),
        (Figure, FIGURE_COLUMNS),
    ):
        found = [row for row in rows if isinstance(row, kind)]
        if found:
            tables.append(_table(found, columns))
    return "\n\n".join(tables)


def machine(database_version: str) -> list[str]:
    """What the figures were measured on: they mean little without it."""
    load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg())
    return [
        f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores; load average at the start: {load}",
        f"- RAM: {_memory_gb():.1f} GB",
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
        f"- PostgreSQL {database_version}",
        f"- commit: {_commit()}",
    ]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def _commit() -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 (git from PATH)
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return result.stdout.strip()
