"""The finance app's work in the task queue: checking large ledger files, committing large
imports, clearing abandoned imports. A check, like a commit, runs in one transaction, so a
worker that dies in it leaves nothing half-done and the job, retried (publishing/jobs.py), does
it again from the start."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from procrastinate.contrib.django import app

from .models import LedgerImport
from .services import checking, committing, imports


@app.task(queue="imports")
def check_ledger_import(*, import_id: str, user_id: int, language: str) -> None:
    ledger_import = LedgerImport.objects.filter(pk=import_id).first()
    if ledger_import is None:
        return  # cleared as abandoned, or discarded, before the worker got to it
    by = get_user_model().objects.get(pk=user_id)
    checking.check_queued(ledger_import=ledger_import, by=by, language=language)


@app.task(queue="imports")
def commit_ledger_import(
    *, import_id: str, user_id: int, language: str, opening: dict, closing: dict, ip: str | None
) -> None:
    ledger_import = LedgerImport.objects.filter(pk=import_id).first()
    if ledger_import is None:
        return
    committing.commit_queued(
        ledger_import=ledger_import,
        by=get_user_model().objects.get(pk=user_id),
        language=language,
        opening={fund: Decimal(amount) for fund, amount in opening.items()},
        closing={fund: Decimal(amount) for fund, amount in closing.items()},
        ip=ip,
    )


# Every day at 02:00 in Beijing (cron times are UTC).
@app.periodic(cron="0 18 * * *")
@app.task(queue="daily", queueing_lock="clear_abandoned_imports")
def clear_abandoned_imports(timestamp: int) -> None:
    imports.clear_abandoned()
