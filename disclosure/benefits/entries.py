"""Rows of the current published benefit lists, with the pseudonym they are matched by.

The red-flag rules on recipients read this: by the pseudonym of the identity number (strong) for as
long as the lists exist, and by the name (weak) only while the list still keeps it.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F

from disclosure.publishing.models import posting_is_in_force, revision_is_published

from .models import BenefitList, Recipient, benefit_label


@dataclass(frozen=True)
class ListedEntry:
    village_id: int
    person_key: str
    name: str
    benefit_type: str
    benefit: str
    period: str
    amount: Decimal
    position: int
    revision_id: int
    posting_id: int
    title: str
    start: datetime.date


def _starts(revision_ids) -> dict[int, datetime.date]:
    lists = BenefitList.objects.filter(revision_id__in=revision_ids).select_related("revision")
    return {item.revision_id: item.start_date() for item in lists}


def current_entries(*, village_ids=None, person_keys=None) -> list[ListedEntry]:
    """Entries of the villages, or of the people (by pseudonym) wherever they are listed."""
    rows = Recipient.objects.filter(
        revision_is_published("revision"),
        posting_is_in_force("revision__posting"),
        revision__posting__current_id=F("revision_id"),
    )
    if village_ids is not None:
        rows = rows.filter(village_id__in=list(village_ids))
    if person_keys is not None:
        rows = rows.filter(slip__person_key__in=list(person_keys))
    values = list(
        rows.values(
            "village_id",
            "slip__person_key",
            "personal__name",
            "benefit_type",
            "item",
            "period",
            "amount",
            "position",
            "revision_id",
            "revision__posting_id",
            "revision__title",
        )
    )
    starts = _starts({row["revision_id"] for row in values})
    return [
        ListedEntry(
            village_id=row["village_id"],
            person_key=row["slip__person_key"] or "",
            name=row["personal__name"] or "",
            benefit_type=row["benefit_type"],
            benefit=benefit_label(row["benefit_type"], row["item"]),
            period=row["period"],
            amount=row["amount"],
            position=row["position"],
            revision_id=row["revision_id"],
            posting_id=row["revision__posting_id"],
            title=row["revision__title"],
            start=starts[row["revision_id"]],
        )
        for row in values
    ]
