"""What the rules read: only what villagers can see, as the current revision states it.

A superseded revision, a withdrawn posting or a draft is never flagged, so a corrected period or
contract is flagged once, as it stands now.
"""

from django.db.models import F, QuerySet

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
    """Rows of the current revisions of the villages' published postings.

    A revision's rows are of its posting's village, so the rows are not filtered by village too:
    given both, the planner read the villages' whole ledgers once for every revision.
    """
    return queryset.filter(revision_id__in=current_revisions(list(village_ids)))


def ledger_entries(village_ids) -> QuerySet:
    """Current ledger entries, each with the `posting_id` of its period.

    Only that id is read of the revision: its text and search vector are heavy to load for
    thousands of entries.
    """
    entries = _current(LedgerEntry.objects.all(), village_ids)
    return entries.annotate(posting_id=F("revision__posting_id"))


def contracts(village_ids) -> QuerySet:
    return _current(Contract.objects.all(), village_ids).select_related("revision")
