"""Turning an uploaded CSV or XLSX file into a table of cells, as the ledger import reads them."""

from django.utils.translation import gettext as _

from disclosure.spreadsheets import UnreadableFile, read_table

from .imports import ImportRefused, Problem

MAX_BYTES = 5 * 1024 * 1024


def table_of(upload) -> list[list]:
    """The rows of the first sheet of the upload (CSV in UTF-8 or GBK, XLSX, XLS)."""
    content = upload.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise ImportRefused([Problem(None, None, _("The file is larger than 5 MB."))])
    try:
        workbook = read_table(content, upload.name or "")
        return [list(row) for row in workbook.sheets[0].rows]
    except UnreadableFile as error:
        raise ImportRefused([Problem(None, None, str(error))]) from None
