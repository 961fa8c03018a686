from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from disclosure.publishing import chain, verification
from disclosure.regions.models import Region
from disclosure.transparency.models import Log
from disclosure.transparency.verification import verify_log


class Command(BaseCommand):
    help = (
        "Check that the database still holds what was published: every digest and link of each "
        "village's chain, the figures stored beside the rows, the stored files, the postings' "
        "state, that every publication in the audit log is still in the chain, and each county's "
        "transparency log recomputed from its leaves. Every problem is listed, naming its "
        "revision or log; the exit status is non-zero if there is any."
    )

    def add_arguments(self, parser):
        parser.add_argument("--village", metavar="CODE", help="check only this village")

    def handle(self, *args, village=None, **options):
        villages = Region.objects.villages()
        logs = Log.objects.all()
        if village is not None:
            villages = villages.filter(code=village)
            if not villages.exists():
                raise CommandError(
                    _("There is no village with the code %(code)s.") % {"code": village}
                )
            logs = logs.filter(county__code=village[:6].ljust(12, "0"))
        failed = sum(self._check(place) for place in villages.order_by("code"))
        failed += sum(self._check_log(log) for log in logs.order_by("origin"))
        if failed:
            raise CommandError(
                _("%(count)d problems found: what villagers read is not what was published.")
                % {"count": failed}
            )

    def _check(self, village) -> int:
        problems = verification.village_problems(village)
        for problem in problems:
            self.stderr.write(problem.message)
        if not problems:
            count, head = chain.last_link(village)
            self.stdout.write(
                _("%(village)s (%(code)s): %(count)d revisions verified, chain head %(head)s")
                % {"village": village.name, "code": village.code, "count": count, "head": head}
            )
        return len(problems)

    def _check_log(self, log) -> int:
        problem = verify_log(log)
        if problem is not None:
            self.stderr.write(problem)
            return 1
        self.stdout.write(
            _("%(origin)s: %(size)d leaves, their tree and its checkpoints verified")
            % {"origin": log.origin, "size": log.size}
        )
        return 0
