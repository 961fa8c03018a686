"""Open Contracting Data Standard 1.1 release packages of a village's contracts and projects.

One contracting process is one posting, so its ocid is the configured prefix, the village code
and the posting's permalink code. Each process appears as one release describing it as it stands:
a contract with its schedule (milestones) and payments (transactions), a project with its stages.
Identity numbers never appear: a person is named, not identified.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from disclosure import clock

from .arrears import Status
from .models import AwardMethod, Direction, Stage
from .selectors import ContractStatus

VERSION = "1.1"
CURRENCY = "CNY"
METHODS = {
    AwardMethod.PUBLIC_BIDDING: "open",
    AwardMethod.AUCTION: "open",
    AwardMethod.NEGOTIATION: "limited",
    AwardMethod.DIRECT_AWARD: "direct",
}
MILESTONE_STATUS = {Status.PAID: "met", Status.OVERDUE: "notMet", Status.DUE: "scheduled"}


def ocid(posting) -> str:
    return f"{settings.CONTRACTS_OCID_PREFIX}{posting.village.code}-{posting.code}"


def _value(amount: Decimal | None) -> dict | None:
    # OCDS amounts are JSON numbers. Two-decimal yuan amounts below 2**53 cents survive the
    # float exactly: its shortest representation is the decimal itself.
    if amount is None:
        return None
    return {"amount": float(amount), "currency": CURRENCY}


def _moment(value) -> str:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    start = datetime.datetime.combine(value, datetime.time(), timezone.get_current_timezone())
    return start.isoformat()


def _village_party(village, roles: list[str]) -> dict:
    return {"id": f"village-{village.code}", "name": village.name, "roles": roles}


def _reference(party: dict) -> dict:
    return {"id": party["id"], "name": party["name"]}


def package(*, village, contracts: list[ContractStatus], projects, uri: str) -> dict:
    releases = [contract_release(status) for status in contracts]
    releases += [project_release(revision) for revision in projects]
    return {
        "uri": uri,
        "version": VERSION,
        "publishedDate": _moment(clock.now().replace(microsecond=0)),
        "publisher": {"name": village.name},
        "releases": releases,
    }


def _release(posting, number: int, date, tags: list[str]) -> dict:
    process = ocid(posting)
    return {
        "ocid": process,
        "id": f"{process}-{number}",
        "date": _moment(date),
        "tag": tags,
        "initiationType": "tender",
        "language": "zh",
    }


def contract_release(status: ContractStatus) -> dict:
    contract, posting = status.contract, status.posting
    payments = list(posting.payments.all())
    income = contract.direction == Direction.INCOME
    village = _village_party(contract.village, ["buyer", "procuringEntity"])
    village["roles"].append("payee" if income else "payer")
    counterparty = {
        "id": "counterparty",
        "name": contract.counterparty,
        "roles": ["supplier", "payer" if income else "payee"],
    }
    bidders = [
        {"id": f"tenderer-{bid.position}", "name": bid.bidder, "roles": ["tenderer"]}
        for bid in contract.revision.bids.all()
    ]
    latest = max([posting.last_published_at, *(p.recorded_at for p in payments)])
    release = _release(
        posting,
        contract.revision.number * 10000 + len(payments),
        latest,
        ["award", "contract", *(["implementation"] if payments else [])],
    )
    period = {"startDate": _moment(contract.start_date), "endDate": _moment(contract.end_date)}
    payer, payee = (counterparty, village) if income else (village, counterparty)
    release.update(
        parties=[village, counterparty, *bidders],
        buyer=_reference(village),
        tender={
            "id": "tender",
            "title": contract.subject,
            "procurementMethod": METHODS[contract.award_method],
            "procurementMethodDetails": contract.get_award_method_display(),
            "numberOfTenderers": len(bidders),
            "tenderers": [_reference(bidder) for bidder in bidders],
        },
        awards=[
            {
                "id": "award",
                "status": "active",
                "value": _value(contract.total_amount),
                "suppliers": [_reference(counterparty)],
                "contractPeriod": period,
            }
        ],
        contracts=[
            {
                "id": "contract",
                "awardID": "award",
                "title": contract.revision.title,
                "description": contract.purpose,
                "status": "terminated" if contract.end_date < clock.today() else "active",
                "period": period,
                "value": _value(contract.total_amount),
                "milestones": [
                    {
                        "id": f"instalment-{number}",
                        "title": str(instalment.label),
                        "type": "financing",
                        "dueDate": _moment(instalment.due_date),
                        "status": MILESTONE_STATUS[instalment.status],
                        "value": _value(instalment.amount),
                    }
                    for number, instalment in enumerate(status.standing.instalments, start=1)
                ],
                "implementation": {
                    "transactions": [
                        {
                            "id": f"payment-{payment.pk}",
                            "date": _moment(payment.paid_on),
                            "value": _value(payment.amount),
                            "payer": _reference(payer),
                            "payee": _reference(payee),
                        }
                        for payment in payments
                    ]
                },
            }
        ],
    )
    return release


def project_release(revision) -> dict:
    posting = revision.posting
    stages = {stage.stage: stage for stage in revision.stages.all()}
    village = _village_party(revision.village, ["buyer", "procuringEntity", "payer"])
    bidding = stages.get(Stage.BIDDING)
    bids = list(bidding.bids.all()) if bidding else []
    bidders = [
        {"id": f"tenderer-{bid.position}", "name": bid.bidder, "roles": ["tenderer"]}
        for bid in bids
    ]
    winners = [party for party, bid in zip(bidders, bids, strict=True) if bid.won]
    for party in winners:
        party["roles"].append("supplier")
    tags = ["planning"] + (["tender"] if bidding else [])
    release = _release(posting, revision.number, revision.published_at, tags)
    release.update(
        parties=[village, *bidders],
        buyer=_reference(village),
        planning={
            "rationale": revision.body,
            "milestones": [_milestone(stage) for stage in revision.stages.all()],
        },
    )
    if approval := stages.get(Stage.APPROVAL):
        release["planning"]["budget"] = {"amount": _value(approval.amount)}
    if bidding:
        release["tender"] = {
            "id": "tender",
            "title": revision.title,
            "procurementMethod": "open",
            "numberOfTenderers": len(bidders),
            "tenderers": [_reference(party) for party in bidders],
        }
    if award := stages.get(Stage.AWARD):
        release["tag"].append("award")
        release["awards"] = [
            {
                "id": "award",
                "status": "active",
                "date": _moment(award.date),
                "value": _value(award.amount),
                "suppliers": [_reference(party) for party in winners],
            }
        ]
        if contracted := stages.get(Stage.CONTRACT):
            release["tag"].append("contract")
            release["contracts"] = [
                {
                    "id": "contract",
                    "awardID": "award",
                    "dateSigned": _moment(contracted.date),
                    "value": _value(contracted.amount or award.amount),
                }
            ]
    return release


def _milestone(stage) -> dict:
    milestone = {
        "id": stage.stage,
        "title": str(stage.get_stage_display()),
        "description": stage.description,
        "type": "approval" if stage.stage == Stage.APPROVAL else "delivery",
        "dateMet": _moment(stage.date),
        "status": "met",
    }
    if stage.amount is not None:
        milestone["value"] = _value(stage.amount)
    return milestone
