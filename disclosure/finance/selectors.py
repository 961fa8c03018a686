"""What the public finance pages read: only published revisions of public period postings."""

from django.db.models import Prefetch
from django.http import Http404

from disclosure.finance.models import FinanceKind
from disclosure.publishing.masking import mask_text
from disclosure.publishing.models import Posting, Revision

from .models import LedgerEntry, Voucher

# Revision numbers are PostgreSQL integers; a larger one in a URL names nothing.
MAX_REVISION_NUMBER = 2**31 - 1


def period_revision(code: str, number: int | None = None) -> Revision:
    """A published revision of a public finance-period posting: the current one by default."""
    posting = (
        Posting.objects.public()
        .filter(code=code, kind=FinanceKind.FINANCE_PERIOD)
        .select_related("village", "current", "finance_period")
        .first()
    )
    if posting is None or posting.current is None:
        raise Http404
    number = posting.current.number if number is None else number
    if number > MAX_REVISION_NUMBER:
        raise Http404
    revision = Revision.objects.published().filter(posting=posting, number=number).first()
    if revision is None:
        raise Http404
    revision.posting = posting
    return revision


def entries_of(revision: Revision):
    """The ledger entries of a revision in line order, with their vouchers in one more query."""
    vouchers = Voucher.objects.select_related("blob", "thumbnail").order_by("position")
    return (
        LedgerEntry.objects.filter(revision=revision)
        .prefetch_related(Prefetch("vouchers", queryset=vouchers))
        .order_by("line")
    )


def listed_entries(revision: Revision):
    """The entries of a revision in line order as the public pages list them, each with its
    vouchers as a plain list: reading prefetched vouchers back through the related manager
    clones a queryset per entry, which cost more than the two queries."""
    vouchers = Voucher.objects.order_by("position")
    return (
        LedgerEntry.objects.filter(revision=revision)
        .prefetch_related(Prefetch("vouchers", queryset=vouchers, to_attr="voucher_list"))
        .order_by("line")
    )


def public_row(entry: LedgerEntry) -> dict:
    """An entry as every download and API answer gives it: canonical, personal data masked."""
    return {
        key: mask_text(value) if isinstance(value, str) else value
        for key, value in entry.canonical().items()
    }
