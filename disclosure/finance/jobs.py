"""The finance app's work in the task queue: checking large ledger files, clearing abandoned
imports. A check runs in one transaction, so a worker that dies mid-check leaves nothing staged
and the job, retried (publishing/jobs.py), checks the file again from its first row."""

from django.contrib.auth import get_user_model
from procrastinate.contrib.django import app

from .models import LedgerImport
from .services import checking, imports


@app.task(queue="imports")
def check_ledger_import(*, import_id: str, user_id: int, language: str) -> None:
    ledger_import = LedgerImport.objects.filter(pk=import_id).first()
    if ledger_import is None:
        return  # cleared as abandoned, or discarded, before the worker got to it
    by = get_user_model().objects.get(pk=user_id)
    checking.check_queued(ledger_import=ledger_import, by=by, language=language)


# Every day at 02:00 in Beijing (cron times are UTC).
@app.periodic(cron="0 18 * * *")
@app.task(queue="daily", queueing_lock="clear_abandoned_imports")
def clear_abandoned_imports(timestamp: int) -> None:
    imports.clear_abandoned()
