"""Committing a checked import into its period: all of it, or nothing."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import translation
from django.utils.translation import gettext as _

from disclosure.finance.models import FinanceKind
from disclosure.publishing import changes
from disclosure.publishing import services as publishing
from disclosure.publishing.audit import record
from disclosure.publishing.models import Revision
from disclosure.publishing.services import EDITABLE
from disclosure.regions.access import Action, require

from ..models import (
    Balance,
    Fund,
    ImportStatus,
    LedgerEntry,
    LedgerImport,
    Period,
    StagedEntry,
    Voucher,
)
from .checking import clear_staged, show_failure, staged_fingerprint
from .content import ENTRY_COLUMNS
from .imports import discard_file, remember_mapping
from .periods import period_title, previous_period

ZERO = Decimal("0.00")
INSERT_STAGED = (
    f"INSERT INTO finance_ledgerentry (revision_id, {ENTRY_COLUMNS}) "  # noqa: S608 (constant)
    f"SELECT %s, %s, {ENTRY_COLUMNS.split(', ', 1)[1]} FROM finance_stagedentry "
    "WHERE ledger_import_id = %s"
)


# What an earlier import put into a draft goes in one statement per table. Django's delete would
# first load every entry (200,000 in a large village) to cascade and signal row by row, well past
# the web worker's timeout. Contract payments link only published entries, never a draft's.
CLEAR_ENTRIES = [
    f"DELETE FROM {Voucher._meta.db_table} WHERE revision_id = %s",  # noqa: S608 (constant)
    f"DELETE FROM {LedgerEntry._meta.db_table} WHERE revision_id = %s",  # noqa: S608 (constant)
]


def _clear_entries(revision: Revision) -> None:
    with connection.cursor() as cursor:
        for statement in CLEAR_ENTRIES:
            cursor.execute(statement, [revision.pk])
    changes.count(revision.village_id)


def carried_opening(period: Period) -> dict | None:
    """The opening balances that are already known: the closing balances of the previous
    period when it is published, else (for a correction) those this period was published with."""
    previous = previous_period(period)
    if previous is not None and previous.posting is not None and previous.posting.current:
        balances = previous.posting.current.balances.all()
        return {balance.fund: balance.closing for balance in balances} or None
    if period.posting is not None and period.posting.current is not None:
        balances = period.posting.current.balances.all()
        return {balance.fund: balance.opening for balance in balances} or None
    return None


def movements(ledger_import: LedgerImport) -> dict:
    """Money in and out per fund among the staged entries."""
    rows = (
        StagedEntry.objects.filter(ledger_import=ledger_import)
        .values("fund")
        .annotate(income=Sum("income"), expenditure=Sum("expenditure"))
    )
    moved = {fund: (ZERO, ZERO) for fund in Fund.values}
    moved.update({row["fund"]: (row["income"], row["expenditure"]) for row in rows})
    return moved


def reconciliation_problems(ledger_import, opening: dict, closing: dict) -> list[str]:
    """A message per fund whose closing balance ≠ opening + income − expenditure."""
    problems = []
    for fund, (income, expenditure) in movements(ledger_import).items():
        expected = opening[fund] + income - expenditure
        if closing[fund] != expected:
            problems.append(
                _(
                    "%(fund)s: the closing balance %(closing)s does not equal the opening balance "
                    "%(opening)s + income %(income)s − expenditure %(expenditure)s = %(expected)s."
                )
                % {
                    "fund": Fund(fund).label,
                    "closing": closing[fund],
                    "opening": opening[fund],
                    "income": income,
                    "expenditure": expenditure,
                    "expected": expected,
                }
            )
    return problems


def _open_revision(period: Period, reason: str, by, ip) -> Revision:
    """The period's revision the import goes into: a new posting on the first import, a
    correction (with the clerk's reason) when the period is published, else the open draft."""
    if period.posting is None:
        revision = publishing.create_posting(
            village=period.village,
            kind=FinanceKind.FINANCE_PERIOD,
            content=publishing.Content(title=period_title(period)),
            by=by,
            ip=ip,
        )
        period.posting = revision.posting
        period.save(update_fields=["posting"])
        return revision
    _require_open(period, reason)
    revision = period.posting.revisions.open().first()
    if revision is None:
        return publishing.start_correction(posting=period.posting, by=by, reason=reason, ip=ip)
    return revision


def _require_open(period: Period, reason: str) -> None:
    """The period can take an import: no posting yet, an editable draft, or a correction."""
    if period.posting is None:
        return
    revision = period.posting.revisions.open().first()
    if revision is None and not reason.strip():
        raise ValidationError(
            _("This period is published. Start a correction, with its reason, to import again.")
        )
    if revision is not None and revision.state not in EDITABLE:
        raise ValidationError(
            _("This period is awaiting sign-off; it can be imported again once returned.")
        )


def _committable(ledger_import, opening, closing, *, queued: bool) -> tuple[Period, dict]:
    """The locked period and the opening balances of an import that may be committed now;
    `queued` lets through an import the task queue is committing."""
    statuses = (ImportStatus.PARSED, ImportStatus.COMMITTING) if queued else (ImportStatus.PARSED,)
    if ledger_import.status == ImportStatus.COMMITTING and not queued:
        raise ValidationError(_("This file is being imported."))
    if ledger_import.status not in statuses:
        raise ValidationError(_("Check the file before importing it."))
    if ledger_import.problems:
        raise ValidationError(_("The file has problems; correct them and upload it again."))
    _require_staged_as_checked(ledger_import)
    period = Period.objects.select_for_update().get(pk=ledger_import.period_id)
    opening = carried_opening(period) or opening
    if opening is None:
        raise ValidationError(_("Enter the opening balances of cash and bank."))
    problems = reconciliation_problems(ledger_import, opening, closing)
    if problems:
        raise ValidationError(problems)
    _require_open(period, ledger_import.reason)
    return period, opening


# Imports of more entries than this are committed by the task queue.
BACKGROUND_FROM_ROWS = 50_000


@transaction.atomic
def commit_in_background(
    *, ledger_import: LedgerImport, closing: dict, opening: dict | None = None, by, ip=None
) -> None:
    """Commit a large import in the task queue, once this request's transaction commits:
    replacing a draft's hundreds of thousands of entries outlasts a web request. Everything
    that could refuse it is checked here first, so the clerk is told at once; the wizard page
    then refreshes itself until the entries are in."""
    from ..jobs import commit_ledger_import

    require(by, Action.DRAFT, ledger_import.village)
    ledger_import = LedgerImport.objects.select_for_update().get(pk=ledger_import.pk)
    _period, opening = _committable(ledger_import, opening, closing, queued=False)
    LedgerImport.objects.filter(pk=ledger_import.pk).update(status=ImportStatus.COMMITTING)
    commit_ledger_import.defer(
        import_id=str(ledger_import.pk),
        user_id=by.pk,
        language=translation.get_language(),
        opening={fund: str(amount) for fund, amount in opening.items()},
        closing={fund: str(amount) for fund, amount in closing.items()},
        ip=ip,
    )


def commit_queued(
    *, ledger_import: LedgerImport, by, language: str, opening: dict, closing: dict, ip=None
) -> None:
    """The queued commit. A refusal (the staged entries lost in a database restart, the period
    signed off meanwhile) is shown on the import with its reason, and the file is checked
    again; anything else also fails the job, for the worker's log. The commit is one
    transaction: a worker that dies in it leaves the draft as it was, and the job runs again."""
    with translation.override(language):
        try:
            commit_import(
                ledger_import=ledger_import, opening=opening, closing=closing, by=by, ip=ip
            )
        except ValidationError as error:
            show_failure(ledger_import, " ".join(error.messages))
        except Exception:
            show_failure(ledger_import, _("The file could not be imported; check it again."))
            raise


def _require_staged_as_checked(ledger_import: LedgerImport) -> None:
    """The staged entries are those the check counted and digested, or nothing is committed:
    a database crash empties the staging table (UNLOGGED), and the file must be checked again."""
    expected = (ledger_import.staged_rows, ledger_import.staged_digest)
    if staged_fingerprint(ledger_import) != expected:
        raise ValidationError(
            _(
                "The checked entries of this file are no longer all there (the database was "
                "restarted since the check). Nothing was imported: check the file again."
            ),
            code="staged_changed",
        )


@transaction.atomic
def commit_import(
    *, ledger_import: LedgerImport, closing: dict, opening: dict | None = None, by, ip=None
) -> Revision:
    """Write the staged entries and balances into the period's open revision, replacing what
    an earlier import put there. Refused, changing nothing, while any problem remains."""
    require(by, Action.DRAFT, ledger_import.village)
    ledger_import = LedgerImport.objects.select_for_update().get(pk=ledger_import.pk)
    period, opening = _committable(ledger_import, opening, closing, queued=True)
    revision = _open_revision(period, ledger_import.reason, by, ip)
    require(by, Action.DRAFT, revision)
    _clear_entries(revision)
    revision.balances.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(INSERT_STAGED, [revision.pk, revision.village_id, ledger_import.pk])
        count = cursor.rowcount
    Balance.objects.bulk_create(
        Balance(
            revision=revision,
            village=period.village,
            fund=fund,
            opening=opening[fund],
            closing=closing[fund],
        )
        for fund in Fund.values
    )
    remember_mapping(ledger_import)
    clear_staged(ledger_import)
    ledger_import.status = ImportStatus.COMMITTED
    ledger_import.save(update_fields=["status"])
    transaction.on_commit(lambda: discard_file(ledger_import))
    record(
        by=by,
        action="finance.import",
        village=period.village,
        target=str(revision),
        ip=ip,
        entries=count,
        filename=ledger_import.filename,
    )
    return revision
