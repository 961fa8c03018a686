"""The finance disclosure calendar: the county sets it, a village may only be stricter, and a
change applies from the next period on."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure.finance.models import Frequency
from disclosure.finance.services import periods, rules
from disclosure.finance.yearly import standings, year_to_date
from disclosure.oversight.calendar import DueSection, DueStatus, due_items
from disclosure.oversight.scoring import score

from ..clock import on
from .ledgers import published_period

D = datetime.date
pytestmark = pytest.mark.usefixtures("english")


def finance_items(village, today, year):
    items = due_items([village.pk], today, year)[village.pk]
    return [item for item in items if item.section == DueSection.FINANCE]


def test_the_county_sets_the_calendar_from_the_next_quarter(county, village_a, administrator):
    with on(D(2025, 5, 7)):
        rule = rules.set_county_rule(
            county=county, frequency="monthly", due_days=10, by=administrator
        )

    assert rule.applies_from == D(2025, 7, 1)
    schedule = rules.rules_of_village(village_a).schedule(2025)
    assert [(due.frequency, due.number) for due in schedule[:3]] == [
        (Frequency.QUARTERLY, 1),
        (Frequency.QUARTERLY, 2),
        (Frequency.MONTHLY, 7),
    ]
    assert schedule[2].due_on == D(2025, 8, 10)


def test_only_an_administrator_sets_the_county_calendar(county, clerk_a, township_official):
    for person in (clerk_a, township_official):
        with pytest.raises(PermissionDenied):
            rules.set_county_rule(county=county, frequency="monthly", due_days=10, by=person)


def test_a_village_cannot_lengthen_its_deadline_beyond_the_county(village_a, clerk_a):
    with pytest.raises(ValidationError, match="may only be stricter"):
        rules.set_village_rule(village=village_a, frequency="quarterly", due_days=60, by=clerk_a)

    assert rules.rules_of_village(village_a).at(D(2026, 1, 1)).due_days == 15


def test_a_village_cannot_disclose_less_often_than_its_county_asks(
    county, village_a, clerk_a, administrator
):
    with on(D(2024, 12, 1)):
        rules.set_county_rule(county=county, frequency="monthly", due_days=15, by=administrator)

    with pytest.raises(ValidationError, match="may only be stricter"):
        rules.set_village_rule(village=village_a, frequency="quarterly", due_days=15, by=clerk_a)


def test_a_village_may_be_stricter_than_its_county(village_a, clerk_a):
    rules.set_village_rule(village=village_a, frequency="monthly", due_days=10, by=clerk_a)

    assert rules.rules_of_village(village_a).at(D(2025, 3, 1)) == rules.Rule("monthly", 10)


def test_the_county_becoming_stricter_binds_a_village_with_rules_of_its_own(
    county, village_a, clerk_a, administrator
):
    rules.set_village_rule(village=village_a, frequency="quarterly", due_days=12, by=clerk_a)
    with on(D(2025, 2, 1)):
        rules.set_county_rule(county=county, frequency="monthly", due_days=20, by=administrator)

    assert rules.rules_of_village(village_a).at(D(2025, 4, 1)) == rules.Rule("monthly", 12)


def monthly_year_published(village, clerk, supervisor, months):
    with on(D(2025, 1, 2)):
        rules.set_village_rule(village=village, frequency="monthly", due_days=15, by=clerk)
    for month in months:
        with on(D(2025, month, 28) + datetime.timedelta(days=10)):
            published_period(village, clerk, supervisor, year=2025, number=month)


def test_a_change_of_frequency_never_judges_the_months_already_published_again(
    village_a, clerk_a, supervisor_a
):
    monthly_year_published(village_a, clerk_a, supervisor_a, range(1, 12))

    with on(D(2025, 12, 7)):
        rule = rules.set_village_rule(
            village=village_a, frequency="quarterly", due_days=15, by=clerk_a
        )

    assert rule.applies_from == D(2026, 1, 1)
    items = finance_items(village_a, D(2025, 12, 20), 2025)
    assert len(items) == 12
    assert [item.status for item in items[:11]] == [DueStatus.ON_TIME] * 11
    assert score(items) == 100
    assert finance_items(village_a, D(2026, 5, 1), 2026)[0].label == "Finances 2026, quarter 1"


def test_no_quarter_can_be_created_on_top_of_months(village_a, clerk_a, supervisor_a):
    monthly_year_published(village_a, clerk_a, supervisor_a, [1, 2, 3])
    with on(D(2025, 12, 7)):
        rules.set_village_rule(village=village_a, frequency="quarterly", due_days=15, by=clerk_a)

    with pytest.raises(ValidationError):
        periods.get_or_create_period(
            village=village_a, year=2025, number=1, frequency="quarterly", by=clerk_a
        )


def test_the_year_page_counts_each_month_once(village_a, clerk_a, supervisor_a):
    monthly_year_published(village_a, clerk_a, supervisor_a, [1, 2, 3])
    with on(D(2025, 4, 20)):
        rules.set_village_rule(village=village_a, frequency="quarterly", due_days=15, by=clerk_a)

    rows = standings(village_a, 2025, D(2025, 12, 31))
    assert [(row.start, row.end) for row in rows[:4]] == [
        (D(2025, 1, 1), D(2025, 1, 31)),
        (D(2025, 2, 1), D(2025, 2, 28)),
        (D(2025, 3, 1), D(2025, 3, 31)),
        (D(2025, 4, 1), D(2025, 6, 30)),
    ]
    income, _spent = year_to_date(village_a, 2025)
    # Each month carries 12,000 of land-contracting fees (tests/finance/ledgers.py).
    assert income[0].amount == 3 * 12000


def test_a_change_before_the_quarters_first_period_ends_applies_to_that_quarter(
    village_a, clerk_a, supervisor_a
):
    monthly_year_published(village_a, clerk_a, supervisor_a, [1, 2, 3])
    with on(D(2025, 4, 20)):
        rule = rules.set_village_rule(
            village=village_a, frequency="quarterly", due_days=15, by=clerk_a
        )

    assert rule.applies_from == D(2025, 4, 1)


def test_a_second_change_before_the_first_applies_replaces_it(village_a, clerk_a, supervisor_a):
    monthly_year_published(village_a, clerk_a, supervisor_a, [1])
    with on(D(2025, 2, 10)):
        rules.set_village_rule(village=village_a, frequency="quarterly", due_days=15, by=clerk_a)
        rules.set_village_rule(village=village_a, frequency="monthly", due_days=10, by=clerk_a)

    village_rules = rules.rules_of_village(village_a)
    assert [row.applies_from for row in village_rules.own_rows] == [D(2000, 1, 1), D(2025, 4, 1)]
    assert village_rules.at(D(2025, 4, 1)) == rules.Rule("monthly", 10)
