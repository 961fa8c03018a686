"""More paid under a contract than its value."""

import datetime
from decimal import Decimal

import pytest

from disclosure.contracts import services as contracts
from disclosure.redflags.rules.payments import paid_above_contract_value

from .builders import purchase

TODAY = datetime.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("english")


def pay(revision, clerk, *amounts):
    payments = []
    for day, amount in enumerate(amounts, start=1):
        payments.append(
            contracts.record_payment(
                posting=revision.posting,
                paid_on=datetime.date(2024, 7, day),
                amount=Decimal(amount),
                by=clerk,
            )
        )
    return payments


@pytest.mark.parametrize(
    ("paid", "flagged"),
    [(("30000.00", "30000.00"), True), (("30000.00", "20000.00"), False), (("50000.00",), False)],
)
def test_payments_above_the_contracts_total(village_a, clerk_a, supervisor_a, paid, flagged):
    revision = purchase(village_a, clerk_a, supervisor_a, "50000.00", "public_bidding")
    pay(revision, clerk_a, *paid)
    flags = paid_above_contract_value([village_a.pk], TODAY)
    assert bool(flags) is flagged
    if flagged:
        assert "60,000.00 yuan has been paid" in flags[0].explanation
        assert flags[0].amount == Decimal("10000.00")


def test_a_reversed_payment_does_not_count(village_a, clerk_a, supervisor_a):
    revision = purchase(village_a, clerk_a, supervisor_a, "50000.00", "public_bidding")
    _first, second = pay(revision, clerk_a, "50000.00", "8000.00")
    contracts.reverse_payment(payment=second, reason="重复付款", by=clerk_a)
    assert paid_above_contract_value([village_a.pk], TODAY) == []


def test_income_contracts_are_not_flagged(village_a, clerk_a, supervisor_a):
    revision = purchase(
        village_a, clerk_a, supervisor_a, "50000.00", "public_bidding", direction="income"
    )
    pay(revision, clerk_a, "60000.00")
    assert paid_above_contract_value([village_a.pk], TODAY) == []


def test_the_tolerance_is_read_when_the_rule_runs(village_a, clerk_a, supervisor_a, settings):
    revision = purchase(village_a, clerk_a, supervisor_a, "50000.00", "public_bidding")
    pay(revision, clerk_a, "50000.00", "100.00")
    settings.FLAGS_OVERPAYMENT_TOLERANCE = 100
    assert paid_above_contract_value([village_a.pk], TODAY) == []
    settings.FLAGS_OVERPAYMENT_TOLERANCE = 99
    assert len(paid_above_contract_value([village_a.pk], TODAY)) == 1
