import datetime
from decimal import Decimal

import time_machine

from disclosure.contracts import services

from .conftest import IDENTITY_NUMBER, lease_terms


@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_contract_list_gives_status_and_arrears_as_of_today(client, pond_lease):
    response = client.get("/api/v1/contracts/", {"village": pond_lease.village.code})
    (contract,) = response.json()["results"]
    assert contract["status"] == "overdue"
    assert contract["arrears"] == "10000.00"
    assert contract["identity_number"] == "3201**********1234"
    assert [i["status"] for i in contract["schedule"]] == ["overdue", "overdue", "due"]


@time_machine.travel(datetime.date(2025, 6, 1))
def test_a_contract_detail_lists_its_payments(client, pond_lease, clerk_a):
    services.record_payment(
        posting=pond_lease.posting,
        paid_on=datetime.date(2025, 5, 1),
        amount=Decimal("5000"),
        ledger_reference="记-0501",
        by=clerk_a,
    )
    response = client.get(f"/api/v1/contracts/{pond_lease.posting.code}/")
    body = response.json()
    assert body["payments"][0]["amount"] == "5000.00"
    assert body["payments"][0]["ledger_reference"] == "记-0501"
    assert body["arrears"] == "5000.00"
    assert IDENTITY_NUMBER not in response.content.decode()


def test_drafts_are_not_in_the_api(client, village_a, clerk_a):
    draft = services.create_contract(
        village=village_a, title="草稿合同", terms=lease_terms(), by=clerk_a
    )
    assert client.get("/api/v1/contracts/").json()["count"] == 0
    assert client.get(f"/api/v1/contracts/{draft.posting.code}/").status_code == 404


def test_the_api_refuses_writes(client, pond_lease, clerk_a):
    client.force_login(clerk_a)
    assert client.post("/api/v1/contracts/", {}).status_code in (403, 405)


def test_an_unknown_village_has_no_ocds_package(client, db):
    assert client.get("/api/v1/contracts/ocds/999999999999/").status_code == 404


def test_projects_are_listed_with_their_stages(client, village_a, clerk_a, supervisor_a):
    from disclosure.contracts import projects
    from disclosure.contracts.projects import StageReport

    from .conftest import publish

    first = StageReport("approval", datetime.date(2025, 3, 1), "立项", Decimal("300000"))
    revision = projects.create_project(
        village=village_a, title="村道硬化工程", first=first, by=clerk_a
    )
    publish(revision, clerk_a, supervisor_a)
    (project,) = client.get("/api/v1/projects/").json()["results"]
    assert project["title"] == "村道硬化工程"
    assert project["stages"][0]["amount"] == "300000.00"
