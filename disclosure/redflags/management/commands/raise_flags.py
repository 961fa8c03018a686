from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.redflags.cases import raise_every_flag


class Command(BaseCommand):
    help = _(
        "Give every new red flag its case and tell the village and the township of new strong "
        "flags and of rectifications past their deadline (run daily)."
    )

    def handle(self, *args, **options):
        new, overdue = raise_every_flag(clock.today())
        self.stdout.write(
            _("%(new)d new red flags; %(overdue)d overdue rectifications announced.")
            % {"new": new, "overdue": overdue}
        )
