import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from disclosure.finance.models import LedgerEntry
from disclosure.finance.services.budgets import save_budget
from disclosure.publishing import services as publishing

from ..factories import signed_off, withdrawn
from .ledgers import (
    Line,
    add_voucher,
    corrected_period,
    draft_period,
    publish_draft,
    published_period,
)


@pytest.fixture
def api():
    return APIClient()


def test_published_periods_are_listed_with_their_totals(api, village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    data = api.get("/api/v1/finance/periods/").json()
    assert data["count"] == 1
    period = data["results"][0]
    assert (period["village"], period["year"], period["number"]) == (village_a.code, 2025, 1)
    assert (period["income"], period["expenditure"]) == ("62000.00", "40120.00")
    assert (period["bank_opening"], period["bank_closing"]) == ("100000.00", "121880.00")
    assert period["hospitality"] == "320.00"
    assert period["digest"] == revision.digest
    assert {
        "category": "subsidy_income",
        "income": "50000.00",
        "expenditure": "0.00",
        "entries": 1,
    } in period["categories"]


def test_drafts_are_never_listed(api, village_a, clerk_a):
    draft_period(village_a, clerk_a)
    assert api.get("/api/v1/finance/periods/").json()["count"] == 0


def test_a_corrected_period_is_listed_once_with_the_corrected_figures(
    api, village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a)
    lines = [Line("上级转移支付补助", "521", "补助收入", "subsidy_income", "60000.00")]
    corrected_period(revision, clerk_a, supervisor_a, lines)
    results = api.get("/api/v1/finance/periods/").json()["results"]
    assert [(p["revision"], p["income"]) for p in results] == [(2, "60000.00")]


def test_a_withdrawn_period_is_not_listed(api, village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    withdrawn(revision.posting, clerk_a, supervisor_a, reason="账目有误")
    assert api.get("/api/v1/finance/periods/").json()["count"] == 0


def test_periods_can_be_filtered_by_village_and_year(
    api, village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    published_period(village_a, clerk_a, supervisor_a, year=2024, number=4)
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    published_period(village_b, clerk_b, supervisor_b, year=2025, number=1)
    by_village = api.get(f"/api/v1/finance/periods/?village={village_a.code}").json()
    assert by_village["count"] == 2
    by_year = api.get(f"/api/v1/finance/periods/?village={village_a.code}&year=2025").json()
    assert [p["year"] for p in by_year["results"]] == [2025]
    assert api.get("/api/v1/finance/periods/?year=abc").status_code == 400


def test_a_periods_entries_come_by_page_with_vouchers_and_masked_phones(
    api, village_a, clerk_a, supervisor_a
):
    lines = [
        Line(f"保洁员工资{n}", "531", "管理费用", "management_expenses", "0", "100.00")
        for n in range(60)
    ]
    lines[0].counterparty = "李13812345678"
    draft = draft_period(village_a, clerk_a, lines=lines)
    add_voucher(LedgerEntry.objects.get(revision=draft, line=1))
    revision = publish_draft(draft, clerk_a, supervisor_a)
    period_id = revision.posting.finance_period.pk
    first = api.get(f"/api/v1/finance/periods/{period_id}/entries/").json()
    assert first["count"] == 60 and len(first["results"]) == 50
    entry = first["results"][0]
    assert entry["counterparty"] == "李138****5678"
    assert entry["expenditure"] == "100.00"
    assert entry["vouchers"][0]["url"].startswith("http://testserver/fv/")
    second = api.get(first["next"]).json()
    assert len(second["results"]) == 10


def test_the_entries_of_an_unpublished_period_are_not_found(api, village_a, clerk_a):
    draft = draft_period(village_a, clerk_a)
    period_id = draft.posting.finance_period.pk
    assert api.get(f"/api/v1/finance/periods/{period_id}/entries/").status_code == 404
    assert api.get(f"/api/v1/finance/periods/{period_id}/").status_code == 404


def test_the_period_list_costs_the_same_queries_however_many_periods(
    api, village_a, clerk_a, supervisor_a
):
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    with CaptureQueriesContext(connection) as one:
        api.get("/api/v1/finance/periods/")
    for number in (2, 3, 4):
        published_period(village_a, clerk_a, supervisor_a, year=2025, number=number)
    with CaptureQueriesContext(connection) as four:
        api.get("/api/v1/finance/periods/")
    assert len(four) == len(one) == 3


def test_a_published_budget_is_set_against_the_published_periods(
    api, village_a, clerk_a, supervisor_a
):
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    budget = save_budget(
        village=village_a,
        year=2025,
        amounts={"public_welfare": "76000.00", "subsidy_income": "200000.00"},
        by=clerk_a,
    )
    publishing.publish(revision=signed_off(budget, clerk_a, supervisor_a), by=clerk_a)
    listed = api.get("/api/v1/finance/budgets/").json()["results"]
    assert [(b["village"], b["year"]) for b in listed] == [(village_a.code, 2025)]
    lines = api.get(listed[0]["url"]).json()["lines"]
    assert {
        "category": "public_welfare",
        "budget": "76000.00",
        "actual": "38000.00",
        "share": "50.0",
    } in lines
    assert {
        "category": "subsidy_income",
        "budget": "200000.00",
        "actual": "50000.00",
        "share": "25.0",
    } in lines


def test_an_unpublished_budget_is_not_listed(api, village_a, clerk_a):
    save_budget(village=village_a, year=2025, amounts={"public_welfare": "1.00"}, by=clerk_a)
    assert api.get("/api/v1/finance/budgets/").json()["count"] == 0


def test_nobody_can_write_through_the_finance_endpoints(api, village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    api.force_login(clerk_a)
    period_id = revision.posting.finance_period.pk
    assert api.post("/api/v1/finance/periods/", {}).status_code in (403, 405)
    assert api.delete(f"/api/v1/finance/periods/{period_id}/").status_code in (403, 405)
