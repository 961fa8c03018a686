"""What the rules read: only what villagers can see, as the current revision states it.

A superseded revision, a withdrawn posting or a draft is never flagged, so a corrected period or
contract is flagged once, as it stands now.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import BooleanField, F, Func, QuerySet

from disclosure.contracts.models import Contract
from disclosure.finance.models import LedgerEntry
from disclosure.publishing.models import Posting


def current_revisions(village_ids=None) -> QuerySet:
    """Ids of the current revisions of published postings, as a subquery.

    Rows are matched to these ids rather than joined to their posting on two columns, whose
    correlation the planner cannot see: it took the join for one row and read millions.
    """
    postings = Posting.objects.in_force()
    if village_ids is not None:
        postings = postings.filter(village_id__in=village_ids)
    return postings.values("current_id")


class AnyOf(Func):
    """`column = ANY(ARRAY(subquery))`: the subquery is read once, into a list of values.

    Given `column IN (subquery)`, the planner made a join of it: for a few villages it looked up
    their whole ledgers once per revision, for many it read the ledger of the whole prefecture.
    """

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


def _current(queryset: QuerySet, village_ids) -> QuerySet:
    village_ids = list(village_ids)
    current = ArraySubquery(current_revisions(village_ids))
    return queryset.filter(AnyOf(F("revision_id"), current), village_id__in=village_ids)


def ledger_entries(village_ids) -> QuerySet:
    """Current ledger entries, each with the `posting_id` of its period.

    Only that id is read of the revision: its text and search vector are heavy to load for
    thousands of entries.
    """
    entries = _current(LedgerEntry.objects.all(), village_ids)
    return entries.annotate(posting_id=F("revision__posting_id"))


def contracts(village_ids) -> QuerySet:
    return _current(Contract.objects.all(), village_ids).select_related("revision")
