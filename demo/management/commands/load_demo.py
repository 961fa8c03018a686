from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from demo.places import DEMO_PASSWORD
from demo.services import DemoRefused, load_demo


class Command(BaseCommand):
    help = "Load a fictional county with villages, staff accounts and postings in every state."

    def handle(self, *args, **options):
        try:
            loaded = load_demo()
        except DemoRefused:
            raise CommandError(_("Demo data is never loaded in production.")) from None
        if loaded is None:
            self.stdout.write(_("The demo data is already loaded; nothing was changed."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo data loaded: %(villages)d villages, %(postings)d postings and "
                    "%(accounts)d staff accounts (password: %(password)s)."
                )
                % {
                    "villages": loaded.villages,
                    "postings": loaded.postings,
                    "accounts": loaded.accounts,
                    "password": DEMO_PASSWORD,
                }
            )
        )
