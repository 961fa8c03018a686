import datetime

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from disclosure.finance.services.budgets import save_budget
from disclosure.publishing import changes
from disclosure.publishing import services as publishing

from ..clock import SHANGHAI
from ..factories import signed_off, withdrawn
from .ledgers import draft_period, published_period


def overview(village, query=""):
    response = Client().get(f"/v/{village.code}/finance/{query}")
    assert response.status_code == 200
    return response.content.decode()


def on(day: str):
    return time_machine.travel(datetime.datetime.fromisoformat(day).replace(tzinfo=SHANGHAI))


def test_each_quarter_shows_whether_it_was_published_or_is_overdue(
    village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    with on("2025-08-01T09:00"):
        html = overview(village_a, "?year=2025")
    assert revision.posting.get_absolute_url() in html
    assert html.count("逾期未公开") == 1  # quarter 2 was due on 15 July
    assert "本期尚未结束" in html  # quarter 3 and 4


def test_the_year_so_far_adds_up_the_published_periods(village_a, clerk_a, supervisor_a):
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=2)
    with on("2025-08-01T09:00"):
        html = overview(village_a, "?year=2025")
    assert "¥100,000.00" in html  # subsidy income: 50000 in each quarter
    assert 'id="trend"' in html


def test_a_withdrawn_period_is_marked_and_counts_for_nothing(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    withdrawn(revision.posting, clerk_a, supervisor_a, reason="账目有误，重新核对。")
    with on("2025-08-01T09:00"):
        html = overview(village_a, "?year=2025")
    assert "已撤回" in html
    assert "¥50,000.00" not in html


def test_a_draft_period_is_not_shown_as_published(village_a, clerk_a):
    draft = draft_period(village_a, clerk_a, year=2025, number=1)
    with on("2025-08-01T09:00"):
        html = overview(village_a, "?year=2025")
    assert draft.posting.get_absolute_url() not in html
    assert html.count("逾期未公开") == 2  # quarters 1 and 2


def test_the_budget_is_set_against_what_was_spent(village_a, clerk_a, supervisor_a):
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    budget = save_budget(
        village=village_a, year=2025, amounts={"public_welfare": "76000.00"}, by=clerk_a
    )
    publishing.publish(revision=signed_off(budget, clerk_a, supervisor_a), by=clerk_a)
    with on("2025-08-01T09:00"):
        html = overview(village_a, "?year=2025")
    section = html[html.index('id="budget-h"') :]
    assert "¥76,000.00" in section and "¥38,000.00" in section
    assert "50.0%" in section


def test_without_a_published_budget_the_page_says_so(village_a):
    assert "本年度尚未公开预算。" in overview(village_a)


def test_a_nonsense_year_shows_this_year(village_a):
    with on("2026-03-01T09:00"):
        for query in ("?year=abc", "?year=99999", "?year="):
            assert "2026" in overview(village_a, query)


def test_the_years_with_periods_can_be_switched_between(village_a, clerk_a, supervisor_a):
    published_period(village_a, clerk_a, supervisor_a, year=2024, number=4)
    with on("2025-08-01T09:00"):
        html = overview(village_a)
    assert 'href="?year=2024"' in html


def test_only_villages_have_a_finance_page(township, village_a):
    assert Client().get(f"/v/{township.code}/finance/").status_code == 404
    assert Client().get("/v/999999999999/finance/").status_code == 404


def test_the_overview_costs_the_same_queries_however_many_periods(village_a, clerk_a, supervisor_a):
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    # The village's count of changes is trusted for a second: both renderings read it afresh.
    changes.forget_counts()
    with on("2025-12-31T09:00"), CaptureQueriesContext(connection) as one:
        overview(village_a, "?year=2025")
    for number in (2, 3, 4):
        published_period(village_a, clerk_a, supervisor_a, year=2025, number=number)
    changes.forget_counts()
    with on("2025-12-31T09:00"), CaptureQueriesContext(connection) as four:
        overview(village_a, "?year=2025")
    assert len(four) == len(one)


def test_the_village_page_links_to_its_finances(village_a):
    response = Client().get(f"/v/{village_a.code}/")
    assert f'href="/v/{village_a.code}/finance/"' in response.content.decode()
