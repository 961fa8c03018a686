"""A published period's ledger as a file: CSV for any program, XLSX for Excel and WPS, JSON.

Every value passes through the same masking as the pages; amounts are written exactly, as
"1234.50" in CSV and JSON and as two-decimal numbers in XLSX.
"""

import csv
import io
import json
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from disclosure.portal.http import village_page

from ..models import ENTRY_FIELDS, Balance, Category, Fund
from ..selectors import entries_of, period_revision, public_row

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = "#,##0.00"


def _headers() -> list[str]:
    return [
        _("Line"),
        _("Date"),
        _("Voucher number"),
        _("Summary"),
        _("Account code"),
        _("Account name"),
        _("Category"),
        _("Cash or bank"),
        _("Income"),
        _("Expenditure"),
        _("Counterparty"),
        _("Handled by"),
        _("Approved by"),
        _("Hospitality"),
    ]


def _readable(row: dict) -> list:
    """A row for people: category and fund by their names, yes or no for hospitality."""
    shown = dict(row)
    shown["category"] = Category(row["category"]).label
    shown["fund"] = Fund(row["fund"]).label
    shown["is_hospitality"] = _("Yes") if row["is_hospitality"] else _("No")
    return [str(shown[field]) for field in ENTRY_FIELDS]


def _filename(revision, extension: str) -> str:
    return f"ledger-{revision.posting.code}-{revision.number}.{extension}"


def _attachment(content, content_type: str, revision, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(revision, extension)}"'
    return response


@village_page
def ledger_csv(request, code, number):
    revision = period_revision(code, number)
    # The byte-order mark makes Excel on Chinese Windows read UTF-8 instead of GBK.
    buffer = io.StringIO("\ufeff")
    buffer.seek(0, io.SEEK_END)
    writer = csv.writer(buffer)
    writer.writerow(_headers())
    for entry in entries_of(revision):
        writer.writerow(_readable(public_row(entry)))
    return _attachment(buffer.getvalue(), "text/csv; charset=utf-8", revision, "csv")


def _entries_sheet(sheet, revision) -> None:
    sheet.title = _("Ledger entries")
    sheet.append(_headers())
    income, expenditure = ENTRY_FIELDS.index("income") + 1, ENTRY_FIELDS.index("expenditure") + 1
    for entry in entries_of(revision):
        cells = _readable(public_row(entry))
        cells[0] = entry.line
        cells[income - 1], cells[expenditure - 1] = entry.income, entry.expenditure
        sheet.append(cells)
        for column in (income, expenditure):
            sheet.cell(row=sheet.max_row, column=column).number_format = MONEY_FORMAT


def _balances_sheet(sheet, revision) -> None:
    sheet.append([_("Cash or bank"), _("Opening balance"), _("Closing balance")])
    for balance in Balance.objects.filter(revision=revision).order_by("fund"):
        sheet.append([str(Fund(balance.fund).label), balance.opening, balance.closing])
        for column in (2, 3):
            sheet.cell(row=sheet.max_row, column=column).number_format = MONEY_FORMAT


@village_page
def ledger_xlsx(request, code, number):
    revision = period_revision(code, number)
    workbook = Workbook(write_only=False)
    _entries_sheet(workbook.active, revision)
    _balances_sheet(workbook.create_sheet(_("Balances")), revision)
    content = io.BytesIO()
    workbook.save(content)
    return _attachment(content.getvalue(), XLSX, revision, "xlsx")


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


@village_page
def ledger_json(request, code, number):
    revision = period_revision(code, number)
    balances = Balance.objects.filter(revision=revision).order_by("fund")
    document = {
        "village": revision.posting.village.code,
        "posting": revision.posting.code,
        "revision": revision.number,
        "title": revision.title,
        "published_at": revision.published_at.isoformat(),
        "digest": revision.digest,
        "balances": [
            {"fund": b.fund, "opening": _money(b.opening), "closing": _money(b.closing)}
            for b in balances
        ],
        "entries": [public_row(entry) for entry in entries_of(revision)],
    }
    content = json.dumps(document, ensure_ascii=False, indent=1)
    return _attachment(content, "application/json; charset=utf-8", revision, "json")
