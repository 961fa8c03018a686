"""Checking an import: read every row, apply the ledger rules, and stage what was read.

Every problem is kept with its row and column; the entries wait in StagedEntry (written with
COPY) until the clerk commits, so a file is read once however long the preview is looked at.
"""

from collections import defaultdict
from dataclasses import asdict

from django.db import connection, transaction
from django.db.models import Count, Min, Sum
from django.utils.translation import gettext as _

from disclosure.regions.access import Action, require

from .. import parsing
from ..accounts import is_hospitality
from ..models import Category, ImportStatus, LedgerImport, StagedEntry
from .imports import sheet_of
from .mapping import Chart

STAGED_COLUMNS = (
    "ledger_import_id",
    "line",
    "date",
    "voucher_no",
    "summary",
    "account_code",
    "account_name",
    "category",
    "fund",
    "income",
    "expenditure",
    "counterparty",
    "handler",
    "approver",
    "is_hospitality",
)
PREVIEW_ROWS = 20


class _Rules:
    """The ledger rules the parser does not know: the period, the chart, the vouchers."""

    def __init__(self, ledger_import: LedgerImport):
        self.period = ledger_import.period
        self.mapping = ledger_import.mapping
        self.chart = Chart(ledger_import.village)
        self.header = ledger_import.header
        self.voucher_dates = defaultdict(set)
        self.voucher_first_line = {}

    def problem(self, entry, field: str, message) -> dict:
        index = self.mapping.get(field)
        heading = self.header[index] if index is not None and index < len(self.header) else ""
        problem = parsing.Problem(
            entry.line, parsing.column_letter(index) if index is not None else "", heading, message
        )
        return asdict(problem) | {"message": str(message)}

    def check(self, entry) -> tuple[list[dict], object]:
        problems = []
        if not self.period.start <= entry.date <= self.period.end:
            problems.append(
                self.problem(
                    entry,
                    "date",
                    _("The date %(date)s is outside the period %(start)s to %(end)s.")
                    % {"date": entry.date, "start": self.period.start, "end": self.period.end},
                )
            )
        rule = self.chart.rule_for(entry.account_code)
        if rule is None:
            problems.append(
                self.problem(
                    entry,
                    "account_code",
                    _("The account code %(code)s is not in the chart of accounts.")
                    % {"code": entry.account_code},
                )
            )
        # A voucher's lines share its date; the same number on another day is a second voucher.
        dates = self.voucher_dates[entry.voucher_no]
        dates.add(entry.date)
        self.voucher_first_line.setdefault(entry.voucher_no, entry.line)
        if len(dates) > 1:
            problems.append(
                self.problem(
                    entry,
                    "voucher_no",
                    _("The voucher number %(number)s is already used on row %(row)s.")
                    % {
                        "number": entry.voucher_no,
                        "row": self.voucher_first_line[entry.voucher_no],
                    },
                )
            )
        return problems, rule


@transaction.atomic
def check_import(*, ledger_import: LedgerImport, by) -> LedgerImport:
    """Read the whole sheet with the chosen mapping; stage the entries; record every problem."""
    require(by, Action.DRAFT, ledger_import.village)
    ledger_import = LedgerImport.objects.select_for_update().get(pk=ledger_import.pk)
    sheet = sheet_of(ledger_import)
    try:
        result = parsing.parse_entries(
            sheet.rows, ledger_import.mapping, parsing.find_header(sheet.rows)
        )
    except parsing.UnreadableFile as error:
        result = parsing.ParseResult(problems=[parsing.Problem(0, "", "", str(error))])
    problems = [asdict(problem) | {"message": str(problem.message)} for problem in result.problems]
    StagedEntry.objects.filter(ledger_import=ledger_import).delete()
    rules = _Rules(ledger_import)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            f"COPY finance_stagedentry ({', '.join(STAGED_COLUMNS)}) FROM STDIN"
        ) as copy:
            for entry in result.entries:
                found, rule = rules.check(entry)
                problems += found
                if found:
                    continue
                copy.write_row(_staged_row(ledger_import, entry, rule))
    if not result.entries and not problems:
        problems.append(
            {"row": 0, "column": "", "header": "", "message": _("The sheet has no entries.")}
        )
    problems.sort(key=lambda problem: (problem["row"], problem["column"]))
    ledger_import.problems = problems
    ledger_import.rows_parsed = len(result.entries) + len({p["row"] for p in problems})
    ledger_import.rows_total = ledger_import.rows_parsed + result.totals_rows
    ledger_import.status = ImportStatus.PARSED
    ledger_import.save()
    return ledger_import


def _staged_row(ledger_import, entry, rule) -> tuple:
    return (
        ledger_import.pk,
        entry.line,
        entry.date,
        entry.voucher_no,
        entry.summary,
        entry.account_code,
        entry.account_name or rule.account_name,
        rule.category,
        ledger_import.default_fund,
        entry.income,
        entry.expenditure,
        entry.counterparty,
        entry.handler,
        entry.approver,
        is_hospitality(entry.summary, entry.account_name),
    )


def preview(ledger_import: LedgerImport) -> dict:
    """What the clerk sees before committing: counts, totals per category, the first rows."""
    staged = StagedEntry.objects.filter(ledger_import=ledger_import)
    totals = staged.values("category").annotate(
        income=Sum("income"), expenditure=Sum("expenditure"), entries=Count("id")
    )
    overall = staged.aggregate(
        income=Sum("income"), expenditure=Sum("expenditure"), entries=Count("id"), first=Min("line")
    )
    return {
        "totals": [
            row | {"label": Category(row["category"]).label} for row in totals.order_by("category")
        ],
        "overall": overall,
        "first_rows": list(staged.order_by("line")[:PREVIEW_ROWS]),
    }
