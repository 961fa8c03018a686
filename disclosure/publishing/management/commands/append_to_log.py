from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure.publishing import records, services


class Command(BaseCommand):
    help = (
        "Append to the county transparency logs the published revisions that are not in them yet "
        "(those published before the logs existed), in the order they were published, then the "
        "public records that were never logged (payments, listed questions, objections, "
        "correction orders and progress updates made public before records were logged), each "
        "with the digest of its public state. Run once after upgrading; running it again "
        "appends nothing twice."
    )

    def handle(self, *args, **options):
        count = services.append_missing_to_log()
        self.stdout.write(
            _("%(count)d published revisions appended to the transparency logs.") % {"count": count}
        )
        with transaction.atomic():
            count = records.log_unlogged()
        self.stdout.write(
            _("%(count)d public records appended to the transparency logs.") % {"count": count}
        )
