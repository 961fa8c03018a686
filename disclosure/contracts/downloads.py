"""The contracts of a village as a table: CSV, XLSX and JSON downloads carry the same rows.

Identity numbers leave only masked, like on every public surface.
"""

import csv
import datetime
import io
import json

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from .selectors import ContractStatus

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def _columns():
    return [
        ("code", _("Permalink code")),
        ("title", _("Title")),
        ("counterparty", pgettext("contract", "Counterparty")),
        ("identity_number", _("Identity number")),
        ("subject", _("Asset or resource concerned")),
        ("purpose", _("Purpose")),
        ("direction", _("Money flow")),
        ("start_date", _("Start of term")),
        ("end_date", _("End of term")),
        ("total_amount", _("Total amount (yuan)")),
        ("award_method", _("How the counterparty was chosen")),
        ("decision", _("Authorising decision")),
        ("paid", _("Paid so far (yuan)")),
        ("arrears", _("Arrears (yuan)")),
        ("status", _("Payment status")),
        ("expiring", _("Expiring soon")),
    ]


def row(status: ContractStatus) -> dict:
    contract = status.contract
    return {
        "code": status.posting.code,
        "title": contract.revision.title,
        "counterparty": contract.counterparty,
        "identity_number": contract.masked_identity_number,
        "subject": contract.subject,
        "purpose": contract.purpose,
        "direction": str(contract.get_direction_display()),
        "start_date": contract.start_date.isoformat(),
        "end_date": contract.end_date.isoformat(),
        "total_amount": f"{contract.total_amount:.2f}",
        "award_method": str(contract.get_award_method_display()),
        "decision": contract.decision_reference,
        "paid": f"{status.standing.paid:.2f}",
        "arrears": f"{status.standing.arrears:.2f}",
        "status": str(status.standing.label),
        "expiring": status.expiring,
    }


def as_csv(statuses: list[ContractStatus]) -> bytes:
    out = io.StringIO()
    columns = _columns()
    writer = csv.writer(out)
    writer.writerow([label for _key, label in columns])
    for status in statuses:
        values = row(status)
        writer.writerow([_cell(values[key]) for key, _label in columns])
    # The byte order mark makes Excel, which villagers open CSV files with, read UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value) -> str:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    # A spreadsheet would run text starting like a formula; a leading quote keeps it text.
    if value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def as_xlsx(statuses: list[ContractStatus]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Contracts")
    columns = _columns()
    sheet.append([str(label) for _key, label in columns])
    for status in statuses:
        values = row(status)
        sheet.append([_cell(values[key]) for key, _label in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def as_json(statuses: list[ContractStatus], village, today: datetime.date) -> bytes:
    document = {
        "village": village.code,
        "as_of": today.isoformat(),
        "contracts": [row(status) for status in statuses],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
