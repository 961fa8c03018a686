"""What the rules read: only what villagers can see, as the current revision states it.

A superseded revision, a withdrawn posting or a draft is never flagged, so a corrected period or
contract is flagged once, as it stands now.
"""

from django.db.models import QuerySet

from disclosure.contracts.models import Contract
from disclosure.finance.models import LedgerEntry
from disclosure.publishing.models import Posting, PostingStatus


def current_revisions(village_ids=None) -> QuerySet:
    """Ids of the current revisions of published postings, as a subquery.

    Rows are matched to these ids rather than joined to their posting on two columns, whose
    correlation the planner cannot see: it took the join for one row and read millions.
    """
    postings = Posting.objects.filter(status=PostingStatus.PUBLISHED)
    if village_ids is not None:
        postings = postings.filter(village_id__in=village_ids)
    return postings.values("current_id")


def _current(queryset: QuerySet, village_ids) -> QuerySet:
    village_ids = list(village_ids)
    return queryset.filter(
        village_id__in=village_ids, revision_id__in=current_revisions(village_ids)
    )


def ledger_entries(village_ids) -> QuerySet:
    return _current(LedgerEntry.objects.all(), village_ids).select_related("revision")


def contracts(village_ids) -> QuerySet:
    return _current(Contract.objects.all(), village_ids).select_related("revision")
