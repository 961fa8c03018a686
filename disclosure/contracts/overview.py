"""The lines of a village's public contracts overview, each with its display text made once.

A village may list a hundred contracts or more: rendering each from model instances through
template lookups and filters cost more than all of its queries. Two queries read only the fields
the page shows, and every figure, date and label is formatted here, once per contract.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from . import arrears
from .models import AwardMethod, Instalment
from .selectors import current_contracts
from .templatetags.contracts import yuan


@dataclass(frozen=True)
class ContractLine:
    url: str
    title: str
    counterparty: str
    award_method: str
    start: str
    end: str
    total: str
    status: arrears.Status
    status_label: str
    arrears: Decimal
    # "1,234.00 yuan overdue", or "" when nothing is.
    overdue: str
    expiring: bool


def _schedules(revision_ids) -> dict[int, list[tuple[datetime.date, Decimal]]]:
    schedules = defaultdict(list)
    rows = Instalment.objects.filter(revision_id__in=revision_ids).values_list(
        "revision_id", "due_date", "amount"
    )
    for revision_id, due_date, amount in rows:
        schedules[revision_id].append((due_date, amount))
    return schedules


def contract_lines(village, today: datetime.date) -> list[ContractLine]:
    """The village's current contracts, earliest ending first, with their standing as of today."""
    contracts = list(
        current_contracts(village)
        .prefetch_related(None)
        .values(
            "revision_id",
            "revision__title",
            "revision__posting__code",
            "counterparty",
            "award_method",
            "start_date",
            "end_date",
            "total_amount",
            "paid",
        )
    )
    schedules = _schedules([c["revision_id"] for c in contracts])
    window = settings.CONTRACTS_EXPIRY_WINDOW_DAYS
    award_methods = {value: str(label) for value, label in AwardMethod.choices}
    status_labels = {status: str(label) for status, label in arrears.STATUS_LABELS.items()}
    overdue = gettext("%(amount)s yuan overdue")
    # Posting codes are letters and digits, which need no quoting: one reverse serves every line.
    posting_url = reverse("portal:posting", args=["CODE"]).replace("CODE", "{}")
    lines = []
    for c in contracts:
        standing = arrears.standing(schedules[c["revision_id"]], c["paid"], today)
        lines.append(
            ContractLine(
                url=posting_url.format(c["revision__posting__code"]),
                title=c["revision__title"],
                counterparty=c["counterparty"],
                award_method=award_methods[c["award_method"]],
                start=c["start_date"].isoformat(),
                end=c["end_date"].isoformat(),
                total=yuan(c["total_amount"]),
                status=standing.status,
                status_label=status_labels[standing.status],
                arrears=standing.arrears,
                overdue=overdue % {"amount": yuan(standing.arrears)} if standing.arrears else "",
                expiring=arrears.expires_within(c["end_date"], today, window),
            )
        )
    return lines
