"""Remove imports a clerk started but never committed: their files and staged entries."""

import datetime

from django.core.management.base import BaseCommand

from disclosure.finance.services.imports import clear_abandoned


class Command(BaseCommand):
    help = (
        "Delete ledger imports left uncommitted for longer than --days (default 7); the task "
        "queue does it every day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options):
        count = clear_abandoned(older_than=datetime.timedelta(days=days))
        self.stdout.write(f"{count} abandoned imports removed.")
