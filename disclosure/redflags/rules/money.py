"""Rules on the ledger: large expenditures without a decision, purchases split to stay under one."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from disclosure.contracts.models import Contract, Payment
from disclosure.decisions.models import ImplementationLink, LinkKind
from disclosure.finance.models import LedgerEntry
from disclosure.publishing.models import posting_is_in_force

from .. import selectors
from ..flags import Flag, money, revision_url, whole

LARGE_EXPENDITURE = "large_expenditure_without_decision"
SPLIT_PURCHASES = "split_purchases"


def _entry_title(entry: LedgerEntry) -> str:
    return _("Voucher %(voucher)s of %(date)s: %(summary)s") % {
        "voucher": entry.voucher_no,
        "date": entry.date.isoformat(),
        "summary": entry.summary,
    }


def _decided_matter() -> Q:
    """A matter counts as a decision once its resolution is disclosed."""
    return posting_is_in_force("matter__resolution")


def _linked_to_decision():
    """Whether a ledger entry is linked to a major matter whose resolution is disclosed.

    An entry is linked when (1) the matter's implementation names its voucher number, (2) it is
    recorded as a payment under a contract naming the matter, or (3) its counterparty is the
    counterparty of a current contract naming the matter whose term covers the entry's date.
    """
    by_voucher = ImplementationLink.objects.filter(
        _decided_matter(),
        village=OuterRef("village"),
        kind=LinkKind.LEDGER_ENTRY,
        reference=OuterRef("voucher_no"),
    )
    by_payment = Payment.objects.filter(
        posting_is_in_force("posting__current__contract__matter__resolution"),
        ledger_entry=OuterRef("pk"),
    )
    by_counterparty = Contract.objects.filter(
        _decided_matter(),
        village=OuterRef("village"),
        counterparty=OuterRef("counterparty"),
        start_date__lte=OuterRef("date"),
        end_date__gte=OuterRef("date"),
        revision_id__in=selectors.current_revisions(),
    )
    return Exists(by_voucher) | Exists(by_payment) | Exists(by_counterparty)


def large_expenditure_without_decision(village_ids, today: date) -> list[Flag]:
    """An expenditure of at least FLAGS_DECISION_THRESHOLD not linked to a decided major matter.

    See `_linked_to_decision` for what links an entry to a matter.
    """
    threshold = Decimal(settings.FLAGS_DECISION_THRESHOLD)
    entries = (
        selectors.ledger_entries(village_ids)
        .filter(expenditure__gte=threshold)
        .exclude(_linked_to_decision())
        .order_by("village_id", "date", "pk")
    )
    return [
        Flag(
            rule=LARGE_EXPENDITURE,
            village_id=entry.village_id,
            strong=True,
            title=_entry_title(entry),
            explanation=_(
                "Expenditure of %(amount)s yuan reaches the threshold of %(threshold)s yuan for "
                "a major matter, yet it is not linked to any major matter with a disclosed "
                "resolution (by its voucher number in the matter's implementation, by a "
                "payment under a contract naming the matter, or by a contract naming the matter "
                "with the same counterparty)."
            )
            % {"amount": money(entry.expenditure), "threshold": whole(threshold)},
            url=revision_url(entry.revision_id),
            on=entry.date,
            amount=entry.expenditure,
            posting_id=entry.posting_id,
            subject=f"entry/{entry.posting_id}/{entry.voucher_no}/{entry.date}",
        )
        for entry in entries
    ]


def _clusters(entries: list[LedgerEntry], window: int) -> list[list[LedgerEntry]]:
    """Runs of two or more entries, each run spanning at most `window` days from its first.

    A run starts at the earliest entry not yet in a run, so each entry is counted once.
    """
    clusters, start = [], 0
    while start < len(entries):
        end = start
        limit = entries[start].date + timedelta(days=window)
        while end + 1 < len(entries) and entries[end + 1].date <= limit:
            end += 1
        if end > start:
            clusters.append(entries[start : end + 1])
        start = end + 1
    return clusters


def split_purchases(village_ids, today: date) -> list[Flag]:
    """Two or more expenditures to the same counterparty, each just under FLAGS_SPLIT_THRESHOLD,
    within FLAGS_SPLIT_WINDOW_DAYS of the first, adding up to the threshold or more.

    "Just under" means at least half of the threshold and below it: any two such payments
    together reach the threshold, which is what a purchase split to avoid it looks like.
    """
    threshold = Decimal(settings.FLAGS_SPLIT_THRESHOLD)
    window = settings.FLAGS_SPLIT_WINDOW_DAYS
    entries = (
        selectors.ledger_entries(village_ids)
        .filter(expenditure__gte=threshold / 2, expenditure__lt=threshold)
        .exclude(counterparty="")
        .order_by("village_id", "counterparty", "date", "pk")
    )
    groups: dict[tuple[int, str], list[LedgerEntry]] = {}
    for entry in entries:
        groups.setdefault((entry.village_id, entry.counterparty), []).append(entry)
    flags = []
    for group in groups.values():
        for cluster in _clusters(group, window):
            flags.append(_split_flag(cluster, threshold, window))
    return flags


def _split_flag(cluster: list[LedgerEntry], threshold: Decimal, window: int) -> Flag:
    first, last = cluster[0], cluster[-1]
    total = sum((entry.expenditure for entry in cluster), Decimal(0))
    return Flag(
        rule=SPLIT_PURCHASES,
        village_id=first.village_id,
        strong=True,
        title=_("%(count)s payments to %(counterparty)s from %(first)s to %(last)s")
        % {
            "count": len(cluster),
            "counterparty": first.counterparty,
            "first": first.date.isoformat(),
            "last": last.date.isoformat(),
        },
        explanation=_(
            "%(count)s payments to %(counterparty)s within %(window)s days (vouchers "
            "%(vouchers)s: %(amounts)s yuan) are each just under the threshold of %(threshold)s "
            "yuan but add up to %(total)s yuan: a purchase may have been split to avoid it."
        )
        % {
            "count": len(cluster),
            "counterparty": first.counterparty,
            "window": window,
            "vouchers": "、".join(entry.voucher_no for entry in cluster),
            "amounts": "、".join(money(entry.expenditure) for entry in cluster),
            "threshold": whole(threshold),
            "total": money(total),
        },
        url=revision_url(last.revision_id),
        on=last.date,
        amount=total,
        posting_id=last.posting_id,
        subject=f"split/{first.village_id}/{first.counterparty}/{first.date}",
    )
