import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from disclosure.finance.models import LedgerImport, StagedEntry
from disclosure.finance.services.imports import rows_path, stored_path

from .ledger_files import ROWS, checked, imported, xlsx_bytes


def test_imports_left_for_a_week_are_removed_with_their_files(quarter_a, clerk_a):
    imported(quarter_a, clerk_a)
    old = checked(quarter_a, clerk_a, xlsx_bytes({"明细账": ROWS}), "明细账.xlsx")
    recent = checked(quarter_a, clerk_a)
    LedgerImport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    out = io.StringIO()

    call_command("clear_abandoned_imports", stdout=out)

    assert "1 " in out.getvalue()
    assert set(LedgerImport.objects.values_list("pk", flat=True)) == {
        recent.pk,
        *LedgerImport.objects.filter(status="committed").values_list("pk", flat=True),
    }
    assert not stored_path(old).exists()
    assert not rows_path(old).exists()
    assert stored_path(recent).exists()
    assert not StagedEntry.objects.filter(ledger_import_id=old.pk).exists()


def test_the_portal_clears_abandoned_imports_itself_every_night(quarter_a, clerk_a):
    from disclosure.finance.jobs import clear_abandoned_imports

    old = checked(quarter_a, clerk_a)
    LedgerImport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )

    clear_abandoned_imports(timestamp=0)

    assert not LedgerImport.objects.filter(pk=old.pk).exists()
