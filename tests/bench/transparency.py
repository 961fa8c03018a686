"""The county transparency log: appending 100,000 leaves at once (COPY, one checkpoint) beside a
raw COPY of the same leaves, appending one by one as publications do, and at that size the sizes
of proofs, the time to serve one, and the time verify_chain takes to recompute the whole log.

Everything runs in a transaction that is rolled back, so the database is left as it was.
"""

import gzip
import hashlib
import json
import random
import time

from .table import Figure, Row

SECTION = "transparency log"
SIZE = 100_000
ONE_BY_ONE = 1_000
VILLAGES = 300  # a county


def run(scale: float = 1.0) -> list:
    from django.db import transaction

    count = max(int(SIZE * scale), 16)
    with transaction.atomic():
        villages = _county()
        data = [_leaf(villages[i % VILLAGES], i) for i in range(count)]
        rows = [_bulk(data), *_one_by_one(villages, max(int(ONE_BY_ONE * scale), 16), count)]
        rows += _proofs(villages[0], count)
        rows.append(_verify(villages[0]))
        transaction.set_rollback(True)
    return rows


def _county():
    from disclosure.regions.models import Level, Region

    county = Region.objects.create(code="999800000000", name="基准县", level=Level.COUNTY)
    town = Region.objects.create(
        code="999800001000", name="基准镇", level=Level.TOWNSHIP, parent=county
    )
    return [
        Region.objects.create(code=f"999800001{n:03d}", name=f"基准{n}村", parent=town)
        for n in range(1, VILLAGES + 1)
    ]


def _leaf(village, number: int):
    from disclosure.transparency import leaves

    digest = hashlib.sha256(f"bench revision {number}".encode()).hexdigest()
    return village, leaves.revision_leaf(village_code=village.code, seq=number + 1, digest=digest)


def _bulk(data) -> Row:
    from django.db import connection

    from disclosure.transparency import services

    started = time.perf_counter()
    services.append_many(village_data=data)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE bench_leaves (village_id bigint, data bytea)")
        with cursor.cursor.copy("COPY bench_leaves FROM STDIN") as copy:
            for village, leaf in data:
                copy.write_row((village.pk, leaf))
        cursor.execute("DROP TABLE bench_leaves")
    raw = time.perf_counter() - started
    return Row(
        section=SECTION,
        what="append_many: leaves, nodes and a signed checkpoint",
        size=len(data),
        seconds=seconds,
        rate=len(data) / seconds,
        reference_rate=len(data) / raw,
        ratio=seconds / raw,
    )


def _one_by_one(villages, count: int, start: int) -> list:
    from disclosure.transparency import services

    started = time.perf_counter()
    for number in range(start, start + count):
        village, leaf = _leaf(villages[number % VILLAGES], number)
        services.append(village=village, data=leaf)
    seconds = time.perf_counter() - started
    what = "append, one leaf per publication, each with a signed checkpoint"
    return [
        Row(section=SECTION, what=what, size=count, seconds=seconds, rate=count / seconds),
        Figure(SECTION, "append: time per leaf, to a log of 100,000", seconds / count * 1000, "ms"),
    ]


def _proofs(village, size_hint: int) -> list:
    from disclosure.transparency import proofs, services

    log = services.log_of(services.county_of(village))
    size = log.size
    inclusion = proofs.inclusion_document(log, {"index": str(size // 3), "size": str(size)})
    consistency = proofs.consistency_document(log, {"old": str(size_hint // 2), "new": str(size)})
    figures = []
    for name, document in (("inclusion", inclusion), ("consistency", consistency)):
        body = json.dumps(document, separators=(",", ":")).encode()
        figures += [
            Figure(
                SECTION, f"{name} proof at {size:,} leaves: hashes", len(document["hashes"]), ""
            ),
            Figure(SECTION, f"{name} proof: JSON as served", len(body), "bytes"),
            Figure(SECTION, f"{name} proof: JSON gzipped", len(gzip.compress(body)), "bytes"),
        ]
    chooser = random.Random(6962)  # noqa: S311 (positions to measure, not secrets)
    started = time.perf_counter()
    for _ in range(200):
        services.inclusion(log=log, index=chooser.randrange(size), size=size)
    figures.append(
        Figure(
            SECTION, "inclusion proof: time to read one", (time.perf_counter() - started) * 5, "ms"
        )
    )
    return figures


def _verify(village) -> Row:
    from disclosure.transparency import services
    from disclosure.transparency.verification import verify_log

    log = services.log_of(services.county_of(village))
    started = time.perf_counter()
    problem = verify_log(log)
    seconds = time.perf_counter() - started
    assert problem is None, problem
    what = "verify_log: every leaf, node, checkpoint recomputed"
    return Row(section=SECTION, what=what, size=log.size, seconds=seconds, rate=log.size / seconds)
