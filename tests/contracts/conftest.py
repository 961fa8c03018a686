"""Contracts of 清河村 (village A): a land lease with yearly rent, registered and published."""

import datetime
from decimal import Decimal

import pytest

from disclosure.contracts import services
from disclosure.contracts.services import Terms

from ..factories import publish

IDENTITY_NUMBER = "320102199001011234"


def lease_terms(**changes) -> Terms:
    terms = Terms(
        counterparty_kind="person",
        counterparty="王建国",
        identity_number=IDENTITY_NUMBER,
        subject="东洼鱼塘 30 亩",
        purpose="承包养鱼",
        direction="income",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        total_amount=Decimal("15000.00"),
        award_method="public_bidding",
        decision_reference="2023年12月村民代表会议决议",
        schedule=[
            (datetime.date(2024, 3, 31), Decimal("5000.00")),
            (datetime.date(2025, 3, 31), Decimal("5000.00")),
            (datetime.date(2026, 3, 31), Decimal("5000.00")),
        ],
        bids=[
            ("王建国", Decimal("15000.00"), True),
            ("李明", Decimal("13800.00"), False),
            ("赵强", Decimal("12600.00"), False),
        ],
    )
    for name, value in changes.items():
        setattr(terms, name, value)
    return terms


@pytest.fixture
def pond_lease(village_a, clerk_a, supervisor_a):
    """The published lease of the east pond: 5000 yuan due each March, nothing paid yet."""
    revision = services.create_contract(
        village=village_a, title="东洼鱼塘承包合同", terms=lease_terms(), by=clerk_a
    )
    return publish(revision, clerk_a, supervisor_a)
