"""Reading uploaded ledgers: CSV in the encodings Chinese offices use, and Excel workbooks."""

import codecs
import csv
import datetime
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import python_calamine
from django.utils.translation import gettext_lazy as _

from . import streaming

DELIMITERS = (",", "\t", ";")
_CHUNK = 1 << 20
# What a workbook may unpack to: a million-row sheet; more is a mistake or a zip bomb.
MAX_UNPACKED = 1 << 29
# An XLSX workbook that unpacks to more than this (about 300,000 ledger rows) is streamed rather
# than read whole: its rows would take gigabytes as Python objects.
STREAM_ABOVE = 1 << 26
_SAMPLE = 1 << 16
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NOT_TABLES = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"7z\xbc\xaf")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class UnreadableFile(Exception):
    """The upload is not a table we can read; `message` says why, in the visitor's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


@dataclass
class Sheet:
    """One table of an upload. `rows` holds lists of cell values (str, Decimal, int, date or None).

    For CSV, `rows` is a lazy `CsvRows`: each iteration decodes the file afresh, one row at a time,
    so a million-row file never sits in memory as Python objects; iterating it may raise
    UnreadableFile if the file turns out damaged further down. A large XLSX workbook's rows are
    likewise a lazy `XlsxRows`; a smaller workbook's are a list.
    Row i of `rows` is spreadsheet row i + 1, column j is the j-th letter: nothing is trimmed.
    """

    name: str
    rows: "list[list] | CsvRows"


@dataclass
class Workbook:
    """What read_table found: the sheets the clerk can pick from, and how the file was read."""

    sheets: list[Sheet]
    format: str
    encoding: str = ""
    delimiter: str = ""


def read_table(data: bytes, filename: str, *, sheet: str | None = None) -> Workbook:
    """Read an uploaded ledger (CSV, XLSX, XLS or ODS) into sheets of rows.

    The format is recognised from the content, the file name only breaks ties. A CSV's encoding
    (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 which covers GBK) and delimiter
    (comma, tab or semicolon) are detected. A workbook lists its visible sheets that have
    something in them, in their order; with `sheet`, only that one (none if it is not there
    or empty), since reading a large sheet takes time. Raises UnreadableFile for an empty,
    damaged or unsupported file.
    """
    if not re.search(rb"\S", data):
        raise UnreadableFile(_("The file is empty."))
    if data.startswith(_ZIP) or data.startswith(_OLE2):
        return _read_workbook(data, sheet)
    if data.startswith(_NOT_TABLES):
        raise UnreadableFile(_NOT_A_TABLE)
    if filename.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        raise UnreadableFile(_DAMAGED)
    return _read_csv(data, filename)


_NOT_A_TABLE = _(
    "This file is not a spreadsheet. Upload the ledger as an Excel workbook (.xlsx or .xls) "
    "or as a CSV file."
)
_DAMAGED = _(
    "This file is damaged or is not really a spreadsheet. Open it in Excel or WPS, save it "
    "again as .xlsx, and upload it once more."
)


def _read_workbook(data: bytes, only: str | None) -> Workbook:
    unpacked = _unpacked_size(data) if data.startswith(_ZIP) else 0
    if unpacked > MAX_UNPACKED:
        raise UnreadableFile(
            _(
                "This workbook is too large to read. Split it into smaller files, or save the "
                "sheet as CSV and upload that."
            )
        )
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        stream = unpacked > STREAM_ABOVE and _workbook_format(data) == "xlsx"
        sheets = [
            Sheet(
                name=meta.name,
                rows=XlsxRows(data, meta.name) if stream else _sheet_rows(book, meta.name),
            )
            for meta in _visible_sheets(book)
            if only is None or meta.name == only
        ]
    except python_calamine.PasswordError:
        raise UnreadableFile(
            _("This workbook is protected by a password. Remove the password and upload it again.")
        ) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        # The reader is native code fed untrusted bytes: any failure means a damaged file.
        raise UnreadableFile(_DAMAGED) from None
    sheets = [sheet for sheet in sheets if sheet.rows]
    if not sheets and only is None:
        raise UnreadableFile(_("The workbook has no filled-in sheet."))
    return Workbook(sheets=sheets, format=_workbook_format(data))


def _unpacked_size(data: bytes) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise UnreadableFile(_DAMAGED) from None


def _workbook_format(data: bytes) -> str:
    if data.startswith(_OLE2):
        return "xls"
    # An OpenDocument file names its type in the first, uncompressed member.
    return "ods" if b"opendocument.spreadsheet" in data[:200] else "xlsx"


def _visible_sheets(book):
    kinds, states = python_calamine.SheetTypeEnum, python_calamine.SheetVisibleEnum
    worksheets = [m for m in book.sheets_metadata if m.typ == kinds.WorkSheet]
    visible = [m for m in worksheets if m.visible == states.Visible]
    return visible or worksheets


def _sheet_rows(book, name: str) -> list[list]:
    sheet = book.get_sheet_by_name(name)
    # Row by row, so that the sheet is never held twice as Python objects. iter_rows leaves
    # out the empty columns left of the data (the empty rows above it are there): put them back.
    left = [None] * (sheet.start[1] if sheet.start else 0)
    # Most cells are text: they are taken as they are without a call per cell. A ledger repeats
    # its texts row after row; each distinct one is kept once, which makes the rows smaller.
    texts = {}
    rows = [
        left
        + [
            (texts.setdefault(value, value) or None) if type(value) is str else _cell(value)
            for value in row
        ]
        for row in sheet.iter_rows()
    ]
    while rows and not any(value is not None for value in rows[-1]):
        rows.pop()
    return rows


class XlsxRows:
    """The rows of one sheet of an XLSX workbook, streamed from its XML each time they are
    iterated (streaming.py): memory holds the sheet's distinct texts and one row, whatever its
    length. Rows are as `_sheet_rows` gives them, except that each is only as wide as its last
    cell. Iterating may raise UnreadableFile if the sheet turns out damaged further down."""

    def __init__(self, data: bytes, name: str):
        self.data = data
        self.name = name

    def __iter__(self) -> Iterator[list]:
        empty = 0  # empty rows seen but not yet given: those at the end are not given
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                for row in streaming.sheet_rows(archive, self.name):
                    cells = [
                        (value or None) if type(value) is str else _cell(value) for value in row
                    ]
                    if not any(value is not None for value in cells):
                        empty += 1
                        continue
                    yield from [[]] * empty
                    empty = 0
                    yield cells
        except (zipfile.BadZipFile, streaming.NotAWorkbook):
            raise UnreadableFile(_DAMAGED) from None

    def __bool__(self) -> bool:
        return any(True for _row in self)


def _cell(value):
    if value == "" or value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        # Excel keeps 15 significant digits and shows no more: 0.1 + 0.2 is 0.3 to the clerk.
        number = Decimal(format(value, ".15g"))
        return int(number) if number == number.to_integral_value() else number
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.time | datetime.timedelta):
        return str(value)
    return value


def _read_csv(data: bytes, filename: str) -> Workbook:
    encoding = detect_encoding(data)
    sample = _decoded_sample(data, encoding)
    if not sample.replace("\ufeff", "").strip():
        raise UnreadableFile(_("The file is empty."))
    if _looks_binary(sample):
        raise UnreadableFile(_NOT_A_TABLE)
    delimiter = sniff_delimiter(sample)
    name = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "CSV"
    rows = CsvRows(data, encoding=encoding, delimiter=delimiter)
    return Workbook(
        sheets=[Sheet(name=name, rows=rows)], format="csv", encoding=encoding, delimiter=delimiter
    )


def detect_encoding(data: bytes) -> str:
    """The encoding of a CSV file: a BOM decides; else UTF-8 if it decodes, else GB18030.

    A file that is plainly UTF-8 up to a byte that is not is refused rather than read as
    GB18030, which would turn all its Chinese into nonsense without a word.
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    else:
        error = _first_error(data, "utf-8")
        if error is None:
            return "utf-8"
        if _utf8_characters(data[max(0, error - _CHUNK) : error]) >= _PLAINLY_UTF8:
            raise UnreadableFile(_MIXED)
        encoding = "gb18030"
    if _first_error(data, encoding) is not None:
        raise UnreadableFile(_UNKNOWN_ENCODING)
    return encoding


_UNKNOWN_ENCODING = _(
    "The text of this file is in an encoding we cannot read. Save it from Excel or "
    "WPS as “CSV UTF-8” or as .xlsx, and upload it again."
)
_MIXED = _(
    "Part of this file is in another encoding than the rest, perhaps because it was put "
    "together from two files. Open it in Excel or WPS, save it as “CSV UTF-8” or as .xlsx, "
    "and upload it again."
)
# Fewer UTF-8 characters than this before a bad byte could be chance in a GBK file.
_PLAINLY_UTF8 = 20
_UTF8_LEADS = [bytes([lead]) for lead in range(0xC2, 0xF5)]


def _utf8_characters(data: bytes) -> int:
    return sum(data.count(lead) for lead in _UTF8_LEADS)


def _first_error(data: bytes, encoding: str) -> int | None:
    """Where decoding fails first, or None; in chunks, so the text is never held whole."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    start = 0
    try:
        for start in range(0, len(view), _CHUNK):
            decoder.decode(view[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        return start + max(error.start, 0)
    return None


def _decoded_sample(data: bytes, encoding: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)()
    return decoder.decode(data[:_SAMPLE])


def _looks_binary(sample: str) -> bool:
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\r\n\f")
    return "\x00" in sample or controls > len(sample) // 100


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's lines into the most rows of one common width."""
    lines = sample.splitlines()[:-1] or sample.splitlines()

    def score(delimiter):
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter) if any(row)]
        width, count = Counter(widths).most_common(1)[0] if widths else (1, 0)
        return (count if width > 1 else 0, width)

    return max(DELIMITERS, key=score)


class CsvRows:
    """The rows of a CSV file, decoded lazily each time they are iterated."""

    def __init__(self, data: bytes, *, encoding: str, delimiter: str):
        self.data = data
        self.encoding = encoding
        self.delimiter = delimiter

    def __iter__(self) -> Iterator[list]:
        text = io.TextIOWrapper(io.BytesIO(self.data), encoding=self.encoding, newline="")
        try:
            for row in csv.reader(text, delimiter=self.delimiter):
                # Plain cells, nearly all of them, are taken without a call per cell.
                yield [
                    cell if cell and cell[0] != "=" and not cell.isspace() else _csv_cell(cell)
                    for cell in row
                ]
        except csv.Error:
            raise UnreadableFile(_DAMAGED) from None


def _csv_cell(cell: str):
    if not cell or cell.isspace():
        return None
    # Bank and accounting exports write ="0012" so that Excel keeps leading zeros.
    if cell[0] == "=" and cell.startswith('="') and cell.endswith('"') and len(cell) > 2:
        return cell[2:-1] or None
    return cell
