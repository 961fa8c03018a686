import datetime
import gzip
import io
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from disclosure.contracts import projects, services
from disclosure.contracts.projects import StageReport

from ..spreadsheets.formulas import (
    PAYLOADS,
    assert_csv_runs_nothing,
    assert_xlsx_runs_nothing,
    xlsx_values,
)
from .conftest import IDENTITY_NUMBER, lease_terms, publish


def _overview(client, village):
    return client.get(f"/v/{village.code}/contracts/").content.decode()


@time_machine.travel(datetime.date(2025, 6, 1))
def test_villagers_see_the_arrears_of_a_contract_until_it_is_paid(client, pond_lease, clerk_a):
    page = _overview(client, pond_lease.village)
    assert "10,000.00" in page
    assert "东洼鱼塘承包合同" in page
    services.record_payment(
        posting=pond_lease.posting,
        paid_on=datetime.date(2025, 5, 30),
        amount=Decimal("10000"),
        by=clerk_a,
    )
    page = _overview(client, pond_lease.village)
    assert "10,000.00" not in page
    assert "没有欠款的合同" in page


@time_machine.travel(datetime.date(2024, 2, 1))
def test_nothing_is_in_arrears_before_the_first_rent_falls_due(client, pond_lease):
    assert "没有欠款的合同" in _overview(client, pond_lease.village)


@time_machine.travel(datetime.date(2026, 11, 1))
def test_a_contract_ending_within_the_window_is_listed_as_expiring(client, pond_lease):
    page = _overview(client, pond_lease.village)
    assert "2026-12-31 到期" in page


@time_machine.travel(datetime.date(2026, 11, 1))
def test_the_expiry_window_is_a_setting(client, pond_lease, settings):
    settings.CONTRACTS_EXPIRY_WINDOW_DAYS = 30
    assert "2026-12-31 到期" not in _overview(client, pond_lease.village)


def test_a_draft_contract_is_not_shown_to_villagers(client, village_a, clerk_a):
    services.create_contract(village=village_a, title="草稿合同", terms=lease_terms(), by=clerk_a)
    assert "草稿合同" not in _overview(client, village_a)


@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_posting_page_shows_the_schedule_with_its_status_and_a_masked_identity_number(
    client, pond_lease
):
    page = client.get(pond_lease.posting.get_absolute_url()).content.decode()
    assert "已逾期" in page
    assert "3201**********1234" in page
    assert IDENTITY_NUMBER not in page
    assert "李明" in page


@time_machine.travel(datetime.date(2025, 6, 1))
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_downloads_carry_the_contract_with_its_identity_number_masked(client, pond_lease, fmt):
    response = client.get(f"/v/{pond_lease.village.code}/contracts/contracts.{fmt}")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [cell.value for row in sheet.iter_rows() for cell in row]
        text = " ".join(str(value) for value in values)
        assert 10000 in values  # amounts are numbers in Excel
    else:
        text = response.content.decode("utf-8-sig")
        assert "10000.00" in text
    assert "3201**********1234" in text
    assert IDENTITY_NUMBER not in text


def test_an_unknown_download_format_is_not_found(client, village_a):
    assert client.get(f"/v/{village_a.code}/contracts/contracts.exe").status_code == 404


def test_an_unknown_village_is_not_found(client, db):
    assert client.get("/v/999999999999/contracts/").status_code == 404


def test_the_overview_shows_each_projects_stages_with_bidders_and_prices(
    client, village_a, clerk_a, supervisor_a
):
    first = StageReport(
        "approval", datetime.date(2025, 3, 1), "村民代表会议通过", Decimal("300000")
    )
    revision = projects.create_project(
        village=village_a, title="村道硬化工程", first=first, by=clerk_a
    )
    publish(revision, clerk_a, supervisor_a)
    bidding = StageReport(
        "bidding",
        datetime.date(2025, 4, 1),
        "公开招标",
        bids=[
            ("青山建筑公司", Decimal("288000"), True),
            ("白水路桥公司", Decimal("295000"), False),
        ],
    )
    revision = projects.add_stage(posting=revision.posting, report=bidding, by=clerk_a)
    publish(revision, clerk_a, supervisor_a)
    page = _overview(client, village_a)
    assert "村道硬化工程" in page
    assert "招标" in page
    assert "288,000.00" in page
    assert "白水路桥公司" in page


def test_the_overview_of_a_village_with_many_contracts_stays_under_the_page_budget(
    client, village_a, clerk_a, supervisor_a
):

    for number in range(12):
        revision = services.create_contract(
            village=village_a, title=f"第{number}号土地租赁合同", terms=lease_terms(), by=clerk_a
        )
        publish(revision, clerk_a, supervisor_a)
    page = client.get(f"/v/{village_a.code}/contracts/").content
    assert len(gzip.compress(page)) < 30 * 1024


def test_the_village_page_links_to_the_contracts_overview(client, village_a):
    page = client.get(f"/v/{village_a.code}/").content.decode()
    assert f"/v/{village_a.code}/contracts/" in page


@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_overview_costs_the_same_queries_however_many_contracts_it_lists(
    client, village_a, clerk_a, supervisor_a, django_assert_max_num_queries
):
    def add_contract(number):
        revision = services.create_contract(
            village=village_a, title=f"第{number}号合同", terms=lease_terms(), by=clerk_a
        )
        publish(revision, clerk_a, supervisor_a)

    add_contract(1)

    with CaptureQueriesContext(connection) as one:
        client.get(f"/v/{village_a.code}/contracts/")
    for number in range(2, 6):
        add_contract(number)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(f"/v/{village_a.code}/contracts/")


@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_api_list_costs_the_same_queries_however_many_contracts_it_lists(
    client, village_a, clerk_a, supervisor_a, django_assert_max_num_queries
):

    publish(
        services.create_contract(village=village_a, title="合同", terms=lease_terms(), by=clerk_a),
        clerk_a,
        supervisor_a,
    )
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/contracts/")
    for _number in range(4):
        publish(
            services.create_contract(
                village=village_a, title="合同", terms=lease_terms(), by=clerk_a
            ),
            clerk_a,
            supervisor_a,
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/api/v1/contracts/")


def test_the_chain_download_and_the_revisions_api_carry_only_the_masked_identity_number(
    client, pond_lease
):
    chain = client.get(f"/v/{pond_lease.village.code}/chain.json").content.decode()
    revision = client.get(f"/api/v1/revisions/{pond_lease.pk}/").content.decode()
    for text in (chain, revision):
        assert "3201**********1234" in text
        assert IDENTITY_NUMBER not in text


@time_machine.travel(datetime.date(2025, 6, 1))
def test_text_that_would_run_as_a_formula_is_neutralised_in_downloads(
    client, village_a, clerk_a, supervisor_a
):
    for payload in PAYLOADS:
        terms = lease_terms(counterparty=payload, subject=payload, purpose=payload)
        revision = services.create_contract(
            village=village_a, title="鱼塘承包合同", terms=terms, by=clerk_a
        )
        publish(revision, clerk_a, supervisor_a)
    url = f"/v/{village_a.code}/contracts/contracts."
    assert_csv_runs_nothing(client.get(url + "csv").content)
    xlsx = client.get(url + "xlsx").content
    assert_xlsx_runs_nothing(xlsx)
    assert 15000 in xlsx_values(xlsx)
