"""Rule on bids: a losing bid from a cadre or a declared relative, which suggests bids placed to
make a tender look competitive (陪标). A bid names only the bidder, so the match is on the name
alone: always a weak flag. The winner is the contract's counterparty: related.py looks at it."""

from datetime import date

from django.utils.translation import gettext as _

from disclosure.contracts.models import Bid

from .. import selectors
from ..flags import Flag, money, revision_url
from .contracts import contract_title
from .related import name_only, register

RELATED_BIDDER = "related_bidder"


def related_bidder(village_ids, today: date) -> list[Flag]:
    village_ids = list(village_ids)
    people = register(village_ids)
    if not people:
        return []
    contracts = {c.revision_id: c for c in selectors.contracts(village_ids)}
    bids = Bid.objects.filter(
        revision__in=list(contracts), won=False, bidder__in={p.name for p in people}
    ).order_by("village_id", "revision_id", "position")
    flags = []
    for bid in bids:
        contract = contracts[bid.revision_id]
        for person in people:
            if (
                person.name == bid.bidder
                and person.cadre.village_id == bid.village_id
                and person.serves(contract.start_date, contract.end_date)
            ):
                flags.append(_flag(contract, bid, person))
    return flags


def _flag(contract, bid, person) -> Flag:
    sentence = _(
        "%(bidder)s, who has the same name as %(person)s, bid %(price)s yuan and lost to "
        "%(winner)s."
    ) % {
        "bidder": bid.bidder,
        "person": person.describe(),
        "price": money(bid.price),
        "winner": contract.counterparty,
    }
    return Flag(
        rule=RELATED_BIDDER,
        village_id=contract.village_id,
        strong=False,
        title=contract_title(contract),
        explanation=name_only(sentence),
        url=revision_url(contract.revision_id),
        on=contract.start_date,
        amount=contract.total_amount,
        posting_id=contract.revision.posting_id,
        subject=f"bid/{contract.revision.posting_id}/{bid.bidder}/{person.key}",
    )
