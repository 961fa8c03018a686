"""Remove imports a clerk started but never committed: their files and staged entries."""

import datetime

from django.core.management.base import BaseCommand

from disclosure import clock
from disclosure.finance.models import ImportStatus, LedgerImport
from disclosure.finance.services.imports import discard_file


class Command(BaseCommand):
    help = "Delete ledger imports left uncommitted for longer than --days (default 7)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options):
        cutoff = clock.now() - datetime.timedelta(days=days)
        abandoned = LedgerImport.objects.filter(created_at__lt=cutoff).exclude(
            status=ImportStatus.COMMITTED
        )
        count = 0
        for ledger_import in abandoned:
            discard_file(ledger_import)
            ledger_import.delete()
            count += 1
        self.stdout.write(f"{count} abandoned imports removed.")
