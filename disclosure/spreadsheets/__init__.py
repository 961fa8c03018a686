"""Reading the tables staff upload (CSV in any encoding offices use, XLSX, XLS) and the values in
their cells: pure functions, no database. Ledgers (finance.parsing), benefit lists and the asset
registers all read their files here.

    book = read_table(data, filename)      # raises UnreadableFile with a message for the clerk
    for row in book.sheets[0].rows: ...    # cells as text, dates, whole numbers or exact decimals
    parse_amount(cell), parse_date(cell)   # raise ValueError with a message for the clerk

Messages are translated (gettext) into the active language when raised.
"""

from .reading import Sheet, UnreadableFile, Workbook, read_table
from .values import AMOUNT_LIMIT, normalise, parse_amount, parse_date

__all__ = [
    "AMOUNT_LIMIT",
    "Sheet",
    "UnreadableFile",
    "Workbook",
    "normalise",
    "parse_amount",
    "parse_date",
    "read_table",
]
