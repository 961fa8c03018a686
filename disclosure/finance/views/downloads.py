"""A published period's ledger as a file: CSV for any program, XLSX for Excel and WPS, JSON.

Every value passes through the same masking as the pages; amounts are written exactly, as
"1234.50" in CSV and JSON and as two-decimal numbers in XLSX.
"""

import json
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

from disclosure.portal.http import village_page
from disclosure.spreadsheets import writing

from ..models import ENTRY_FIELDS, Balance, Category, Fund
from ..selectors import entries_of, period_revision, public_row

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        _("Three-public spending"),
    ]


def _readable(entry) -> list:
    """A row for people: category and fund by their names, yes or no for three-public spending,
    the line and the amounts as numbers."""
    shown = dict(public_row(entry))
    shown["category"] = Category(shown["category"]).label
    shown["fund"] = Fund(shown["fund"]).label
    shown["is_hospitality"] = _("Yes") if shown["is_hospitality"] else _("No")
    shown.update(line=entry.line, income=entry.income, expenditure=entry.expenditure)
    return [shown[field] for field in ENTRY_FIELDS]


def _filename(revision, extension: str) -> str:
    return f"ledger-{revision.posting.code}-{revision.number}.{extension}"


def _attachment(content, content_type: str, revision, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(revision, extension)}"'
    return response


@village_page
def ledger_csv(request, code, number):
    revision = period_revision(code, number)
    rows = [_headers(), *(_readable(entry) for entry in entries_of(revision))]
    return _attachment(writing.as_csv(rows), "text/csv; charset=utf-8", revision, "csv")


def _entries_sheet(revision) -> writing.Sheet:
    rows = [_headers(), *(_readable(entry) for entry in entries_of(revision))]
    amounts = {ENTRY_FIELDS.index("income"): writing.MONEY}
    amounts[ENTRY_FIELDS.index("expenditure")] = writing.MONEY
    return writing.Sheet(_("Ledger entries"), rows, amounts)


def _balances_sheet(revision) -> writing.Sheet:
    rows = [[_("Cash or bank"), _("Opening balance"), _("Closing balance")]]
    for balance in Balance.objects.filter(revision=revision).order_by("fund"):
        rows.append([Fund(balance.fund).label, balance.opening, balance.closing])
    return writing.Sheet(_("Balances"), rows, {1: writing.MONEY, 2: writing.MONEY})


@village_page
def ledger_xlsx(request, code, number):
    revision = period_revision(code, number)
    content = writing.as_xlsx([_entries_sheet(revision), _balances_sheet(revision)])
    return _attachment(content, XLSX, revision, "xlsx")


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
