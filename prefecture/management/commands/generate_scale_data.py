import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from prefecture.services import Options, Refused, generate

DEFAULTS = Options()


class Command(BaseCommand):
    help = (
        "Generate a prefecture (region codes 9803…) of villages with years of published "
        "disclosures, by COPY, for benchmarks. Never in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEFAULTS.seed)
        parser.add_argument("--villages", type=int, default=DEFAULTS.villages)
        parser.add_argument("--townships", type=int, default=DEFAULTS.townships)
        parser.add_argument("--years", type=int, default=DEFAULTS.years)
        parser.add_argument(
            "--last-year",
            type=int,
            default=datetime.date.today().year - 1,
            help="the last year of books (default: last year)",
        )
        parser.add_argument(
            "--entries",
            type=int,
            default=DEFAULTS.entries,
            help="about how many ledger entries in all (shrink for a quick run)",
        )
        parser.add_argument(
            "--large-village",
            type=int,
            default=DEFAULTS.large_village,
            help="this many more notices in the first village, for the growth check",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="first remove what an earlier run generated",
        )

    def handle(self, *args, **options):
        settings = Options(
            seed=options["seed"],
            villages=options["villages"],
            townships=options["townships"],
            years=options["years"],
            last_year=options["last_year"],
            entries=options["entries"],
            large_village=options["large_village"],
        )
        try:
            report = generate(settings, replace=options["replace"], progress=self._progress)
        except (Refused, ValueError) as error:
            raise CommandError(str(error)) from None
        for table, count in sorted(report.rows.items()):
            self.stdout.write(f"{table:32} {count:>12,}")
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            size = cursor.fetchone()[0]
        message = _(
            "%(rows)s rows in %(seconds)d s (%(speed)s rows/s); database size %(size)s."
        ) % {
            "rows": f"{report.total:,}",
            "seconds": report.seconds,
            "speed": f"{report.total / report.seconds:,.0f}",
            "size": size,
        }
        self.stdout.write(self.style.SUCCESS(message))

    def _progress(self, done: int, total: int, sink) -> None:
        if done % 100 == 0 or done == total:
            self.stderr.write(_("%(done)d of %(total)d villages") % {"done": done, "total": total})
