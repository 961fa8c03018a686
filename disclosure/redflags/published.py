"""What the rules read: only what villagers can see, as the current revision states it.

A superseded revision, a withdrawn posting or a draft is never flagged, so a corrected period or
contract is flagged once, as it stands now.
"""

from django.db.models import F, QuerySet

from disclosure.contracts.models import Contract
from disclosure.finance.models import LedgerEntry
from disclosure.publishing.models import PostingStatus


def _current(queryset: QuerySet, village_ids) -> QuerySet:
    return queryset.filter(
        village_id__in=list(village_ids),
        revision__posting__status=PostingStatus.PUBLISHED,
        revision__posting__current=F("revision"),
    )


def ledger_entries(village_ids) -> QuerySet:
    return _current(LedgerEntry.objects.all(), village_ids).select_related("revision")


def contracts(village_ids) -> QuerySet:
    return _current(Contract.objects.all(), village_ids).select_related("revision")
