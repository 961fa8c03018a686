"""Rules on competition, after the Open Contracting red flags: a tender or auction with a single
bid, and one firm given large contracts without competition across villages of a township."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from disclosure.contracts.models import AwardMethod, Bid, Contract, CounterpartyKind
from disclosure.regions.models import Region

from .. import selectors
from ..flags import Flag, money, revision_url
from .contracts import NOT_COMPETITIVE, contract_title

SINGLE_BID = "single_bid"
SAME_COUNTERPARTY = "same_counterparty_across_villages"
COMPETITIVE = (AwardMethod.PUBLIC_BIDDING, AwardMethod.AUCTION)


def single_bid(village_ids, today: date) -> list[Flag]:
    """A contract awarded by public bidding or auction with fewer than FLAGS_MIN_BIDS bids: the
    method says competition, the bids say there was none."""
    least = settings.FLAGS_MIN_BIDS
    contracts = (
        selectors.contracts(village_ids)
        .filter(award_method__in=COMPETITIVE)
        .order_by("village_id", "start_date", "pk")
    )
    counts = dict(
        Bid.objects.filter(revision__in=[c.revision_id for c in contracts])
        .values("revision")
        .annotate(n=Count("pk"))
        .values_list("revision", "n")
    )
    return [
        _single_bid_flag(contract, counts.get(contract.revision_id, 0), least)
        for contract in contracts
        if counts.get(contract.revision_id, 0) < least
    ]


def _single_bid_flag(contract: Contract, bids: int, least: int) -> Flag:
    return Flag(
        rule=SINGLE_BID,
        village_id=contract.village_id,
        strong=True,
        title=contract_title(contract),
        explanation=_(
            "Awarded by %(method)s for %(amount)s yuan with %(bids)s bids recorded; at least "
            "%(least)s are needed for there to have been any competition."
        )
        % {
            "method": contract.get_award_method_display().lower(),
            "amount": money(contract.total_amount),
            "bids": bids,
            "least": least,
        },
        url=revision_url(contract.revision_id),
        on=contract.start_date,
        amount=contract.total_amount,
        posting_id=contract.revision.posting_id,
        subject=f"contract/{contract.revision.posting_id}",
    )


def same_counterparty_across_villages(village_ids, today: date) -> list[Flag]:
    """An organisation awarded contracts of FLAGS_COMPETITION_THRESHOLD yuan or more without
    competition in FLAGS_SAME_COUNTERPARTY_VILLAGES villages or more of one township: each such
    contract of the villages asked for is flagged, naming the villages. Villages of the township
    not asked for count too, since the pattern is the township's; a firm that won its contracts
    at auction or by public bidding is not counted, nor are small purchases."""
    least = settings.FLAGS_SAME_COUNTERPARTY_VILLAGES
    large_uncompetitive = {
        "counterparty_kind": CounterpartyKind.ORGANISATION,
        "award_method__in": NOT_COMPETITIVE,
        "total_amount__gte": Decimal(settings.FLAGS_COMPETITION_THRESHOLD),
    }
    asked = list(
        selectors.contracts(village_ids)
        .filter(**large_uncompetitive)
        .select_related("village")
        .order_by("village_id", "start_date", "pk")
    )
    if not asked:
        return []
    held = defaultdict(set)
    for name, code, village in (
        selectors.contracts(_villages_of({c.village.code[:9] for c in asked}))
        .filter(counterparty__in={c.counterparty for c in asked}, **large_uncompetitive)
        .values_list("counterparty", "village__code", "village__name")
    ):
        held[(code[:9], name)].add(village)
    return [
        _same_counterparty_flag(contract, sorted(villages))
        for contract in asked
        if len(villages := held[(contract.village.code[:9], contract.counterparty)]) >= least
    ]


def _villages_of(prefixes: set[str]) -> list[int]:
    """Ids of the villages of the townships whose codes start with the prefixes."""
    condition = Q()
    for prefix in prefixes:
        condition |= Q(code__startswith=prefix)
    return list(Region.objects.villages().filter(condition).values_list("pk", flat=True))


def _same_counterparty_flag(contract: Contract, villages: list[str]) -> Flag:
    return Flag(
        rule=SAME_COUNTERPARTY,
        village_id=contract.village_id,
        strong=True,
        title=contract_title(contract),
        explanation=_(
            "%(counterparty)s holds contracts in %(count)s villages of the township "
            "(%(villages)s); this one, of %(amount)s yuan, was awarded by %(method)s."
        )
        % {
            "counterparty": contract.counterparty,
            "count": len(villages),
            "villages": "、".join(villages),
            "amount": money(contract.total_amount),
            "method": contract.get_award_method_display().lower(),
        },
        url=revision_url(contract.revision_id),
        on=contract.start_date,
        amount=contract.total_amount,
        posting_id=contract.revision.posting_id,
        subject=f"contract/{contract.revision.posting_id}",
    )
