"""Generate a prefecture of villages with years of published disclosures, for benchmarks.

The prefecture lives under the division code 9803 in province 98, a range no real place (the
national codes stop at 82), the demo (990102…) or the tests (990101…) use, so it can be removed
again without touching anything else. Rows are written by COPY in one transaction. They are born
published, as a restore from a dump would be, so the session runs with
`session_replication_role = replica` (as pg_restore --disable-triggers does): the freeze and
foreign-key triggers guard changes made afterwards, and the rows are made consistent here, which
`manage.py verify_chain` and tests/scale check. It needs a PostgreSQL superuser, like the
embedded server's.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from disclosure.publishing import changes, records
from disclosure.publishing import services as publishing
from disclosure.publishing.models import Posting
from disclosure.regions.models import Level, Region, RoleKind, User

from . import (
    assets,
    contracts,
    decisions,
    finance,
    notices,
    participation,
    publications,
    regions,
)
from .copying import Sink, analyze
from .publications import Codes, Village

PROVINCE_CODE = "980000000000"
PREFIX = "9803"
USERNAME_PREFIX = "scale_"


class Refused(Exception):
    """The generator would write where it must not."""


@dataclass(frozen=True)
class Options:
    seed: int = 1
    villages: int = 5000
    townships: int = 200
    years: int = 5
    last_year: int = 2025
    entries: int = 10_000_000
    # Notices added to the first village, to see whether its pages grow with its postings.
    large_village: int = 0


@dataclass(frozen=True)
class Report:
    rows: dict[str, int]
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def generate(options: Options, *, replace: bool = False, progress: Callable | None = None):
    """Write the prefecture; refuse in production or over existing data unless `replace`."""
    if settings.PRODUCTION:
        raise Refused(_("Generated data is never written into a production database."))
    regions.check(options)
    started = time.monotonic()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
        if Region.objects.filter(code__startswith=PREFIX).exists():
            if not replace:
                raise Refused(
                    _(
                        "Region codes %(prefix)s… already hold data; pass --replace to remove "
                        "it first."
                    )
                    % {"prefix": PREFIX}
                )
            delete_generated()
        rows = _write(options, progress)
        # As a restored database is brought up to date (manage.py append_to_log): the
        # generated revisions enter their county's transparency log in publication order,
        # then the public records (payments, listed questions, …) with their digests.
        rows["transparency_logentry"] = publishing.append_missing_to_log()
        rows["transparency_logentry"] += records.log_unlogged()
        # Written by COPY, under no service: every village's cached pages are counted as changed.
        changes.count_region(None)
    analyze(rows)
    return Report(rows=rows, seconds=time.monotonic() - started)


def _write(options: Options, progress) -> dict[str, int]:
    # Created before the sequences are read, so that its id is not handed out again.
    province = _province()
    sink = Sink()
    for module in (regions, publications, finance, contracts, decisions, assets, participation):
        for model, columns in module.TABLES:
            sink.table(model, columns)
    try:
        _villages(sink, options, province, progress)
    except BaseException:
        sink.abandon()
        raise
    return sink.finish()


def _villages(sink: Sink, options: Options, province: Region, progress) -> None:
    villages = regions.write(sink, options, province, prefix=PREFIX)
    years = range(options.last_year - options.years + 1, options.last_year + 1)
    until = regions.last_day(options.last_year)
    mean = options.entries / (len(villages) * len(years) * 12)
    codes = Codes(options.seed)
    posting_type = ContentType.objects.get_for_model(Posting).pk
    for done, place in enumerate(villages, start=1):
        village = _village(sink, options.seed, place)
        finance.load(sink, codes, village, years, mean)
        contracts.load(sink, codes, village, years, until)
        decisions.load(sink, codes, village, years, until)
        assets.load(sink, codes, village, years, until)
        notices.load(sink, codes, village, years)
        if done == 1 and options.large_village:
            notices.load_many(sink, codes, village, years, options.large_village)
        participation.load(sink, village, posting_type, until)
        publications.write_chain(sink, village)
        sink.flush()
        if progress:
            progress(done, len(villages), sink)


def _province() -> Region:
    province, _created = Region.objects.get_or_create(
        code=PROVINCE_CODE, defaults={"name": "平原省", "level": Level.PROVINCE}
    )
    return province


def _village(sink: Sink, seed: int, place: "regions.Place") -> Village:
    rng = random.Random(f"{seed}:{place.code}")  # noqa: S311 (data, not secrets)
    staff = {}
    for kind in (RoleKind.CLERK, RoleKind.SUPERVISOR):
        staff[kind] = regions.staff_member(sink, place, kind, regions.person_name(rng))
    return Village(
        id=place.id,
        code=place.code,
        name=place.name,
        town=place.town,
        clerk=staff[RoleKind.CLERK],
        supervisor=staff[RoleKind.SUPERVISOR],
        rng=rng,
        weight=place.weight,
    )


def delete_generated() -> None:
    """Remove every row of the generated prefecture and its staff accounts.

    Every table with a foreign key to a region (the tenant key) loses its rows of regions under
    the prefix; published rows and the audit log cannot be deleted otherwise, which is why the
    caller runs this under `session_replication_role = replica`.
    """
    from django.apps import apps

    regions_in_range = "SELECT id FROM regions_region WHERE code LIKE %s"
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        for model in apps.get_models():
            if model is Region or model._meta.db_table not in existing:
                continue
            for field in model._meta.concrete_fields:
                if field.is_relation and field.related_model is Region:
                    cursor.execute(
                        f"DELETE FROM {model._meta.db_table} "  # noqa: S608 (names from models)
                        f"WHERE {field.column} IN ({regions_in_range})",
                        [PREFIX + "%"],
                    )
        cursor.execute(
            f"DELETE FROM {User._meta.db_table} WHERE username LIKE %s",  # noqa: S608
            [USERNAME_PREFIX.replace("_", "\\_") + "%"],
        )
        cursor.execute("DELETE FROM regions_region WHERE code LIKE %s", [PREFIX + "%"])
