"""A published benefit list as a document for downloads and the API, masked as on the page."""

import json
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from disclosure.spreadsheets import writing

from .selectors import public_view


def document(revision, *, with_recipients: bool = True, policies: dict | None = None) -> dict:
    """Strings, integers and booleans only: amounts are written as exact decimal strings."""
    listing = public_view(revision, with_recipients=with_recipients, policies=policies)
    return {
        "posting": revision.posting.code,
        "revision": revision.number,
        "village": revision.village.code,
        "title": revision.title,
        "digest": revision.digest,
        "window_end": listing.window_end.isoformat() if listing.window_end else None,
        "expired": listing.expired,
        "recipients_count": listing.recipients_count,
        "total_amount": f"{listing.total_amount:.2f}",
        "totals": [
            {
                "benefit_type": total.benefit_type,
                "item": total.item,
                "label": str(total.label),
                "recipients": total.recipients,
                "amount": f"{total.amount:.2f}",
            }
            for total in listing.totals
        ],
        "recipients": [
            {
                "group": person.group,
                "name": person.name,
                "identity_number": person.identity_number,
                "benefit_type": person.benefit_type,
                "benefit": str(person.benefit_label),
                "period": person.period,
                "amount": f"{person.amount:.2f}",
                "quantity": None if person.quantity is None else f"{person.quantity:.2f}",
                "unit": str(person.unit_label),
            }
            for person in listing.recipients
        ],
    }


def _table(data: dict) -> list[list]:
    """The recipients while the list is public; afterwards the totals and the removal notice."""
    if not data["expired"]:
        header = [
            _("Village group"),
            _("Name"),
            _("Identity number"),
            _("Benefit"),
            pgettext("benefit payment", "Period"),
            _("Amount (yuan)"),
            _("Quantity"),
            _("Unit"),
        ]
        rows = [
            [
                p["group"],
                p["name"],
                p["identity_number"],
                p["benefit"],
                p["period"],
                Decimal(p["amount"]),
                "" if p["quantity"] is None else Decimal(p["quantity"]),
                p["unit"],
            ]
            for p in data["recipients"]
        ]
        return [header, *rows]
    rows = [[t["label"], t["recipients"], Decimal(t["amount"])] for t in data["totals"]]
    notice = _("The publicity window has ended; the recipients' names have been removed.")
    return [[notice], [_("Benefit"), _("Recipients"), _("Amount (yuan)")], *rows]


def as_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def as_csv(data: dict) -> bytes:
    return writing.as_csv(_table(data))


def as_xlsx(data: dict) -> bytes:
    return writing.as_xlsx([writing.Sheet(data["posting"], _table(data))])
