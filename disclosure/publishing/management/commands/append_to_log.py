from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from disclosure.publishing import services


class Command(BaseCommand):
    help = (
        "Append to the county transparency logs the published revisions that are not in them yet "
        "(those published before the logs existed), in the order they were published. Run once "
        "after upgrading; running it again appends nothing twice."
    )

    def handle(self, *args, **options):
        count = services.append_missing_to_log()
        self.stdout.write(
            _("%(count)d published revisions appended to the transparency logs.") % {"count": count}
        )
