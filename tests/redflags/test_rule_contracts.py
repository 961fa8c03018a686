"""Contracts awarded without competition, and rent left unpaid past the grace period."""

import datetime
from decimal import Decimal

import pytest

from disclosure.contracts import services as contracts
from disclosure.redflags.rules.contracts import contract_without_competition, rent_in_arrears

from .builders import contract, lease_terms, purchase

TODAY = datetime.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("amount", "method", "flagged"),
    [
        ("100000.00", "negotiation", True),
        ("100000.00", "direct_award", True),
        ("99999.99", "negotiation", False),
        ("250000.00", "public_bidding", False),
    ],
)
def test_a_large_contract_without_competition(
    village_a, clerk_a, supervisor_a, amount, method, flagged
):
    bids = [("青山建筑队", Decimal(amount), True), ("李明", Decimal(amount) + 1, False)]
    purchase(village_a, clerk_a, supervisor_a, amount, method, bids=bids)
    flags = contract_without_competition([village_a.pk], TODAY)
    assert bool(flags) is flagged
    if flagged:
        assert "100,000 yuan" in flags[0].explanation
        assert f"{Decimal(amount):,.2f}" in flags[0].explanation


def test_the_competition_threshold_is_read_when_the_rule_runs(
    village_a, clerk_a, supervisor_a, settings
):
    purchase(village_a, clerk_a, supervisor_a, "80000.00", "negotiation")
    assert contract_without_competition([village_a.pk], TODAY) == []
    settings.FLAGS_COMPETITION_THRESHOLD = 80000
    assert len(contract_without_competition([village_a.pk], TODAY)) == 1


def test_a_draft_contract_is_not_flagged(village_a, clerk_a):
    terms = lease_terms(total_amount=Decimal("300000.00"), award_method="direct_award", bids=[])
    contracts.create_contract(village=village_a, title="草稿", terms=terms, by=clerk_a)
    assert contract_without_competition([village_a.pk], TODAY) == []


DUE = datetime.date(2025, 3, 31)


def lease(village_a, clerk_a, supervisor_a):
    """The pond lease: 5,000 yuan due each 31 March of 2024, 2025 and 2026."""
    return contract(
        village_a,
        clerk_a,
        supervisor_a,
        schedule=[
            (datetime.date(2024, 3, 31), Decimal("5000.00")),
            (DUE, Decimal("5000.00")),
            (datetime.date(2026, 3, 31), Decimal("5000.00")),
        ],
    )


def pay(revision, clerk, amount, on=datetime.date(2024, 4, 2)):
    contracts.record_payment(posting=revision.posting, paid_on=on, amount=Decimal(amount), by=clerk)


@pytest.mark.parametrize(("days_late", "flagged"), [(30, False), (31, True)])
def test_rent_is_flagged_once_more_than_the_grace_days_late(
    village_a, clerk_a, supervisor_a, days_late, flagged
):
    revision = lease(village_a, clerk_a, supervisor_a)
    pay(revision, clerk_a, "5000.00")
    today = DUE + datetime.timedelta(days=days_late)
    flags = rent_in_arrears([village_a.pk], today)
    assert bool(flags) is flagged
    if flagged:
        flag = flags[0]
        assert flag.amount == Decimal("5000.00")
        assert flag.on == DUE
        assert "31 days ago" in flag.explanation and "2025-03-31" in flag.explanation


def test_payments_settle_the_oldest_rent_first(village_a, clerk_a, supervisor_a):
    revision = lease(village_a, clerk_a, supervisor_a)
    pay(revision, clerk_a, "7000.00")
    flags = rent_in_arrears([village_a.pk], datetime.date(2025, 12, 1))
    assert flags[0].amount == Decimal("3000.00")


def test_paid_rent_is_not_flagged(village_a, clerk_a, supervisor_a):
    revision = lease(village_a, clerk_a, supervisor_a)
    pay(revision, clerk_a, "10000.00")
    assert rent_in_arrears([village_a.pk], datetime.date(2025, 12, 1)) == []


def test_an_unpaid_purchase_is_not_rent(village_a, clerk_a, supervisor_a):
    purchase(village_a, clerk_a, supervisor_a, "20000.00", "negotiation")
    assert rent_in_arrears([village_a.pk], datetime.date(2025, 12, 1)) == []


def test_the_grace_setting_is_read_when_the_rule_runs(village_a, clerk_a, supervisor_a, settings):
    revision = lease(village_a, clerk_a, supervisor_a)
    pay(revision, clerk_a, "5000.00")
    today = DUE + datetime.timedelta(days=10)
    assert rent_in_arrears([village_a.pk], today) == []
    settings.FLAGS_ARREARS_GRACE_DAYS = 9
    assert len(rent_in_arrears([village_a.pk], today)) == 1
