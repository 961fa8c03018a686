"""Turning the rows under a ledger's header into entries, and every bad cell into a problem."""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .headers import REQUIRED, is_subheader, merge_headings, missing_fields
from .values import parse_amount, parse_date

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
    for cell in texts:
        if _TOTALS_HINT.search(cell):
            text = _NOT_WORD.sub("", unicodedata.normalize("NFKC", cell)).lower()
            if text and _TOTALS.fullmatch(text):
                return True
    return False


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
    rows, mapping: dict[str, int], header_index: int, *, result: ParseResult
) -> Iterator[ParsedEntry]:
    """Like parse_entries, one entry at a time, so that a large file can be saved as it is read.

    Problems and totals rows are recorded on `result` as they are met; `result.entries` is
    left alone. Check `result.problem_count` once the iteration is over.
    """
    missing = missing_fields(mapping)
    if missing:
        raise ValueError(f"columns not mapped: {', '.join(missing)}")
    header = []
    for index, row in enumerate(rows):
        if index == header_index:
            header = merge_headings(row, [])
        elif index == header_index + 1 and is_subheader(row):
            header = merge_headings(header, row)
            continue
        if index <= header_index or _is_blank(row):
            continue
        if is_totals_row(row):
            result.totals_rows += 1
            continue
        if _repeats_header(row, header, mapping):
            continue
        reader = _RowReader(row, index + 1, mapping, header)
        entry = reader.entry()
        if reader.problems:
            result.add_problems(sorted(reader.problems, key=_by_column))
        else:
            yield entry


def _repeats_header(row, header: list[str], mapping: dict[str, int]) -> bool:
    # Ledgers printed page by page to a file repeat the headings at the top of every page.
    texts = merge_headings(row, [])
    columns = [mapping[name] for name in REQUIRED]
    width = min(len(texts), len(header))
    return all(index < width and texts[index] == header[index] for index in columns)


def _by_column(problem: Problem) -> tuple:
    return (not problem.column, len(problem.column), problem.column)


def _is_blank(row) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


class _RowReader:
    def __init__(self, row, line: int, mapping: dict[str, int], header: list):
        self.row, self.line, self.mapping, self.header = row, line, mapping, header
        self.problems: list[Problem] = []

    def entry(self) -> ParsedEntry | None:
        texts = {name: self.text(name) for name in TEXT_FIELDS}
        code_and_name = _CODE_AND_NAME.fullmatch(texts["account_code"])
        if code_and_name:
            texts["account_code"] = code_and_name[1]
            texts["account_name"] = texts["account_name"] or code_and_name[2]
        for name, text in texts.items():
            self.check_text(name, text)
        when = self.date()
        income, expenditure = self.amounts()
        if self.problems:
            return None
        return ParsedEntry(line=self.line, date=when, income=income, expenditure=expenditure,
                           **texts)  # fmt: skip

    def cell(self, name: str):
        index = self.mapping.get(name)
        if index is None or index >= len(self.row):
            return None
        return self.row[index]

    def report(self, name: str | None, message) -> None:
        index = self.mapping.get(name) if name else None
        if index is None:
            self.problems.append(Problem(self.line, "", "", message))
            return
        heading = self.header[index] if index < len(self.header) else ""
        self.problems.append(Problem(self.line, column_letter(index), heading, message))

    def text(self, name: str) -> str:
        value = self.cell(name)
        return "" if value is None else _clean_text(value)

    def check_text(self, name: str, text: str) -> None:
        if not text and name in REQUIRED_TEXT:
            self.report(name, _("This cell must not be empty."))
        elif len(text) > MAX_LENGTHS[name]:
            self.report(
                name,
                _("This text is longer than %(limit)s characters.") % {"limit": MAX_LENGTHS[name]},
            )

    def date(self) -> date | None:
        try:
            return parse_date(self.cell("date"))
        except ValueError as error:
            self.report("date", str(error))
            return None

    def amounts(self) -> tuple[Decimal, Decimal]:
        mapped = "income" in self.mapping and "expenditure" in self.mapping
        pair = ("income", "expenditure") if mapped else ("debit", "credit")
        income, expenditure = (self.amount(name) for name in pair)
        if income is None or expenditure is None:
            return ZERO, ZERO
        if not income and not expenditure:
            self.report(None, _("The row has neither income nor expenditure."))
        elif income and expenditure:
            self.report(
                None,
                _("The row has both income and expenditure; put them on two rows."),
            )
        return income, expenditure

    def amount(self, name: str) -> Decimal | None:
        try:
            amount = parse_amount(self.cell(name))
        except ValueError as error:
            self.report(name, str(error))
            return None
        # A negative amount, often written in parentheses, is a reversal (红字冲销) and is kept.
        return amount if amount is not None else ZERO


def _clean_text(value) -> str:
    if isinstance(value, str):
        text = value
    else:
        text = value.isoformat() if isinstance(value, date) else str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())
