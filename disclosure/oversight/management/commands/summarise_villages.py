from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.oversight.summaries import summarise_every_village


class Command(BaseCommand):
    help = _(
        "Compute today's dashboard summaries of every village for this year (run daily, after "
        "midnight), so that no official waits for them; summaries still current are kept."
    )

    def handle(self, *args, **options):
        today = clock.today()
        computed = summarise_every_village(today, today.year)
        self.stdout.write(_("Summaries computed for %(count)d villages.") % {"count": computed})
