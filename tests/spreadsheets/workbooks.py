"""Excel workbooks made in the tests, so that no fixture files are needed."""

import io

import openpyxl


def workbook_bytes(sheets: dict[str, list[list]], merge: dict[str, str] | None = None) -> bytes:
    """An .xlsx with one sheet per name ({name: rows}), cells merged as `merge` gives per sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if merge and name in merge:
            sheet.merge_cells(merge[name])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
