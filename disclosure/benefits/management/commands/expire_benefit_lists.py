from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.benefits import disbursements
from disclosure.benefits.services import expire_due


class Command(BaseCommand):
    help = _(
        "Remove the names and identity numbers of published benefit lists whose publicity "
        "window has ended, and of disbursement files kept as long as the county allows (run "
        "daily); the totals, commitments and digests stay."
    )

    def handle(self, *args, **options):
        expired = expire_due()
        self.stdout.write(
            _("Publicity ended for %(count)d benefit lists.") % {"count": len(expired)}
        )
        removed = disbursements.remove_due(clock.today())
        self.stdout.write(
            _("Personal values removed from %(count)d disbursement files.")
            % {"count": len(removed)}
        )
