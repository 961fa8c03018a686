import datetime
from decimal import Decimal

from disclosure.contracts.arrears import Status, expires_within, standing

SCHEDULE = [
    (datetime.date(2025, 3, 31), Decimal("5000.00")),
    (datetime.date(2024, 3, 31), Decimal("5000.00")),
    (datetime.date(2026, 3, 31), Decimal("5000.00")),
]


def test_nothing_is_overdue_before_the_first_due_date():
    result = standing(SCHEDULE, Decimal(0), datetime.date(2024, 3, 31))
    assert result.arrears == 0
    assert result.status == Status.DUE


def test_an_unpaid_instalment_is_overdue_the_day_after_it_falls_due():
    result = standing(SCHEDULE, Decimal(0), datetime.date(2024, 4, 1))
    assert result.arrears == Decimal("5000.00")
    assert [i.status for i in result.instalments] == [Status.OVERDUE, Status.DUE, Status.DUE]


def test_payments_settle_the_earliest_instalments_first():
    result = standing(SCHEDULE, Decimal("7000.00"), datetime.date(2025, 6, 1))
    assert [i.paid for i in result.instalments] == [Decimal("5000.00"), Decimal("2000.00"), 0]
    assert result.arrears == Decimal("3000.00")
    assert result.status == Status.OVERDUE


def test_a_fully_paid_contract_is_paid():
    result = standing(SCHEDULE, Decimal("15000.00"), datetime.date(2027, 1, 1))
    assert result.status == Status.PAID
    assert result.arrears == 0


def test_a_contract_expires_within_the_window_only_while_it_still_runs():
    end = datetime.date(2026, 12, 31)
    assert expires_within(end, datetime.date(2026, 10, 15), 90)
    assert not expires_within(end, datetime.date(2026, 9, 1), 90)
    assert not expires_within(end, datetime.date(2027, 1, 1), 90)
