"""Three-public spending (三公经费) up on the same months of last year."""

import datetime
from decimal import Decimal

import pytest

from disclosure.finance.models import Category
from disclosure.redflags.rules.threepublic import three_public_rose

from ..finance.ledgers import FEE, Line, published_period

TODAY = datetime.date(2026, 6, 1)
pytestmark = pytest.mark.usefixtures("english")


def spent(village, clerk, supervisor, year: int, amount: str, number: int = 1):
    lines = [
        FEE,
        Line(
            "公务用车加油",
            "531",
            "管理费用",
            Category.MANAGEMENT_EXPENSES,
            expenditure=amount,
            hospitality=True,
        ),
    ]
    published_period(village, clerk, supervisor, year=year, number=number, lines=lines)


def test_more_spent_than_in_the_same_months_of_last_year_is_flagged(
    village_a, clerk_a, supervisor_a
):
    spent(village_a, clerk_a, supervisor_a, 2025, "1200.00")
    spent(village_a, clerk_a, supervisor_a, 2025, "9000.00", number=2)
    spent(village_a, clerk_a, supervisor_a, 2026, "1500.00")

    [flag] = three_public_rose([village_a.pk], TODAY)

    assert flag.amount == Decimal("300.00")
    assert flag.explanation == (
        "1,500.00 yuan in the 3 months disclosed in both years, against 1,200.00 yuan in the "
        "same months of 2025: 300.00 yuan more."
    )
    assert flag.on == datetime.date(2026, 3, 31)
    assert flag.url == f"/v/{village_a.code}/finance/?year=2026"
    assert flag.key == "three_public_rose/three_public/2026"


@pytest.mark.parametrize("amount", ["1200.00", "800.00"])
def test_the_same_or_less_is_not_flagged(village_a, clerk_a, supervisor_a, amount):
    spent(village_a, clerk_a, supervisor_a, 2025, "1200.00")
    spent(village_a, clerk_a, supervisor_a, 2026, amount)

    assert three_public_rose([village_a.pk], TODAY) == []


def test_a_first_year_on_the_portal_has_nothing_to_compare_with(village_a, clerk_a, supervisor_a):
    spent(village_a, clerk_a, supervisor_a, 2026, "5000.00")

    assert three_public_rose([village_a.pk], TODAY) == []


def test_last_years_rise_is_still_flagged_in_the_new_year(
    village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    spent(village_a, clerk_a, supervisor_a, 2024, "100.00")
    spent(village_a, clerk_a, supervisor_a, 2025, "400.00")
    spent(village_b, clerk_b, supervisor_b, 2025, "400.00")

    flags = three_public_rose([village_a.pk, village_b.pk], datetime.date(2026, 1, 20))

    assert [(flag.village_id, flag.title) for flag in flags] == [
        (village_a.pk, "“Three public” spending of 2025")
    ]
