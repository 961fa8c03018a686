"""Published data for the red-flag tests, made through the finance, contracts and decisions
services (and their test helpers), as the portal would have recorded it."""

import datetime
from decimal import Decimal

import time_machine

from disclosure.contracts import services as contracts
from disclosure.decisions import implementation
from disclosure.decisions import services as decisions
from disclosure.finance.services import rules

from ..contracts.conftest import lease_terms
from ..contracts.conftest import publish as publish_revision
from ..decisions.builders import after_notice, figures, new_matter, resolved_matter
from ..finance.ledgers import Line, published_period

__all__ = ["after_notice", "lease_terms", "resolved_matter"]


def spend(amount: str, counterparty: str = "青山建材店", day: int = 5, summary: str = "采购材料"):
    """A ledger line paying `amount` on the given day of the period."""
    return Line(
        summary,
        "532",
        "公益支出",
        "public_welfare",
        expenditure=amount,
        counterparty=counterparty,
        day=day,
    )


def ledger(village, clerk, supervisor, lines, *, year=2025, number=1):
    """A published quarter of `village` carrying `lines`; returns its published revision."""
    return published_period(village, clerk, supervisor, year=year, number=number, lines=lines)


def contract(village, clerk, supervisor, **changes):
    """A published contract; by default 清河村's pond lease of 15,000 yuan to 王建国."""
    terms = lease_terms(**changes)
    if "schedule" not in changes:
        terms.schedule = [(terms.start_date, terms.total_amount)]
    if terms.award_method not in ("public_bidding", "auction"):
        terms.bids = []
    revision = contracts.create_contract(village=village, title="合同", terms=terms, by=clerk)
    return publish_revision(revision, clerk, supervisor)


def purchase(village, clerk, supervisor, amount: str, method: str, **changes):
    terms = {
        "counterparty_kind": "organisation",
        "counterparty": "青山建筑队",
        "identity_number": "",
        "direction": "expenditure",
        "total_amount": Decimal(amount),
        "award_method": method,
        "schedule": [(datetime.date(2024, 6, 30), Decimal(amount))],
    }
    return contract(village, clerk, supervisor, **{**terms, **changes})


def finished_matter(village, clerk, supervisor, **kwargs):
    """A resolved matter whose work was reported finished just after its notice period."""
    matter = resolved_matter(village, clerk, supervisor, **kwargs)
    with time_machine.travel(after_notice(matter)):
        implementation.record_progress(
            matter=matter,
            on=after_notice(matter).date(),
            description="完工",
            percent=100,
            by=clerk,
        )
    matter.refresh_from_db()
    return matter


def quarterly(village, clerk, due_days=15):
    rules.set_village_rule(village=village, frequency="quarterly", due_days=due_days, by=clerk)


def decided_by(village, clerk, present, eligible=30):
    """A matter whose fourth discussion, a representative meeting, had `present` of `eligible`."""
    matter = new_matter(village, clerk)
    for number in range(1, 4):
        decisions.record_stage(matter=matter, figures=figures(number), by=clerk)
    decisions.record_stage(
        matter=matter, figures=figures(4, eligible=eligible, present=present), by=clerk
    )
    return matter
