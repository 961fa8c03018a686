from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.publishing import chain
from disclosure.regions.models import Region
from disclosure.transparency.models import Log
from disclosure.transparency.verification import verify_log


class Command(BaseCommand):
    help = (
        "Re-compute every digest of each village's chain from the database, check the stored "
        "attachment files and that every publication in the audit log is still in the chain, "
        "then recompute each county's transparency log from its leaves; exit non-zero naming "
        "the first revision or log that does not match."
    )

    def add_arguments(self, parser):
        parser.add_argument("--village", metavar="CODE", help="check only this village")

    def handle(self, *args, village=None, **options):
        villages = Region.objects.villages()
        if village is not None:
            villages = villages.filter(code=village)
            if not villages.exists():
                raise CommandError(
                    _("There is no village with the code %(code)s.") % {"code": village}
                )
        for place in villages:
            self._check(place)
        logs = Log.objects.all()
        if village is not None:
            logs = logs.filter(county__code=village[:6].ljust(12, "0"))
        for log in logs.order_by("origin"):
            self._check_log(log)

    def _check(self, village):
        problem = chain.verify_village(village)
        if problem is not None:
            raise CommandError(problem)
        count, head = chain.last_link(village)
        self.stdout.write(
            _("%(village)s (%(code)s): %(count)d revisions verified, chain head %(head)s")
            % {"village": village.name, "code": village.code, "count": count, "head": head}
        )

    def _check_log(self, log):
        problem = verify_log(log)
        if problem is not None:
            raise CommandError(problem)
        self.stdout.write(
            _("%(origin)s: %(size)d leaves, their tree and its checkpoints verified")
            % {"origin": log.origin, "size": log.size}
        )
