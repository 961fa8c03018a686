"""Turning the rows under a ledger's header into entries, and every bad cell into a problem."""

import functools
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from disclosure.spreadsheets.values import parse_amount, parse_date, parse_month_day

from .headers import REQUIRED, heading_text, is_subheader, merge_headings, missing_fields

ZERO = Decimal("0.00")
# The lengths LedgerEntry stores.
MAX_LENGTHS = {
    "voucher_no": 50,
    "summary": 200,
    "account_code": 20,
    "account_name": 100,
    "counterparty": 100,
    "handler": 50,
    "approver": 50,
}
TEXT_FIELDS = tuple(MAX_LENGTHS)
# A wrongly mapped million-row file would otherwise hold a million problems nobody reads.
PROBLEM_LIMIT = 1000
REQUIRED_TEXT = ("voucher_no", "summary", "account_code")
# Accounting software often writes the account as "5301 管理费用" in one cell.
_CODE_AND_NAME = re.compile(r"(\d+(?:[.\-]\d+)*)\s*([^\d\s.\-].*)")
# Cheap test first: most rows have no cell that could be a totals label.
_TOTALS_HINT = re.compile(r"[计页转余]|total|balance|forward|ｔｏｔａｌ", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]")
# Totals a file states for what is above them (合计, 本月合计, 本期合计, 总计, Total), which the
# entries read must add up to; not running sums (累计), subtotals (小计) or page carries.
_COMPARABLE = re.compile(r"(本|当|全)?(月|期|季|年)?(发生额?)?(合计|总计)|(grand)?totals?")
_TOTALS = re.compile(
    r"(本|当|全)?(月|期|季|年|日|页)?(发生额?)?(合计|总计|小计|累计|总额)"
    r"|过次页|承前页|(上年|上月|上期|上季)结转|(期初|年初|月初)余额"
    r"|(grand|sub)?totals?|openingbalance|(balance)?(brought|carried)forward",
)


@dataclass(slots=True)
class Problem:
    """A cell (or, without a column, a whole row) that cannot be imported, and why."""

    row: int
    column: str
    header: str
    message: str

    def __str__(self):
        values = {"row": self.row, "column": self.column, "header": self.header,
                  "message": self.message}  # fmt: skip
        if self.column and self.header:
            text = _("Row %(row)s, column %(column)s (%(header)s): %(message)s")
        elif self.column:
            text = _("Row %(row)s, column %(column)s: %(message)s")
        else:
            text = _("Row %(row)s: %(message)s")
        return str(text % values)


@dataclass(slots=True)
class ParsedEntry:
    """One ledger line; `line` is the spreadsheet row number the clerk sees (1-based)."""

    line: int
    date: date
    voucher_no: str
    summary: str
    account_code: str
    account_name: str
    income: Decimal
    expenditure: Decimal
    counterparty: str
    handler: str
    approver: str


@dataclass
class ParseResult:
    """The entries read, the problems found (the import must not go ahead if there are any),
    and how many totals rows were recognised and left out.

    `problems` keeps the first PROBLEM_LIMIT problems, in row order; `problem_count` counts all.
    """

    entries: list[ParsedEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    totals_rows: int = 0
    problem_count: int = 0

    def add_problems(self, problems: list[Problem]) -> None:
        self.problem_count += len(problems)
        room = PROBLEM_LIMIT - len(self.problems)
        if room > 0:
            self.problems += problems[:room]


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def is_totals_row(row) -> bool:
    """Whether a row is a totals line (合计, 总计, 本月合计, 本期合计, 累计, 小计, Total …).

    Lines that carry a balance over (上年结转, 期初余额, 承前页, 过次页) count as totals too:
    they repeat sums of other entries and are not entries themselves.
    """
    texts = [cell for cell in row if isinstance(cell, str)]
    if not _TOTALS_HINT.search("\n".join(texts)):
        return False
    return any(map(_is_totals_label, texts))


@functools.lru_cache(maxsize=4096)
def _is_totals_label(cell: str) -> bool:
    # Remembered: names such as 李会计 meet the hint on every row of a ledger.
    if not _TOTALS_HINT.search(cell):
        return False
    text = _NOT_WORD.sub("", unicodedata.normalize("NFKC", cell)).lower()
    return bool(text and _TOTALS.fullmatch(text))


def parse_entries(rows, mapping: dict[str, int], header_index: int) -> ParseResult:
    """Read every row below `header_index` with the columns `mapping` gives.

    Blank rows are skipped, totals rows skipped and counted, and every bad cell is reported
    as a Problem; rows with problems give no entry. No ledger rules are checked here.
    Amounts come from income/expenditure when both are mapped, else from debit/credit
    (a cash or bank journal: debit is money in, credit money out). Raises ValueError when
    missing_fields(mapping) is not empty.
    """
    result = ParseResult()
    result.entries = list(iter_entries(rows, mapping, header_index, result=result))
    return result


def iter_entries(
    rows, mapping: dict[str, int], header_index: int, *, result: ParseResult, period=None
) -> Iterator[ParsedEntry]:
    """Like parse_entries, one entry at a time, so that a large file can be saved as it is read.

    Problems and totals rows are recorded on `result` as they are met; `result.entries` is
    left alone. Check `result.problem_count` once the iteration is over. With the period's
    (first day, last day), dates written without their year (12-01) are read in it.
    """
    missing = missing_fields(mapping)
    if missing:
        raise ValueError(f"columns not mapped: {', '.join(missing)}")
    rows = enumerate(rows)
    header = []
    for index, row in rows:
        if index == header_index:
            header = merge_headings(row, [])
            break
    reader = _RowReader(mapping, header, period)
    sums = _Sums()
    for index, row in rows:
        if index == header_index + 1 and is_subheader(row):
            reader = _RowReader(mapping, merge_headings(header, row), period)
            continue
        if _is_blank(row):
            continue
        if reader.is_totals(row):
            result.totals_rows += 1
            if not result.problem_count:
                result.add_problems(reader.compare_totals(row, index + 1, sums))
            continue
        if reader.repeats_header(row):
            continue
        entry = reader.read(row, index + 1)
        if entry is None:
            result.add_problems(sorted(reader.problems, key=_by_column))
        else:
            sums.add(entry)
            yield entry


class _Sums:
    """What the entries read so far add up to, and where each kind of stated total last stood,
    so that a 本月合计 is compared with the entries since the previous 本月合计 and a 合计 at the
    end with all of them."""

    def __init__(self):
        self.income, self.expenditure = ZERO, ZERO
        self.marks: dict[str, tuple[Decimal, Decimal]] = {}

    def add(self, entry: ParsedEntry) -> None:
        self.income += entry.income
        self.expenditure += entry.expenditure

    def since(self, label: str) -> tuple[Decimal, Decimal]:
        income, expenditure = self.marks.get(label, (ZERO, ZERO))
        self.marks[label] = (self.income, self.expenditure)
        return self.income - income, self.expenditure - expenditure


def _comparable_label(row) -> str | None:
    for cell in row:
        if isinstance(cell, str) and _is_totals_label(cell):
            text = _NOT_WORD.sub("", unicodedata.normalize("NFKC", cell)).lower()
            return text if _COMPARABLE.fullmatch(text) else None
    return None


def _by_column(problem: Problem) -> tuple:
    return (not problem.column, len(problem.column), problem.column)


def _is_blank(row) -> bool:
    for cell in row:
        if cell is not None and not (isinstance(cell, str) and not cell.strip()):
            return False
    return True


class _Memo(dict):
    """How each distinct cell text of one column was read. Ledgers repeat the same dates,
    accounts, names and amounts row after row, so most cells are read once per file; the
    size is capped so that a column of unique texts (voucher numbers) cannot grow it."""

    LIMIT = 20_000

    def remember(self, key, value):
        if len(self) < self.LIMIT:
            self[key] = value
        return value


class _RowReader:
    """Reads the rows of one sheet with one mapping into entries, or into problems.

    The work on a cell is done once per distinct text of its column (see _Memo), so that a
    row whose texts were all met before costs a few lookups and nothing more.
    """

    def __init__(self, mapping: dict[str, int], header: list, period=None):
        self.mapping, self.header, self.period = mapping, header, period
        mapped = "income" in mapping and "expenditure" in mapping
        self.pair = ("income", "expenditure") if mapped else ("debit", "credit")
        # Only text cells are remembered: 1, 1.0 and Decimal("1.00") are equal as keys.
        self.memos = {name: _Memo() for name in (*TEXT_FIELDS, "date", *self.pair)}
        self.required = [mapping[name] for name in REQUIRED]
        self.headings = _Memo()
        # The texts met so far that are no totals labels (only texts: Decimal("sNaN") has no hash).
        self.plain = set()
        self.accounts = _Memo()
        # An unmapped field reads as an empty cell: a column index no row reaches.
        self.columns = {name: mapping.get(name, sys.maxsize) for name in self.memos}
        self.text_columns = [(self.columns[name], self.memos[name]) for name in TEXT_FIELDS]
        self.date_column = self.columns["date"]
        self.amount_columns = [(name, self.columns[name]) for name in self.pair]
        self.problems = []

    def is_totals(self, row) -> bool:
        """is_totals_row, with the texts known not to be totals labels remembered."""
        plain = self.plain
        for cell in row:
            if type(cell) is str and cell not in plain:
                if _is_totals_label(cell):
                    return True
                if len(plain) < _Memo.LIMIT:
                    plain.add(cell)
        return False

    def compare_totals(self, row, line: int, sums: _Sums) -> list[Problem]:
        """A stated total (合计) that is not what the entries above it add up to, as a problem on
        its row; nothing for running sums, subtotals, carries or a total row without amounts."""
        label = _comparable_label(row)
        if label is None:
            return []
        self.line, self.problems = line, []
        width = len(row)
        expected = sums.since(label)
        for (name, index), computed in zip(self.amount_columns, expected, strict=True):
            try:
                stated = parse_amount(row[index] if index < width else None)
            except ValueError:
                continue  # the label itself, or words: nothing stated to compare
            if stated is not None and stated != computed:
                amounts = {"stated": f"{stated:,.2f}", "computed": f"{computed:,.2f}"}
                message = _(
                    "The file's total says %(stated)s, but the entries above add up to "
                    "%(computed)s."
                )
                self.report(name, message % amounts)
        return self.problems

    def repeats_header(self, row) -> bool:
        """Ledgers printed page by page to a file repeat the headings at the top of every page;
        the required columns then hold their headings again."""
        width = min(len(row), len(self.header))
        for index in self.required:
            if index >= width or self.heading(row[index]) != self.header[index]:
                return False
        return True

    def heading(self, cell) -> str:
        if type(cell) is not str:
            return heading_text(cell)
        text = self.headings.get(cell)
        return self.headings.remember(cell, heading_text(cell)) if text is None else text

    def read(self, row, line: int) -> ParsedEntry | None:
        """The row's entry, or None with the row's problems in `problems`."""
        self.line, self.problems = line, []
        width = len(row)
        texts = []
        for index, memo in self.text_columns:
            value = row[index] if index < width else None
            if type(value) is str:
                text = memo.get(value)
                texts.append(memo.remember(value, _clean_text(value)) if text is None else text)
            else:
                texts.append("" if value is None else _clean_text(value))
        voucher_no, summary, code, name, counterparty, handler, approver = texts
        split = self.accounts.get(code)
        if split is None:
            split = self.accounts.remember(code, _split_account(code))
        code, name = split[0], name or split[1]
        if (
            not voucher_no
            or not summary
            or not code
            or len(voucher_no) > MAX_LENGTHS["voucher_no"]
            or len(summary) > MAX_LENGTHS["summary"]
            or len(code) > MAX_LENGTHS["account_code"]
            or len(name) > MAX_LENGTHS["account_name"]
            or len(counterparty) > MAX_LENGTHS["counterparty"]
            or len(handler) > MAX_LENGTHS["handler"]
            or len(approver) > MAX_LENGTHS["approver"]
        ):
            checked = (voucher_no, summary, code, name, counterparty, handler, approver)
            for field_name, text in zip(TEXT_FIELDS, checked, strict=True):
                self.check_text(field_name, text)
        when = self.date(row[self.date_column] if self.date_column < width else None)
        (income_name, income_index), (expenditure_name, expenditure_index) = self.amount_columns
        income = self.amount(income_name, row[income_index] if income_index < width else None)
        expenditure = self.amount(
            expenditure_name, row[expenditure_index] if expenditure_index < width else None
        )
        if income is not None and expenditure is not None:
            self.check_amounts(income, expenditure)
        if self.problems:
            return None
        return ParsedEntry(line, when, voucher_no, summary, code, name, income, expenditure,
                           counterparty, handler, approver)  # fmt: skip

    def report(self, name: str | None, message) -> None:
        index = self.mapping.get(name) if name else None
        if index is None:
            self.problems.append(Problem(self.line, "", "", message))
            return
        heading = self.header[index] if index < len(self.header) else ""
        self.problems.append(Problem(self.line, column_letter(index), heading, message))

    def check_text(self, name: str, text: str) -> None:
        if not text and name in REQUIRED_TEXT:
            self.report(name, _("This cell must not be empty."))
        elif len(text) > MAX_LENGTHS[name]:
            self.report(
                name,
                _("This text is longer than %(limit)s characters.") % {"limit": MAX_LENGTHS[name]},
            )

    def date(self, value) -> date | None:
        memo = self.memos["date"]
        if type(value) is str and value in memo:
            return memo[value]
        # Before the full forms: 12.01 is the first of December, not the Excel day number 12.01.
        without_year = parse_month_day(value) if self.period and type(value) is str else None
        if without_year is not None:
            when = self.date_in_period(value, *without_year)
            return None if when is None else memo.remember(value, when)
        try:
            when = parse_date(value)
        except ValueError as error:
            self.report("date", str(error))
            return None
        return memo.remember(value, when) if type(value) is str else when

    def date_in_period(self, text: str, month: int, day: int, digits: bool) -> "date | None":
        """A day written without its year (12-01) is in the period's year, month first; one that
        is not in the period, or that read day first is another day of the period, is a problem."""
        start, end = self.period
        when, other = _day(start.year, month, day), _day(start.year, day, month) if digits else None
        if when is None or not start <= when <= end:
            self.report(
                "date",
                _(
                    "“%(value)s” has no year, and the period %(start)s to %(end)s has no such "
                    "day; write the date in full, like %(example)s."
                )
                % {"value": text, "start": start, "end": end, "example": start.isoformat()},
            )
            return None
        if other is not None and other != when and start <= other <= end:
            self.report(
                "date",
                _(
                    "“%(value)s” has no year and could be %(one)s or %(other)s; write the date in "
                    "full, like %(one)s."
                )
                % {"value": text, "one": when.isoformat(), "other": other.isoformat()},
            )
            return None
        return when

    def check_amounts(self, income: Decimal, expenditure: Decimal) -> None:
        if not income and not expenditure:
            self.report(None, _("The row has neither income nor expenditure."))
        elif income and expenditure:
            self.report(
                None,
                _("The row has both income and expenditure; put them on two rows."),
            )

    def amount(self, name: str, value) -> Decimal | None:
        memo = self.memos[name]
        if type(value) is str and value in memo:
            return memo[value]
        try:
            amount = parse_amount(value)
        except ValueError as error:
            self.report(name, str(error))
            return None
        # A negative amount, often written in parentheses, is a reversal (红字冲销) and is kept.
        amount = ZERO if amount is None else amount
        return memo.remember(value, amount) if type(value) is str else amount


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _split_account(text: str) -> tuple[str, str]:
    """The code, and the name when the cell holds both ("5301 管理费用"), else an empty name."""
    code_and_name = _CODE_AND_NAME.fullmatch(text)
    return (code_and_name[1], code_and_name[2]) if code_and_name else (text, "")


def _clean_text(value) -> str:
    if isinstance(value, str):
        text = value
    else:
        text = value.isoformat() if isinstance(value, date) else str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if "\x00" in text:
        # A NUL byte is never meant in a ledger (damaged files carry them) and PostgreSQL
        # cannot store one in text.
        text = text.replace("\x00", "")
    return " ".join(text.split())
