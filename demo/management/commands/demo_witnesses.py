import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from demo import witnesses

RETRY_SECONDS = 3


class Command(BaseCommand):
    help = (
        "Play the demo's two witnesses: register their keys, then cosign every county log's "
        "newest checkpoint through the portal at --url, once or every --every seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="the portal")
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="repeat (0: once)"
        )

    def handle(self, *args, url, every, **options):
        if settings.PRODUCTION:
            raise CommandError(_("Demo witnesses never run in production."))
        witnesses.register()
        while True:
            said, failed = witnesses.cosign_all(url)
            for line in said:
                self.stdout.write(line)
            if not every:
                return
            # The portal may still be starting: try again soon rather than in a while.
            time.sleep(RETRY_SECONDS if failed else every)
