"""Checking an import: read every row, apply the ledger rules, and stage what was read.

Every problem is kept with its row and column; the entries wait in StagedEntry (written with
COPY) until the clerk commits, so a file is read once however long the preview is looked at.
"""

import logging
import threading
from collections import defaultdict
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Min, Sum
from django.utils import translation
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
PROGRESS_EVERY = 10_000
# Files larger than this are checked in the background, with a progress page.
BACKGROUND_FROM_BYTES = 2 * 1024 * 1024
logger = logging.getLogger(__name__)


class _Rules:
    """The ledger rules the parser does not know: the period, the chart, the vouchers."""

    def __init__(self, ledger_import: LedgerImport):
        self.period = ledger_import.period
        self.mapping = ledger_import.mapping
        self.chart = Chart(ledger_import.village)
        self.header = ledger_import.header
        self.voucher_dates = defaultdict(set)
        self.voucher_first_line = {}

    def problem(self, line: int, field: str, message) -> dict:
        index = self.mapping.get(field)
        heading = self.header[index] if index is not None and index < len(self.header) else ""
        problem = parsing.Problem(
            line, parsing.column_letter(index) if index is not None else "", heading, message
        )
        return asdict(problem) | {"message": str(message)}

    def date_problem(self, line: int, date) -> dict | None:
        if self.period.start <= date <= self.period.end:
            return None
        return self.problem(
            line,
            "date",
            _("The date %(date)s is outside the period %(start)s to %(end)s.")
            % {"date": date, "start": self.period.start, "end": self.period.end},
        )

    def account_problem(self, line: int, code: str) -> dict | None:
        if self.chart.rule_for(code) is not None:
            return None
        return self.problem(
            line,
            "account_code",
            _("The account code %(code)s is not in the chart of accounts.") % {"code": code},
        )

    def check(self, entry) -> tuple[list[dict], object]:
        problems = [
            self.date_problem(entry.line, entry.date),
            self.account_problem(entry.line, entry.account_code),
        ]
        # A voucher's lines share its date; the same number on another day is a second voucher.
        dates = self.voucher_dates[entry.voucher_no]
        dates.add(entry.date)
        self.voucher_first_line.setdefault(entry.voucher_no, entry.line)
        if len(dates) > 1:
            problems.append(
                self.problem(
                    entry.line,
                    "voucher_no",
                    _("The voucher number %(number)s is already used on row %(row)s.")
                    % {
                        "number": entry.voucher_no,
                        "row": self.voucher_first_line[entry.voucher_no],
                    },
                )
            )
        return [problem for problem in problems if problem], self.chart.rule_for(entry.account_code)

    def check_refused_rows(self, rows, refused: dict[int, set]) -> list[dict]:
        """The period and chart rules for rows the parser refused, so that every problem of a
        row is listed at once: `refused` maps row numbers to the columns already reported."""
        found = []
        for index, row in enumerate(rows):
            reported = refused.get(index + 1)
            if reported is None:
                continue
            found += self._raw_problems(index + 1, row, reported)
        return found

    def _raw_problems(self, line: int, row, reported: set) -> list[dict]:
        def cell(field):
            index = self.mapping.get(field)
            return row[index] if index is not None and index < len(row) else None

        problems = []
        try:
            problems.append(self.date_problem(line, parsing.parse_date(cell("date"))))
        except ValueError:
            pass  # the parser has reported the date
        code = parsing.values.normalise(str(cell("account_code") or ""))
        if code:
            problems.append(self.account_problem(line, code))
        return [p for p in problems if p and p["column"] not in reported]


def _counted(rows, pk):
    """The rows, noting every PROGRESS_EVERY rows on the import how many were read so far."""
    for count, row in enumerate(rows, start=1):
        if count % PROGRESS_EVERY == 0:
            LedgerImport.objects.filter(pk=pk).update(rows_parsed=count)
        yield row


def check_import(*, ledger_import: LedgerImport, by) -> LedgerImport:
    """Read the whole sheet with the chosen mapping; stage the entries; record every problem.

    Reading runs outside a transaction so that the progress it notes can be seen from another
    request; staging the entries and the outcome is one transaction.
    """
    require(by, Action.DRAFT, ledger_import.village)
    ledger_import = LedgerImport.objects.select_related("period", "village").get(
        pk=ledger_import.pk
    )
    if ledger_import.status == ImportStatus.COMMITTED:
        raise ValidationError(_("This import has already been committed."))
    sheet = sheet_of(ledger_import)
    try:
        result = parsing.parse_entries(
            _counted(sheet.rows, ledger_import.pk),
            ledger_import.mapping,
            parsing.find_header(sheet.rows),
        )
    except parsing.UnreadableFile as error:
        result = parsing.ParseResult(problems=[parsing.Problem(0, "", "", str(error))])
    refused = defaultdict(set)
    for problem in result.problems:
        if problem.row:
            refused[problem.row].add(problem.column)
    more = _Rules(ledger_import).check_refused_rows(sheet.rows, refused) if refused else []
    with transaction.atomic():
        _stage(ledger_import, result, more)
    return ledger_import


def _stage(ledger_import: LedgerImport, result, more: list[dict]) -> None:
    problems = [asdict(problem) | {"message": str(problem.message)} for problem in result.problems]
    problems += more
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
        problems.append(_row_problem(_("The sheet has no entries.")))
    problems.sort(key=lambda problem: (problem["row"], problem["column"]))
    ledger_import.problems = problems
    # Rows the parser refused give no entry; rows refused by the ledger rules are entries.
    ledger_import.rows_parsed = len(result.entries) + len({p.row for p in result.problems})
    ledger_import.rows_total = ledger_import.rows_parsed + result.totals_rows
    ledger_import.status = ImportStatus.PARSED
    ledger_import.save()


def _row_problem(message) -> dict:
    return {"row": 0, "column": "", "header": "", "message": str(message)}


def check_in_background(*, ledger_import: LedgerImport, by) -> None:
    """Check a large file in a thread, after this request's transaction commits; the wizard
    page refreshes itself and shows the rows read so far until the check is done."""
    require(by, Action.DRAFT, ledger_import.village)
    LedgerImport.objects.filter(pk=ledger_import.pk).update(
        status=ImportStatus.CHECKING, rows_parsed=0, problems=[]
    )
    language = translation.get_language()

    def run():
        try:
            with translation.override(language):
                try:
                    check_import(ledger_import=ledger_import, by=by)
                except ValidationError as error:
                    _failed(ledger_import, " ".join(error.messages))
                except Exception:
                    logger.exception("checking ledger import %s failed", ledger_import.pk)
                    _failed(ledger_import, _("The file could not be checked; upload it again."))
        finally:
            connection.close()

    transaction.on_commit(threading.Thread(target=run, daemon=True).start)


def _failed(ledger_import: LedgerImport, message) -> None:
    LedgerImport.objects.filter(pk=ledger_import.pk).update(
        status=ImportStatus.PARSED, problems=[_row_problem(message)]
    )


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
