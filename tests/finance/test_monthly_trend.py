"""The year's trend month by month: a quarter's figures fall in the months of its entries."""

import datetime
from dataclasses import replace
from decimal import Decimal

from disclosure.finance.yearly import monthly_trend, standings

from .ledgers import CLEANER, FEE, SUBSIDY, published_period


def test_a_quarter_is_spread_over_its_months_by_the_dates_of_its_entries(
    village_a, clerk_a, supervisor_a
):
    # Day 5 of the quarter is in January; day 40 in February; March has no entries.
    lines = [FEE, replace(SUBSIDY, day=40), CLEANER]
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1, lines=lines)
    rows = standings(village_a, 2025, datetime.date(2025, 12, 31))

    income, spent = monthly_trend(village_a, 2025, rows)

    assert income[:4] == [Decimal("12000.00"), Decimal("50000.00"), Decimal("0.00"), None]
    assert spent[:3] == [Decimal("1800.00"), Decimal("0.00"), Decimal("0.00")]
