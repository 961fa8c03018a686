"""Nothing is due from a village for the days before it was on the portal."""

import datetime

import pytest

from disclosure.oversight.calendar import DueSection, due_items
from disclosure.redflags.rules.periods import period_not_disclosed
from disclosure.regions.models import Region
from disclosure.regions.services import load_regions

from ..clock import on

D = datetime.date

pytestmark = pytest.mark.usefixtures("english")


def joined(village, day):
    village.joined_on = day
    village.save(update_fields=["joined_on"])
    return village


def test_a_village_added_in_may_owes_nothing_for_the_first_quarter(village_a):
    joined(village_a, D(2025, 5, 7))

    items = due_items([village_a.pk], D(2025, 12, 31), 2025)[village_a.pk]

    finance = [item.label for item in items if item.section == DueSection.FINANCE]
    assert finance == [f"Finances 2025, quarter {number}" for number in (2, 3, 4)]
    general = [item for item in items if item.section == DueSection.GENERAL]
    assert len(general) == 3
    powers = [item for item in items if item.section == DueSection.POWERS]
    assert powers[0].due_on == D(2025, 7, 15)


def test_a_village_added_today_has_no_red_flag_for_last_year(village_a):
    joined(village_a, D(2025, 5, 7))

    flags = period_not_disclosed([village_a.pk], D(2025, 8, 1))

    assert [flag.title for flag in flags] == ["Finances of 2025, quarter 2"]


def test_a_village_there_from_the_start_owes_every_period(village_b):
    flags = period_not_disclosed([village_b.pk], D(2025, 8, 1))
    assert len(flags) == 6


def test_villages_loaded_from_the_division_codes_join_on_the_day(county):
    with on(D(2025, 5, 7)):
        load_regions(content="code,name\n990101001009,新村\n990101001000,示范镇\n".encode())

    assert Region.objects.get(code="990101001009").joined_on == D(2025, 5, 7)
