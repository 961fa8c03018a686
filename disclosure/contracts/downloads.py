"""The contracts of a village as a table: CSV, XLSX and JSON downloads carry the same rows.

Identity numbers leave only masked, like on every public surface.
"""

import datetime
import json
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from disclosure.spreadsheets import writing

from .selectors import ContractStatus

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
# Written as numbers in CSV and XLSX, as exact decimal strings in JSON.
AMOUNTS = ("total_amount", "paid", "arrears")


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


def _table(statuses: list[ContractStatus]) -> list[list]:
    columns = _columns()
    rows = [[str(label) for _key, label in columns]]
    for status in statuses:
        values = row(status)
        rows.append([_cell(key, values[key]) for key, _label in columns])
    return rows


def _cell(key: str, value):
    if key in AMOUNTS:
        return Decimal(value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return value


def as_csv(statuses: list[ContractStatus]) -> bytes:
    return writing.as_csv(_table(statuses))


def as_xlsx(statuses: list[ContractStatus]) -> bytes:
    columns = [key for key, _label in _columns()]
    formats = {columns.index(key): writing.MONEY for key in AMOUNTS}
    return writing.as_xlsx([writing.Sheet(_("Contracts"), _table(statuses), formats)])


def as_json(statuses: list[ContractStatus], village, today: datetime.date) -> bytes:
    document = {
        "village": village.code,
        "as_of": today.isoformat(),
        "contracts": [row(status) for status in statuses],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
