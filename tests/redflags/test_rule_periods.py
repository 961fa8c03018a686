"""Finance periods past their due date without a published disclosure."""

import datetime

import pytest

from disclosure.finance.services import rules
from disclosure.redflags.rules.periods import period_not_disclosed

from ..clock import on
from ..factories import withdrawn
from ..finance.ledgers import draft_period, published_period
from .builders import quarterly

pytestmark = pytest.mark.usefixtures("english")
# 2025's first quarter ends on 31 March and is due 15 days later.
Q1_DUE = datetime.date(2025, 4, 15)


def titles(village, today):
    return [flag.title for flag in period_not_disclosed([village.pk], today)]


def test_nothing_is_due_on_the_due_date_itself(village_a, clerk_a, supervisor_a):
    quarterly(village_a, clerk_a)
    for number in range(1, 5):
        published_period(village_a, clerk_a, supervisor_a, year=2024, number=number)
    assert titles(village_a, Q1_DUE) == []


def test_a_period_never_created_is_flagged_the_day_after_its_due_date(
    village_a, clerk_a, supervisor_a
):
    quarterly(village_a, clerk_a)
    for number in range(1, 5):
        published_period(village_a, clerk_a, supervisor_a, year=2024, number=number)
    flags = period_not_disclosed([village_a.pk], Q1_DUE + datetime.timedelta(days=1))
    assert [flag.title for flag in flags] == ["Finances of 2025, quarter 1"]
    assert "no ledger was ever imported" in flags[0].explanation
    assert "1 days ago" in flags[0].explanation
    assert flags[0].posting_id is None


def test_a_period_imported_but_not_published_is_flagged(village_a, clerk_a, supervisor_a):
    quarterly(village_a, clerk_a)
    for number in range(1, 5):
        published_period(village_a, clerk_a, supervisor_a, year=2024, number=number)
    draft = draft_period(village_a, clerk_a, year=2025, number=1)
    flags = period_not_disclosed([village_a.pk], Q1_DUE + datetime.timedelta(days=1))
    assert len(flags) == 1
    assert "has not been published" in flags[0].explanation
    assert flags[0].posting_id == draft.posting_id


def test_a_withdrawn_period_is_flagged(village_a, clerk_a, supervisor_a):
    quarterly(village_a, clerk_a)
    revision = published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    withdrawn(revision.posting, clerk_a, supervisor_a, reason="账目有误")
    flags = period_not_disclosed([village_a.pk], Q1_DUE + datetime.timedelta(days=1))
    assert any("withdrawn" in flag.explanation for flag in flags)


def test_a_village_without_any_ledger_is_flagged_for_last_year_and_this_year(village_b):
    flags = period_not_disclosed([village_b.pk], datetime.date(2025, 8, 1))
    # 2024's four quarters and 2025's first two (the second was due on 15 July).
    assert len(flags) == 6
    assert flags[-1].title == "Finances of 2025, quarter 2"


def test_a_period_of_the_other_frequency_covers_the_months(village_a, clerk_a, supervisor_a):
    quarterly(village_a, clerk_a)
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    with on(datetime.date(2025, 4, 2)):
        rules.set_village_rule(village=village_a, frequency="monthly", due_days=15, by=clerk_a)
    # January to March are covered by the quarter; from April on the village discloses monthly,
    # and April is due on 15 May.
    assert titles(village_a, datetime.date(2025, 5, 16))[-1:] == ["Finances of 2025, month 4"]
    assert "Finances of 2025, month 1" not in titles(village_a, datetime.date(2025, 5, 16))
