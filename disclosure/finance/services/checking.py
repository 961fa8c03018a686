"""Checking an import: read every row, apply the ledger rules, and stage what was read.

One pass: each row is parsed, checked and written with COPY into StagedEntry as it is read, so
a million-row file is never held in memory; only what the rules need across rows is kept (the
date and first row of each voucher number, the chart's answer per account code). Every problem
is kept with its row and column. A file with any problem leaves nothing staged; the entries of
a good file wait in StagedEntry until the clerk commits, so the preview reads them from there.
"""

from collections import defaultdict
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import Count, Min, Sum
from django.utils import translation
from django.utils.translation import gettext as _

from disclosure import spreadsheets
from disclosure.regions.access import Action, require

from .. import parsing
from ..models import ENTRY_FIELDS, Category, ImportStatus, LedgerImport, StagedEntry
from .imports import sheet_of
from .mapping import Chart, three_public_of

STAGED_COLUMNS = ("ledger_import_id", *ENTRY_FIELDS)
COPY_STAGED = f"COPY finance_stagedentry ({', '.join(STAGED_COLUMNS)}) FROM STDIN"
# Staged rows are not content: deleted without the ORM, which would load each one to signal it.
DELETE_STAGED = "DELETE FROM finance_stagedentry WHERE ledger_import_id = %s"
# How many entries are staged, and the sum of the first 60 bits of each row's SHA-256: a sum, so
# PostgreSQL neither sorts nor builds one long string for a million rows, and the row's line
# number is in what is hashed, so no two rows are alike.
STAGED_FINGERPRINT = (
    "SELECT count(*), coalesce(sum(('x' || left(encode(sha256(convert_to("  # noqa: S608 (constant)
    f"ROW({', '.join(ENTRY_FIELDS)})::text, 'UTF8')), 'hex'), 15))::bit(60)::bigint), 0)::text "
    "FROM finance_stagedentry WHERE ledger_import_id = %s"
)
PREVIEW_ROWS = 20
PROGRESS_EVERY = 10_000
# Files larger than this are checked by the task queue, with a progress page.
BACKGROUND_FROM_BYTES = 2 * 1024 * 1024
# A voucher's first row and day, packed in one int to keep a million vouchers small.
_DAY_BITS = 24
_DAY_MASK = (1 << _DAY_BITS) - 1


def _bare(name: str) -> str:
    return "".join(name.split())


class _Rules:
    """The ledger rules the parser does not know: the period, the chart, the vouchers.

    `problems` keeps the first PROBLEM_LIMIT problems found, in row order.
    """

    def __init__(self, ledger_import: LedgerImport):
        self.period = ledger_import.period
        self.mapping = ledger_import.mapping
        self.chart = Chart(ledger_import.village)
        self.rules = {}
        self.header = ledger_import.header
        self.vouchers: dict[str, int] = {}
        self.split_vouchers: set[str] = set()
        self.problems: list[dict] = []

    def problem(self, line: int, field: str, message) -> dict:
        index = self.mapping.get(field)
        heading = self.header[index] if index is not None and index < len(self.header) else ""
        problem = parsing.Problem(
            line, parsing.column_letter(index) if index is not None else "", heading, message
        )
        return asdict(problem) | {"message": str(message)}

    def rule_for(self, code: str):
        """The chart's rule for an account code; asked once per code, not once per row."""
        if code not in self.rules:
            self.rules[code] = self.chart.rule_for(code)
        return self.rules[code]

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
        if self.rule_for(code) is not None:
            return None
        return self.problem(
            line,
            "account_code",
            _("The account code %(code)s is not in the chart of accounts.") % {"code": code},
        )

    def name_problem(self, line: int, code: str, name: str) -> dict | None:
        """An account the file names otherwise than the mapping does for the same code: the
        file may follow another chart of accounts (the 2004 system's 541 was 管理费用, the 2023
        system's is 其他支出), and mapping it by code alone would misclassify the entry."""
        rule = self.rule_for(code)
        if rule is None or rule.prefix != code or not name:
            return None
        if _bare(name) == _bare(rule.account_name):
            return None
        return self.problem(
            line,
            "account_name" if "account_name" in self.mapping else "account_code",
            _(
                "The file names account %(code)s “%(name)s”, but the account mapping names it "
                "“%(mapped)s” (%(category)s). Correct the file, or ask the county for a mapping "
                "rule for this village."
            )
            % {
                "code": code,
                "name": name,
                "mapped": rule.account_name,
                "category": Category(rule.category).label,
            },
        )

    def voucher_problem(self, entry) -> dict | None:
        """A voucher's lines share its date; the same number on another day is a second
        voucher, and so is every later line with that number."""
        number, day = entry.voucher_no, entry.date.toordinal()
        first = self.vouchers.get(number)
        if first is None:
            self.vouchers[number] = entry.line << _DAY_BITS | day
            return None
        if day == first & _DAY_MASK and number not in self.split_vouchers:
            return None
        self.split_vouchers.add(number)
        return self.problem(
            entry.line,
            "voucher_no",
            _("The voucher number %(number)s is already used on row %(row)s.")
            % {"number": number, "row": first >> _DAY_BITS},
        )

    def check(self, entry):
        """The entry's rule in the chart, or None when the entry breaks a rule."""
        found = [
            problem
            for problem in (
                self.date_problem(entry.line, entry.date),
                self.account_problem(entry.line, entry.account_code),
                self.name_problem(entry.line, entry.account_code, entry.account_name),
                self.voucher_problem(entry),
            )
            if problem
        ]
        if not found:
            return self.rules[entry.account_code]
        self.problems += found[: parsing.PROBLEM_LIMIT - len(self.problems)]
        return None

    def check_refused_rows(self, rows, refused: dict[int, set]) -> list[dict]:
        """The period and chart rules for rows the parser refused, so that every problem of a
        row is listed at once: `refused` maps row numbers to the columns already reported."""
        found = []
        last = max(refused)
        for index, row in enumerate(rows):
            reported = refused.get(index + 1)
            if reported is not None:
                found += self._raw_problems(index + 1, row, reported)
            if index + 1 >= last:
                break
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
        code = spreadsheets.normalise(str(cell("account_code") or ""))
        if code:
            problems.append(self.account_problem(line, code))
        return [p for p in problems if p and p["column"] not in reported]


class _Progress:
    """Notes on the import how many rows have been read, through a connection of its own: the
    check's transaction is not seen by the progress page until it commits.

    Within a caller's transaction nothing is noted: that transaction may hold the import's row,
    which the second connection would then wait for forever, and nobody watches such a check.
    """

    def __init__(self, pk):
        self.pk = pk
        self.wanted = not connection.in_atomic_block
        self.connection = None

    def note(self, count: int) -> None:
        if self.wanted:
            if self.connection is None:
                self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
            table = LedgerImport._meta.db_table
            with self.connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET rows_parsed = %s WHERE id = %s",  # noqa: S608 (constant)
                    [count, self.pk],
                )

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def _counted(rows, progress: _Progress):
    """The rows, noting every PROGRESS_EVERY rows how many were read so far."""
    for count, row in enumerate(rows, start=1):
        if count % PROGRESS_EVERY == 0:
            progress.note(count)
        yield row


class _Discard(Exception):
    """The file has problems: nothing it staged may stay."""


def check_import(*, ledger_import: LedgerImport, by) -> LedgerImport:
    """Read the whole sheet with the chosen mapping; stage the entries; record every problem.

    Reading, checking and staging are one pass in one transaction; the rows read so far are
    noted on the import for the progress page as they go.
    """
    require(by, Action.DRAFT, ledger_import.village)
    ledger_import = LedgerImport.objects.select_related("period", "village").get(
        pk=ledger_import.pk
    )
    if ledger_import.status == ImportStatus.COMMITTED:
        raise ValidationError(_("This import has already been committed."))
    sheet = sheet_of(ledger_import)
    result, rules = parsing.ParseResult(), _Rules(ledger_import)
    progress = _Progress(ledger_import.pk)
    try:
        with transaction.atomic():
            clear_staged(ledger_import)
            entries = _stage_checked(ledger_import, sheet, result, rules, progress)
            _record(ledger_import, sheet, result, rules, entries)
    finally:
        progress.close()
    return ledger_import


def _stage_checked(ledger_import, sheet, result, rules, progress) -> int:
    """Stage every entry of a file without problems; return how many entries were read.

    Once a problem is found the rest is still read and checked, for its problems, but no
    longer written; what was written goes with the savepoint."""
    count = 0
    try:
        with transaction.atomic():
            entries = parsing.iter_entries(
                _counted(sheet.rows, progress),
                ledger_import.mapping,
                parsing.find_header(sheet.rows),
                result=result,
                period=(ledger_import.period.start, ledger_import.period.end),
            )
            # Built before COPY starts: the connection answers no query while it runs.
            staged = _Staged(ledger_import)
            with connection.cursor() as cursor, cursor.cursor.copy(COPY_STAGED) as copy:
                for entry in entries:
                    count += 1
                    rule = rules.check(entry)
                    if rule is not None and not (result.problem_count or rules.problems):
                        copy.write_row(staged.row(entry, rule))
            if result.problem_count or rules.problems:
                raise _Discard
    except _Discard:
        pass
    except parsing.UnreadableFile as error:
        result.add_problems([parsing.Problem(0, "", "", str(error))])
    return count


class _Staged:
    """The StagedEntry row of an entry, as COPY takes it."""

    def __init__(self, ledger_import: LedgerImport):
        self.pk = str(ledger_import.pk)
        self.fund = ledger_import.default_fund
        self.three_public = three_public_of(ledger_import.village)

    def row(self, entry, rule) -> tuple:
        return (
            self.pk,
            entry.line,
            entry.date,
            entry.voucher_no,
            entry.summary,
            entry.account_code,
            entry.account_name or rule.account_name,
            rule.category,
            self.fund,
            entry.income,
            entry.expenditure,
            entry.counterparty,
            entry.handler,
            entry.approver,
            self.three_public.covers(
                account_code=entry.account_code,
                account_name=entry.account_name or rule.account_name,
                summary=entry.summary,
            ),
        )


def staged_fingerprint(ledger_import: LedgerImport) -> tuple[int, str]:
    """How many entries the import has staged now, and their digest."""
    with connection.cursor() as cursor:
        cursor.execute(STAGED_FINGERPRINT, [ledger_import.pk])
        return cursor.fetchone()


def clear_staged(ledger_import: LedgerImport) -> None:
    with connection.cursor() as cursor:
        cursor.execute(DELETE_STAGED, [ledger_import.pk])


def _record(ledger_import, sheet, result, rules: _Rules, entries: int) -> None:
    """Keep the outcome on the import: the first PROBLEM_LIMIT problems, in row order."""
    problems = [asdict(problem) | {"message": str(problem.message)} for problem in result.problems]
    refused = defaultdict(set)
    for problem in result.problems:
        if problem.row:
            refused[problem.row].add(problem.column)
    if refused:
        problems += rules.check_refused_rows(sheet.rows, refused)
    problems += rules.problems
    if not entries and not problems:
        problems.append(_row_problem(_("The sheet has no entries.")))
    problems.sort(key=lambda problem: (problem["row"], problem["column"]))
    ledger_import.problems = problems[: parsing.PROBLEM_LIMIT]
    # Rows the parser refused give no entry; rows refused by the ledger rules are entries.
    ledger_import.rows_parsed = entries + len(refused)
    ledger_import.rows_total = ledger_import.rows_parsed + result.totals_rows
    ledger_import.status = ImportStatus.PARSED
    ledger_import.staged_rows, ledger_import.staged_digest = staged_fingerprint(ledger_import)
    ledger_import.save()


def _row_problem(message) -> dict:
    return {"row": 0, "column": "", "header": "", "message": str(message)}


@transaction.atomic
def check_in_background(*, ledger_import: LedgerImport, by) -> None:
    """Check a large file in the task queue, once this request's transaction commits; the
    wizard page refreshes itself and shows the rows read so far until the check is done."""
    from ..jobs import check_ledger_import

    require(by, Action.DRAFT, ledger_import.village)
    LedgerImport.objects.filter(pk=ledger_import.pk).update(
        status=ImportStatus.CHECKING, rows_parsed=0, problems=[]
    )
    # Deferred in this transaction: the job exists exactly when the import says "checking".
    check_ledger_import.defer(
        import_id=str(ledger_import.pk), user_id=by.pk, language=translation.get_language()
    )


def check_queued(*, ledger_import: LedgerImport, by, language: str) -> None:
    """The queued check of a large file. A refused file, or one that cannot be read, is shown
    on the import with its reason; anything else also fails the job, for the worker's log."""
    with translation.override(language):
        try:
            check_import(ledger_import=ledger_import, by=by)
        except ValidationError as error:
            show_failure(ledger_import, " ".join(error.messages))
        except Exception:
            show_failure(ledger_import, _("The file could not be checked; upload it again."))
            raise


def show_failure(ledger_import: LedgerImport, message) -> None:
    """A queued check or commit that failed: the import is checked, with the reason as its one
    problem, so the clerk sees why and checks the file again."""
    LedgerImport.objects.filter(pk=ledger_import.pk).update(
        status=ImportStatus.PARSED, problems=[_row_problem(message)]
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
