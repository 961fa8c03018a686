"""Contracts of a generated village: leases of its resources and construction or purchase
contracts, each with its payment schedule, its bidders when it was put out to tender, and the
payments recorded since (some late or missing: arrears are what villagers look for).
"""

import datetime

from disclosure.contracts.models import Bid, Contract, ContractsKind, Instalment, Payment

from . import words
from .ledger import yuan
from .publications import UNLOGGED, Codes, Village, publish
from .timing import moment

LEASES = ("集体鱼塘", "集体林地", "集体厂房", "村部门面房", "集体机动地", "荒山荒坡")
WORKS = (
    "村道硬化工程",
    "村文化广场建设",
    "灌溉水渠修缮",
    "路灯安装工程",
    "村部屋面维修",
    "垃圾收集点建设",
    "办公设备采购",
    "绿化苗木采购",
)
PAID_SHARE = 0.88
DECISION_THRESHOLD = 50_000_00  # fen; larger contracts name the meeting that approved them


def load(sink, codes: Codes, village: Village, years: range, until: datetime.date) -> None:
    rng = village.rng
    count = max(1, round(rng.gammavariate(2.0, 3.0 * village.weight**0.5)))
    for _ in range(count):
        start = datetime.date(rng.choice(years), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.55:
            terms = _lease(village, start)
        else:
            terms = _works(village, start)
        _contract(sink, codes, village, terms, until)


def _lease(village: Village, start: datetime.date) -> dict:
    rng = village.rng
    years = rng.randint(3, 10)
    yearly = round(rng.lognormvariate(0.0, 0.7) * 20_000_00)
    person = rng.random() < 0.6
    party = words.person(rng) if person else words.firm(rng, village.town)
    subject = rng.choice(LEASES)
    return {
        "kind": "person" if person else "organisation",
        "counterparty": party,
        "subject": subject,
        "purpose": f"{subject}对外承包经营，承包期{years}年，租金按年缴纳。",
        "direction": "income",
        "start": start,
        "end": start.replace(year=start.year + years) - datetime.timedelta(days=1),
        "schedule": [(start.replace(year=start.year + n), yearly) for n in range(years)],
        "award": rng.choice(("auction", "public_bidding", "negotiation", "direct_award")),
        "title": f"{subject}承包合同公示",
    }


def _works(village: Village, start: datetime.date) -> dict:
    rng = village.rng
    total = round(rng.lognormvariate(0.0, 0.9) * 60_000_00)
    months = rng.randint(2, 8)
    end = start + datetime.timedelta(days=30 * months)
    advance, progress = total * 3 // 10, total * 6 // 10
    subject = rng.choice(WORKS)
    return {
        "kind": "organisation",
        "counterparty": words.firm(rng, village.town),
        "subject": subject,
        "purpose": f"{subject}，工期{months}个月，按进度付款，留百分之十质保金。",
        "direction": "expenditure",
        "start": start,
        "end": end,
        "schedule": [
            (start, advance),
            (start + datetime.timedelta(days=15 * months), progress),
            (end + datetime.timedelta(days=365), total - advance - progress),
        ],
        "award": "public_bidding"
        if total >= DECISION_THRESHOLD
        else rng.choice(("negotiation", "direct_award", "public_bidding")),
        "title": f"{subject}施工合同公示",
    }


def _bids(village: Village, terms: dict, total: int) -> list[tuple[str, int, bool]]:
    if terms["award"] not in ("public_bidding", "auction"):
        return []
    rng = village.rng
    # The winner offered the most rent, or asked the lowest price for the works.
    better = 1 if terms["direction"] == "expenditure" else -1
    losers = [
        (words.firm(rng, village.town), round(total * (1 + better * rng.uniform(0.02, 0.2))), False)
        for _ in range(rng.randint(2, 4))
    ]
    return [(terms["counterparty"], total, True), *losers]


def _contract(sink, codes, village, terms: dict, until: datetime.date) -> None:
    rng = village.rng
    total = sum(amount for _due, amount in terms["schedule"])
    reference = f"{terms['start'].year}年村民代表会议决议" if total >= DECISION_THRESHOLD else ""
    contract = {
        "record": "contract",
        "counterparty_kind": terms["kind"],
        "counterparty": terms["counterparty"],
        "identity_number": "",
        "subject": terms["subject"],
        "purpose": terms["purpose"],
        "direction": terms["direction"],
        "start_date": terms["start"].isoformat(),
        "end_date": terms["end"].isoformat(),
        "total_amount": yuan(total),
        "award_method": terms["award"],
        "decision_reference": reference,
    }
    bids = _bids(village, terms, total)
    rows = [
        contract,
        *(
            {"record": "instalment", "due_date": due.isoformat(), "amount": yuan(amount)}
            for due, amount in terms["schedule"]
        ),
        *(
            {"record": "bid", "bidder": bidder, "price": yuan(price), "won": won}
            for bidder, price, won in bids
        ),
    ]
    published = min(terms["start"] + datetime.timedelta(days=rng.randint(1, 7)), until)
    rev = publish(
        sink,
        codes,
        village,
        kind=ContractsKind.CONTRACT,
        title=terms["title"],
        body="合同已按程序签订，现予公示，接受村民监督。",
        published_at=moment(rng, published),
        rows=rows,
    )
    sink.add(
        Contract,
        (
            sink.new_id(Contract),
            rev.id,
            village.id,
            terms["kind"],
            terms["counterparty"],
            "",
            terms["subject"],
            terms["purpose"],
            terms["direction"],
            terms["start"],
            terms["end"],
            yuan(total),
            terms["award"],
            reference,
        ),
    )
    for position, (due, amount) in enumerate(terms["schedule"], start=1):
        sink.add(
            Instalment, (sink.new_id(Instalment), rev.id, village.id, position, due, yuan(amount))
        )
    for position, (bidder, price, won) in enumerate(bids, start=1):
        sink.add(Bid, (sink.new_id(Bid), rev.id, village.id, position, bidder, yuan(price), won))
    _payments(sink, village, rev, terms["schedule"], until)


def _payments(sink, village, rev, schedule, until: datetime.date) -> None:
    rng = village.rng
    for due, amount in schedule:
        paid_on = due + datetime.timedelta(days=rng.randint(0, 25))
        if paid_on > until or rng.random() > PAID_SHARE:
            continue
        paid_on = max(paid_on, rev.published_at.date())
        sink.add(
            Payment,
            (
                sink.new_id(Payment),
                rev.post.id,
                village.id,
                paid_on,
                yuan(amount),
                f"记{paid_on.month:02d}-{rng.randint(1, 60):03d}",
                "",
                village.clerk.id,
                moment(rng, paid_on),
                UNLOGGED,
            ),
        )


TABLES = (
    (
        Contract,
        (
            "id",
            "revision_id",
            "village_id",
            "counterparty_kind",
            "counterparty",
            "identity_number",
            "subject",
            "purpose",
            "direction",
            "start_date",
            "end_date",
            "total_amount",
            "award_method",
            "decision_reference",
        ),
    ),
    (Instalment, ("id", "revision_id", "village_id", "position", "due_date", "amount")),
    (Bid, ("id", "revision_id", "village_id", "position", "bidder", "price", "won")),
    (
        Payment,
        (
            "id",
            "posting_id",
            "village_id",
            "paid_on",
            "amount",
            "ledger_reference",
            "note",
            "recorded_by_id",
            "recorded_at",
            "record_digest",
        ),
    ),
)
