"""The statutory calendar: each kind of item on both sides of its due day, by moving the clock."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure.finance.services import periods, rules
from disclosure.oversight.calendar import DueSection, DueStatus, due_items, judge
from disclosure.publishing.models import PostingStatus

from ..clock import on
from ..decisions.builders import new_matter
from ..factories import withdrawn
from ..finance.ledgers import published_period
from .builders import (
    matter_resolved_on,
    notice_published_on,
    period_published_on,
    power_list_published_on,
    publish_resolution_on,
    publish_result_on,
)

pytestmark = pytest.mark.usefixtures("english")

D = datetime.date


def items_of(village, today, section, year=2025):
    return [i for i in due_items([village.pk], today, year)[village.pk] if i.section == section]


def status_of(village, today, section, label_part, year=2025):
    (item,) = [i for i in items_of(village, today, section, year) if label_part in i.label]
    return item


def test_an_item_is_on_time_up_to_and_including_its_due_day():
    due = D(2025, 4, 15)
    assert judge(due, D(2025, 4, 15), D(2025, 5, 1)) == DueStatus.ON_TIME
    assert judge(due, D(2025, 4, 16), D(2025, 5, 1)) == DueStatus.LATE
    assert judge(due, None, D(2025, 4, 15)) == DueStatus.NOT_YET_DUE
    assert judge(due, None, D(2025, 4, 16)) == DueStatus.MISSING


# Finances: quarterly by default, due FINANCE_DUE_DAYS (15) after the quarter ends.


def test_a_quarter_never_disclosed_is_not_due_on_its_due_day_and_missing_the_day_after(village_a):
    item = status_of(village_a, D(2025, 4, 15), DueSection.FINANCE, "quarter 1")
    assert (item.due_on, item.status) == (D(2025, 4, 15), DueStatus.NOT_YET_DUE)
    item = status_of(village_a, D(2025, 4, 16), DueSection.FINANCE, "quarter 1")
    assert item.status == DueStatus.MISSING
    assert item.published_on is None
    assert item.url == f"/staff/finance/v/{village_a.code}/"


def test_a_quarter_published_on_its_due_day_is_on_time(village_a, clerk_a, supervisor_a):
    period_published_on(D(2025, 4, 15), village_a, clerk_a, supervisor_a, year=2025, number=1)
    item = status_of(village_a, D(2025, 6, 1), DueSection.FINANCE, "quarter 1")
    assert (item.published_on, item.status) == (D(2025, 4, 15), DueStatus.ON_TIME)
    assert item.url.startswith("/p/")


def test_a_quarter_published_the_day_after_is_late(village_a, clerk_a, supervisor_a):
    period_published_on(D(2025, 4, 16), village_a, clerk_a, supervisor_a, year=2025, number=1)
    item = status_of(village_a, D(2025, 6, 1), DueSection.FINANCE, "quarter 1")
    assert item.status == DueStatus.LATE


def test_a_publication_late_in_the_evening_counts_on_beijing_time(village_a, clerk_a, supervisor_a):
    # 23:00 in Beijing is 15:00 UTC on the same day: still the due day.
    with on(D(2025, 4, 15), hour=23):
        published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    item = status_of(village_a, D(2025, 6, 1), DueSection.FINANCE, "quarter 1")
    assert item.status == DueStatus.ON_TIME


def test_a_monthly_village_owes_twelve_periods_each_due_after_its_month(village_a, clerk_a):
    rules.set_village_rule(village=village_a, frequency="monthly", due_days=10, by=clerk_a)
    items = items_of(village_a, D(2025, 2, 10), DueSection.FINANCE)
    assert len(items) == 12
    assert (items[0].label, items[0].due_on) == ("Finances 2025, month 1", D(2025, 2, 10))
    assert items[0].status == DueStatus.NOT_YET_DUE
    assert items_of(village_a, D(2025, 2, 11), DueSection.FINANCE)[0].status == "missing"


def test_a_period_created_but_not_published_is_missing_once_due(village_a, clerk_a):
    periods.get_or_create_period(village=village_a, year=2025, number=2, by=clerk_a)
    item = status_of(village_a, D(2025, 7, 16), DueSection.FINANCE, "quarter 2")
    assert item.status == DueStatus.MISSING


def test_a_withdrawn_period_no_longer_counts(village_a, clerk_a, supervisor_a):
    revision = period_published_on(
        D(2025, 4, 1), village_a, clerk_a, supervisor_a, year=2025, number=1
    )
    withdrawn(revision.posting, clerk_a, supervisor_a, reason="账目有误，重新整理。")
    assert revision.posting.__class__.objects.get(pk=revision.posting_id).status == (
        PostingStatus.WITHDRAWN
    )
    item = status_of(village_a, D(2025, 6, 1), DueSection.FINANCE, "quarter 1")
    assert item.status == DueStatus.MISSING


# General village affairs: a posting of another section within the quarter or its grace days.


def test_a_notice_within_the_quarter_covers_it(village_a, clerk_a, supervisor_a):
    notice_published_on(D(2025, 2, 1), village_a, clerk_a, supervisor_a)
    item = status_of(village_a, D(2025, 5, 1), DueSection.GENERAL, "quarter 1")
    assert (item.status, item.published_on) == (DueStatus.ON_TIME, D(2025, 2, 1))


def test_a_notice_on_the_quarters_due_day_still_covers_it(village_a, clerk_a, supervisor_a):
    notice_published_on(D(2025, 4, 15), village_a, clerk_a, supervisor_a)
    item = status_of(village_a, D(2025, 5, 1), DueSection.GENERAL, "quarter 1")
    assert item.status == DueStatus.ON_TIME


def test_a_notice_the_day_after_leaves_the_quarter_missing(village_a, clerk_a, supervisor_a):
    notice_published_on(D(2025, 4, 16), village_a, clerk_a, supervisor_a)
    assert status_of(village_a, D(2025, 4, 15), DueSection.GENERAL, "quarter 1").status == (
        DueStatus.NOT_YET_DUE
    )
    assert status_of(village_a, D(2025, 4, 16), DueSection.GENERAL, "quarter 1").status == (
        DueStatus.MISSING
    )
    assert status_of(village_a, D(2025, 4, 16), DueSection.GENERAL, "quarter 2").status == (
        DueStatus.ON_TIME
    )


def test_finances_do_not_count_as_general_affairs(village_a, clerk_a, supervisor_a):
    period_published_on(D(2025, 2, 1), village_a, clerk_a, supervisor_a, year=2024, number=4)
    item = status_of(village_a, D(2025, 5, 1), DueSection.GENERAL, "quarter 1")
    assert item.status == DueStatus.MISSING


# Major matters: the resolution within 7 days of the resolving meeting, the result within 30
# days after implementation ended.


def test_a_resolution_published_on_its_due_day_is_on_time(village_a, clerk_a, supervisor_a):
    matter = matter_resolved_on(D(2025, 3, 1), village_a, clerk_a)
    assert status_of(village_a, D(2025, 3, 8), DueSection.DECISIONS, "Resolution").status == (
        DueStatus.NOT_YET_DUE
    )
    assert status_of(village_a, D(2025, 3, 9), DueSection.DECISIONS, "Resolution").status == (
        DueStatus.MISSING
    )
    publish_resolution_on(D(2025, 3, 8), matter, clerk_a, supervisor_a)
    item = status_of(village_a, D(2025, 4, 1), DueSection.DECISIONS, "Resolution")
    assert (item.due_on, item.status) == (D(2025, 3, 8), DueStatus.ON_TIME)


def test_a_resolution_published_the_day_after_is_late(village_a, clerk_a, supervisor_a):
    matter = matter_resolved_on(D(2025, 3, 1), village_a, clerk_a)
    publish_resolution_on(D(2025, 3, 9), matter, clerk_a, supervisor_a)
    item = status_of(village_a, D(2025, 4, 1), DueSection.DECISIONS, "Resolution")
    assert item.status == DueStatus.LATE


def test_a_result_is_due_thirty_days_after_implementation_ended(village_a, clerk_a, supervisor_a):
    matter = matter_resolved_on(D(2025, 3, 1), village_a, clerk_a)
    publish_resolution_on(D(2025, 3, 2), matter, clerk_a, supervisor_a)
    labels = [i.label for i in items_of(village_a, D(2025, 4, 1), DueSection.DECISIONS)]
    assert labels == ["Resolution: 村道硬化工程"]
    matter.implementation_ended_on = D(2025, 6, 1)
    matter.save(update_fields=["implementation_ended_on"])
    assert status_of(village_a, D(2025, 7, 1), DueSection.DECISIONS, "Result").status == (
        DueStatus.NOT_YET_DUE
    )
    assert status_of(village_a, D(2025, 7, 2), DueSection.DECISIONS, "Result").status == (
        DueStatus.MISSING
    )
    publish_result_on(D(2025, 7, 1), matter, clerk_a, supervisor_a)
    item = status_of(village_a, D(2025, 8, 1), DueSection.DECISIONS, "Result")
    assert (item.due_on, item.status) == (D(2025, 7, 1), DueStatus.ON_TIME)


def test_a_matter_still_in_discussion_owes_nothing(village_a, clerk_a):
    new_matter(village_a, clerk_a)
    assert items_of(village_a, D(2025, 12, 31), DueSection.DECISIONS) == []


# The list of small powers: one in force by the first quarter's due day.


def test_a_list_of_powers_published_by_the_due_day_is_on_time(village_a, clerk_a, supervisor_a):
    power_list_published_on(D(2025, 4, 15), village_a, clerk_a, supervisor_a)
    (item,) = items_of(village_a, D(2025, 6, 1), DueSection.POWERS)
    assert item.status == DueStatus.ON_TIME
    (next_year,) = items_of(village_a, D(2026, 6, 1), DueSection.POWERS, year=2026)
    assert next_year.status == DueStatus.ON_TIME


def test_a_list_of_powers_published_after_the_due_day_is_late(village_a, clerk_a, supervisor_a):
    assert items_of(village_a, D(2025, 4, 15), DueSection.POWERS)[0].status == "not_yet_due"
    assert items_of(village_a, D(2025, 4, 16), DueSection.POWERS)[0].status == "missing"
    power_list_published_on(D(2025, 4, 16), village_a, clerk_a, supervisor_a)
    assert items_of(village_a, D(2025, 6, 1), DueSection.POWERS)[0].status == DueStatus.LATE


def test_every_village_asked_for_has_its_items(village_a, village_b, village_c):
    found = due_items([village_a.pk, village_b.pk, village_c.pk], D(2025, 6, 1), 2025)
    assert set(found) == {village_a.pk, village_b.pk, village_c.pk}
    # Four quarters of finances, four of general affairs, the list of powers.
    assert all(len(items) == 9 for items in found.values())


def test_the_number_of_queries_does_not_grow_with_the_villages(
    village_a, village_b, village_c, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    period_published_on(D(2025, 4, 1), village_a, clerk_a, supervisor_a, year=2025, number=1)
    notice_published_on(D(2025, 2, 1), village_b, clerk_b, supervisor_b)
    matter = matter_resolved_on(D(2025, 3, 1), village_a, clerk_a)
    publish_resolution_on(D(2025, 3, 2), matter, clerk_a, supervisor_a)
    with CaptureQueriesContext(connection) as one:
        due_items([village_a.pk], D(2025, 12, 31), 2025)
    with CaptureQueriesContext(connection) as three:
        due_items([village_a.pk, village_b.pk, village_c.pk], D(2025, 12, 31), 2025)
    assert len(one) == len(three) == 6
