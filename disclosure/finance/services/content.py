"""How finance revisions plug into the publication lifecycle (publishing.kinds hooks)."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

from disclosure import clock

from ..models import ENTRY_FIELDS, Balance, Budget, BudgetLine, Fund, LedgerEntry, Period, Voucher

ENTRY_COLUMNS = ", ".join(("village_id", *ENTRY_FIELDS))
COPY_ENTRIES = (
    f"INSERT INTO finance_ledgerentry (revision_id, {ENTRY_COLUMNS}) "  # noqa: S608 (constant)
    f"SELECT %s, {ENTRY_COLUMNS} FROM finance_ledgerentry WHERE revision_id = %s"
)


def period_rows(revision) -> list[dict]:
    """Entries, balances and voucher hashes, in canonical form for the chain and the API."""
    entries = [
        {"type": "entry", **entry.canonical()}
        for entry in LedgerEntry.objects.filter(revision=revision).order_by("line")
    ]
    balances = [{"type": "balance", **balance.canonical()} for balance in revision.balances.all()]
    vouchers = Voucher.objects.filter(revision=revision).select_related("entry")
    return [
        *entries,
        *balances,
        *({"type": "voucher", **voucher.canonical()} for voucher in vouchers),
    ]


def require_ended(revision) -> None:
    """A period is disclosed once it has ended: a month published on the 7th of that month would
    show as disclosed with a week of entries. A partial month is told in a notice instead."""
    period = Period.objects.filter(posting_id=revision.posting_id).first()
    if period is not None and clock.today() <= period.end:
        raise ValidationError(
            _(
                "The period ends on %(end)s: its finances can be submitted and published from the "
                "day after. To tell villagers something before then, publish a notice."
            )
            % {"end": period.end.isoformat()}
        )


def check_period(revision) -> None:
    require_ended(revision)
    if not LedgerEntry.objects.filter(revision=revision).exists():
        raise ValidationError(_("Import the period's ledger before submitting it."))
    if revision.balances.count() != len(Fund.values):
        raise ValidationError(_("The period needs its cash and bank balances."))


def copy_period(source, target) -> None:
    """Copy entries (in one statement), balances and vouchers into a correction."""
    with connection.cursor() as cursor:
        cursor.execute(COPY_ENTRIES, [target.pk, source.pk])
        cursor.execute(
            "INSERT INTO finance_voucher "
            "(entry_id, revision_id, village_id, position, filename, blob_id, thumbnail_id) "
            "SELECT new.id, %s, v.village_id, v.position, v.filename, v.blob_id, v.thumbnail_id "
            "FROM finance_voucher v JOIN finance_ledgerentry old ON old.id = v.entry_id "
            "JOIN finance_ledgerentry new ON new.revision_id = %s AND new.line = old.line "
            "WHERE v.revision_id = %s",
            [target.pk, target.pk, source.pk],
        )
    Balance.objects.bulk_create(
        Balance(
            revision=target,
            village_id=balance.village_id,
            fund=balance.fund,
            opening=balance.opening,
            closing=balance.closing,
        )
        for balance in source.balances.all()
    )


def budget_rows(revision) -> list[dict]:
    return [line.canonical() for line in revision.budget_lines.all()]


def check_budget(revision) -> None:
    if not revision.budget_lines.exists():
        raise ValidationError(_("Import the budget's amounts before submitting it."))


def copy_budget(source, target) -> None:
    BudgetLine.objects.bulk_create(
        BudgetLine(
            revision=target, village_id=line.village_id, category=line.category, amount=line.amount
        )
        for line in source.budget_lines.all()
    )


def period_subject(revision) -> dict:
    """Which month or quarter the revision discloses: where its figures are counted."""
    period = Period.objects.filter(posting_id=revision.posting_id).first()
    if period is None:
        return {}
    return {
        "year": period.year,
        "frequency": period.frequency,
        "number": period.number,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
    }


def period_row_key(row: dict) -> tuple:
    if row["type"] == "balance":
        return ("balance", row["fund"])
    if row["type"] == "voucher":
        return ("voucher", row["line"], row["sha256"])
    return ("entry", row["line"])


def budget_subject(revision) -> dict:
    budget = Budget.objects.filter(posting_id=revision.posting_id).first()
    return {"year": budget.year} if budget else {}


def budget_problem(revision) -> str | None:
    budget = Budget.objects.filter(posting_id=revision.posting_id).first()
    if budget is None or budget.village_id != revision.village_id:
        return _("its budget is not filed under its village")
    return None


def budget_row_key(row: dict) -> str:
    return row["category"]
