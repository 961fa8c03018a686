"""Reading ledger files clerks upload: pure functions, no database. The file itself and the
values of its cells are read by disclosure.spreadsheets, which this package re-exports.

Typical use, as in the import services::

    book = read_table(data, filename)            # raises UnreadableFile
    sheet = book.sheets[0]                       # or the one the clerk picked
    header_index = find_header(sheet.rows)
    header = header_row(sheet.rows, header_index)   # folds in a sub-header (金额 → 收入, 支出)
    mapping = saved_mapping or guess_mapping(header)   # remembered by header_signature(header)
    if missing_fields(mapping): ...              # ask the clerk to map those columns
    result = parse_entries(sheet.rows, mapping, header_index)
    # result.entries, result.problems (row, column letter, heading, message), result.totals_rows
    # For a large file, iter_entries(...) yields the same entries one at a time.

Messages are translated (gettext) into the active language when raised. Text fields of a
ParsedEntry respect MAX_LENGTHS, amounts are Decimal with two places, between 0 and AMOUNT_LIMIT.
"""

from disclosure.spreadsheets import (
    AMOUNT_LIMIT,
    Sheet,
    UnreadableFile,
    Workbook,
    parse_amount,
    parse_date,
    read_table,
)

from .entries import (
    MAX_LENGTHS,
    PROBLEM_LIMIT,
    ParsedEntry,
    ParseResult,
    Problem,
    column_letter,
    is_totals_row,
    iter_entries,
    parse_entries,
)
from .headers import (
    FIELD_LABELS,
    FIELDS,
    REQUIRED,
    find_header,
    guess_mapping,
    header_row,
    header_signature,
    missing_fields,
)
from .template import build_template

__all__ = [
    "AMOUNT_LIMIT",
    "FIELDS",
    "FIELD_LABELS",
    "MAX_LENGTHS",
    "PROBLEM_LIMIT",
    "REQUIRED",
    "ParseResult",
    "ParsedEntry",
    "Problem",
    "Sheet",
    "UnreadableFile",
    "Workbook",
    "build_template",
    "column_letter",
    "find_header",
    "guess_mapping",
    "header_row",
    "header_signature",
    "is_totals_row",
    "iter_entries",
    "missing_fields",
    "parse_amount",
    "parse_date",
    "parse_entries",
    "read_table",
]
