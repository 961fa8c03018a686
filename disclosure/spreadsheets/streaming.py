"""The cells of one sheet of an XLSX workbook, read straight from the sheet's XML as it unzips.

A workbook is a zip of XML parts (ECMA-376): the sheet's rows in xl/worksheets/sheetN.xml, the
texts they share in xl/sharedStrings.xml, the number formats that make a number a date in
xl/styles.xml. Each row is given as soon as its closing tag is read and then dropped from the
parsed tree, so memory holds the shared texts and one row whatever the sheet's length (a reader
that keeps the parsed rows, even emptied, grows with every row).

The XML is read by lxml (libxml2), which picks out the rows in C; entities are never expanded
and nothing is fetched from the network, so an entity bomb or an external reference stays inert.

Values come as the workbook stores them: str, int, float, bool, datetime (or time, or timedelta
for a date format on a small number); reading.py turns them into the cells the portal uses.
"""

import datetime
import posixpath
import zipfile
from collections.abc import Iterator
from typing import IO

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
INLINE_TEXT = f"{MAIN}is/{MAIN}t"
SAFE = {"resolve_entities": False, "no_network": True, "huge_tree": False}


class NotAWorkbook(Exception):
    """The file lacks a part every XLSX workbook has, or a part is not what it should be."""


def sheet_rows(archive: zipfile.ZipFile, name: str) -> Iterator[list]:
    """The rows of the sheet called `name`, row i of the sheet as the i-th list (an empty row
    as []), each as long as its last cell."""
    try:
        path, epoch = _sheet_part(archive, name)
        texts = _shared_texts(archive)
        dates = _date_styles(archive)
        with archive.open(path) as source:
            yield from _rows(source, texts, dates, epoch)
    except (KeyError, ValueError, IndexError, OverflowError) as error:
        raise NotAWorkbook(str(error)) from error
    except etree.LxmlError as error:
        raise NotAWorkbook(str(error)) from error


def _sheet_part(archive: zipfile.ZipFile, name: str) -> tuple[str, datetime.datetime]:
    workbook = _parsed(archive, "xl/workbook.xml")
    properties = workbook.find(f"{MAIN}workbookPr")
    in_1904 = properties is not None and properties.get("date1904") in ("1", "true")
    ids = {sheet.get("name"): sheet.get(RELATIONSHIP) for sheet in workbook.iter(f"{MAIN}sheet")}
    targets = {
        relation.get("Id"): relation.get("Target")
        for relation in _parsed(archive, "xl/_rels/workbook.xml.rels").iter(PACKAGE_RELATIONSHIP)
    }
    target = targets[ids[name]]
    path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return posixpath.normpath(path), CALENDAR_MAC_1904 if in_1904 else CALENDAR_WINDOWS_1900


def _parsed(archive: zipfile.ZipFile, path: str):
    """A small part (the workbook's list of sheets, its relations, its styles), whole."""
    with archive.open(path) as part:
        return etree.parse(part, etree.XMLParser(**SAFE)).getroot()


def _shared_texts(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    texts = []
    with archive.open("xl/sharedStrings.xml") as part:
        for _event, element in etree.iterparse(part, tag=f"{MAIN}si", **SAFE):
            texts.append(_text_of(element))
            _drop(element)
    return texts


def _text_of(element) -> str:
    """The text of a shared or inline string: its own text, or its runs' texts, without the
    phonetic guides (rPh) that East Asian workbooks add."""
    own = element.find(f"{MAIN}t")
    if own is not None:
        return own.text or ""
    return "".join(run.findtext(f"{MAIN}t") or "" for run in element.iter(f"{MAIN}r"))


def _date_styles(archive: zipfile.ZipFile) -> list[bool]:
    """For each cell style (its index in cellXfs), whether its number format shows a date."""
    if "xl/styles.xml" not in archive.namelist():
        return []
    styles = _parsed(archive, "xl/styles.xml")
    formats = dict(BUILTIN_FORMATS)
    for number_format in styles.iter(f"{MAIN}numFmt"):
        formats[int(number_format.get("numFmtId"))] = number_format.get("formatCode", "")
    cell_styles = styles.find(f"{MAIN}cellXfs")
    if cell_styles is None:
        return []
    return [
        is_date_format(formats.get(int(style.get("numFmtId", 0)), ""))
        for style in cell_styles.iter(f"{MAIN}xf")
    ]


def _rows(source: IO[bytes], texts: list[str], dates: list[bool], epoch) -> Iterator[list]:
    given = 0
    for _event, element in etree.iterparse(source, tag=f"{MAIN}row", **SAFE):
        number = int(element.get("r") or given + 1)
        for _missing in range(given + 1, number):
            yield []
        given = number
        yield _row(element, texts, dates, epoch)
        _drop(element)


def _drop(element) -> None:
    """Forget an element read and used, and those before it: else every one stays in the tree."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]


def _row(element, texts: list[str], dates: list[bool], epoch) -> list:
    cells = []
    for cell in element.iterchildren(f"{MAIN}c"):
        reference = cell.get("r")
        if reference:
            column = column_index_from_string(reference.rstrip("0123456789"))
            cells.extend([None] * (column - 1 - len(cells)))
        cells.append(_value(cell, texts, dates, epoch))
    return cells


def _value(cell, texts: list[str], dates: list[bool], epoch):
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        text = cell.findtext(INLINE_TEXT)  # the usual plain text, found in one call
        if text is not None:
            return text
        inline = cell.find(f"{MAIN}is")
        return _text_of(inline) if inline is not None else None
    raw = cell.findtext(f"{MAIN}v")
    if raw is None:
        return None
    if kind == "s":
        return texts[int(raw)]
    if kind in ("str", "e"):
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "d":
        return datetime.datetime.fromisoformat(raw)
    number = float(raw)
    style = int(cell.get("s", 0))
    if style < len(dates) and dates[style]:
        return from_excel(number, epoch)
    return int(number) if number.is_integer() and "." not in raw and "E" not in raw else number
