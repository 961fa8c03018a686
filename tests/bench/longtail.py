"""The long tail: what villagers read across the whole prefecture, while villages publish.

URLs are drawn from every public place of the generated prefecture (village pages, postings,
finance periods, matters, contract lists, searches) with a Zipf distribution over a shuffled
ranking: a few pages are read often, most rarely, as on a real site. While wrk reads them,
notices are published through the services at a steady rate in villages drawn the same way,
each dropping its village's cached pages. The run is measured with the per-process page cache
and with the shared Redis cache (a redis-server started here), alternating ROUNDS times; the
hit rate comes from the X-Page-Cache header of each response. The trivial health view is
measured in the same servers, as in the pages section. Figures are printed, never asserted.
"""

import contextlib
import json
import os
import random
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from .choosing import candidate_words
from .pages import (
    ROUNDS,
    TRIVIAL,
    WRK_REPORT,
    free_port,
    serve,
    setup_django,
    wrk,
)
from .table import LongTailRow, Spread

SEED = 19
# Longer than a page's run: the long tail's cache fills and drops as it goes.
DURATION = os.environ.get("BENCH_LONG_TAIL_SECONDS", "20")
DRAWS = 50_000
# The exponent of the Zipf distribution: 1 is the classic long tail of web pages.
ZIPF_EXPONENT = 1.0
# Seconds between two publications during the run, across the prefecture.
PUBLISH_EVERY = 1.0
CONNECTIONS = 4
WRK_LONG_TAIL = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  hits, misses, paths, next_path = 0, 0, {}, 0
  for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
end
function request()
  next_path = next_path %% #paths + 1
  return wrk.format("GET", paths[next_path])
end
function response(status, headers, body)
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 else misses = misses + 1 end
end
done = function(summary, latency, requests)
  local hits, misses = 0, 0
  for _, thread in ipairs(threads) do
    hits = hits + thread:get("hits")
    misses = misses + thread:get("misses")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%f, "p50": %%f, "p95": %%f, "p99": %%f, '
    .. '"errors": %%d, "hits": %%d, "misses": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, errors, hits, misses))
end
"""


def population() -> list[str]:
    """Every public place of the prefecture a villager may read, in a shuffled ranking."""
    from urllib.parse import quote

    from disclosure.contracts.models import Contract
    from disclosure.decisions.models import Matter
    from disclosure.publishing.models import Posting
    from disclosure.regions.models import Region
    from prefecture.services import PREFIX

    villages = list(
        Region.objects.villages().filter(code__startswith=PREFIX).values_list("code", flat=True)
    )
    postings = Posting.objects.public().filter(village__code__startswith=PREFIX)
    matters = Matter.objects.filter(village__code__startswith=PREFIX, result__isnull=False)
    with_contracts = Contract.objects.filter(village__code__startswith=PREFIX)
    paths = [f"/v/{code}/" for code in villages]
    paths += [f"/p/{code}/" for code in postings.values_list("code", flat=True)]
    paths += [f"/v/{v}/decisions/{pk}/" for v, pk in matters.values_list("village__code", "pk")]
    paths += [
        f"/v/{code}/contracts/"
        for code in with_contracts.values_list("village__code", flat=True).distinct()
    ]
    paths += [f"/search/?q={quote(word)}" for word in candidate_words()]
    random.Random(SEED).shuffle(paths)
    return paths


def zipf_draws(items: list, count: int, rng: random.Random) -> list:
    weights = [1 / rank**ZIPF_EXPONENT for rank in range(1, len(items) + 1)]
    return rng.choices(items, weights=weights, k=count)


class Publisher(threading.Thread):
    """Publishes a notice every PUBLISH_EVERY seconds, in villages drawn by Zipf, through the
    same services as a clerk and a supervisor would."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.published = 0
        self.villages = _villages_with_staff()

    def run(self) -> None:
        from django.db import connection

        rng = random.Random(SEED)
        try:
            while not self.stop.wait(PUBLISH_EVERY):
                village, clerk, supervisor = zipf_draws(self.villages, 1, rng)[0]
                _publish_notice(village, clerk, supervisor, self.published)
                self.published += 1
        finally:
            connection.close()


def _villages_with_staff() -> list[tuple]:
    from disclosure.regions.models import Region, Role, RoleKind
    from prefecture.services import PREFIX

    roles = Role.objects.filter(region__code__startswith=PREFIX, region__level="village")
    staff = {}
    for role in roles.select_related("user").filter(kind__in=[RoleKind.CLERK, RoleKind.SUPERVISOR]):
        staff.setdefault(role.region_id, {})[role.kind] = role.user
    regions = Region.objects.in_bulk(list(staff))
    villages = [
        (regions[pk], people[RoleKind.CLERK], people[RoleKind.SUPERVISOR])
        for pk, people in sorted(staff.items())
    ]
    random.Random(SEED).shuffle(villages)
    return villages


def _publish_notice(village, clerk, supervisor, number: int) -> None:
    from disclosure.publishing import chain, services

    content = services.Content(title=f"关于村务公开第{number + 1}号的通知", body="特此通知。")
    revision = services.create_posting(village=village, kind="notice", content=content, by=clerk)
    services.submit(revision=revision, by=clerk)
    revision.refresh_from_db()
    services.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion="内容属实，同意公开。",
    )
    services.publish(revision=revision, by=clerk)


def long_tail_wrk(url: str, script: Path) -> dict:
    wrk_program = shutil.which("wrk") or "wrk"
    command = [wrk_program, "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--timeout", "10s",
               "-s", str(script), "-H", "Accept-Encoding: gzip", url]  # fmt: skip
    output = subprocess.run(  # noqa: S603 - wrk on our own loopback server
        command, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.split("RESULT ", 1)[1])


def run(scale: float = 1.0) -> list[LongTailRow]:
    """One row per cache: the per-process one, then the shared Redis when it is installed."""
    setup_django()
    from tests.servers import redis_server

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        paths = folder / "paths.txt"
        paths.write_text("\n".join(zipf_draws(population(), DRAWS, random.Random(SEED))))
        script = folder / "long_tail.lua"
        script.write_text(WRK_LONG_TAIL % {"paths": paths})
        trivial = folder / "report.lua"
        trivial.write_text(WRK_REPORT)
        caches = {"per process": {}}
        with contextlib.ExitStack() as started:
            if shutil.which("redis-server"):
                url = started.enter_context(redis_server(folder))
                caches["shared Redis"] = {"SHARED_CACHE_URL": url}
            else:
                print("redis-server is missing (apt-get install redis-server): per process only")
            return _measure(caches, script, trivial)


def _measure(caches: dict, script: Path, trivial: Path) -> list[LongTailRow]:
    servers = {}
    rounds = {name: [] for name in caches}
    publisher = Publisher()
    try:
        for name, env in caches.items():
            port = free_port()
            servers[name] = (port, serve(port, page_cache=True, env=env))
        publisher.start()
        for _round in range(ROUNDS):
            for name, (port, _server) in servers.items():
                base = f"http://127.0.0.1:{port}"
                floor = wrk(base + TRIVIAL, trivial, None)
                rounds[name].append((floor, long_tail_wrk(base + "/", script)))
    finally:
        publisher.stop.set()
        publisher.join()
        for _port, server in servers.values():
            server.terminate()
            server.wait()
    return [_row(name, measured, publisher.published) for name, measured in rounds.items()]


def _row(name: str, measured: list, published: int) -> LongTailRow:
    def spread(figure) -> Spread:
        return Spread(tuple(figure(floor, result) for floor, result in measured))

    def rps(result) -> float:
        return result["requests"] / result["seconds"]

    return LongTailRow(
        cache=name,
        trivial_rps=spread(lambda floor, _r: floor.rps),
        rps=spread(lambda _f, result: rps(result)),
        ratio=spread(lambda floor, result: rps(result) / floor.rps),
        p50_ms=spread(lambda _f, result: result["p50"]),
        p95_ms=spread(lambda _f, result: result["p95"]),
        p99_ms=spread(lambda _f, result: result["p99"]),
        hit_rate=spread(lambda _f, r: r["hits"] / max(1, r["hits"] + r["misses"])),
        publications=published,
        errors=sum(result["errors"] for _floor, result in measured),
    )
