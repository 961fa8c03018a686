import datetime
from decimal import Decimal

import pytest
import time_machine

from disclosure.contracts.models import Contract, Payment

from .conftest import lease_terms

LEASE_FORM = {
    "title": "西山林地租赁合同",
    "counterparty_kind": "person",
    "counterparty": "刘芳",
    "identity_number": "32010219850505432x",
    "subject": "西山林地 50 亩",
    "purpose": "种植果树",
    "direction": "income",
    "start_date": "2025-01-01",
    "end_date": "2027-12-31",
    "total_amount": "9000",
    "award_method": "negotiation",
    "decision_reference": "2024年12月村民代表会议决议",
    "schedule": "2025-03-31, 3000\n2026-03-31，3000\n2027-03-31\t3000",
    "bids": "",
    "body": "",
}


def _new(client, village, **changes):
    return client.post(f"/staff/contracts/v/{village.code}/new/", {**LEASE_FORM, **changes})


def test_a_clerk_registers_a_lease_with_its_schedule(client, village_a, clerk_a):
    client.force_login(clerk_a)
    response = _new(client, village_a)
    contract = Contract.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/staff/revisions/{contract.revision_id}/"
    assert contract.identity_number == "32010219850505432X"
    assert [i.amount for i in contract.revision.instalments.all()] == [Decimal("3000.00")] * 3


def test_a_mistyped_schedule_line_is_named_and_nothing_is_saved(client, village_a, clerk_a):
    client.force_login(clerk_a)
    response = _new(client, village_a, schedule="2025-03-31, 3000\n2026-13-31, 3000")
    assert response.status_code == 200
    assert "第2行" in response.content.decode()
    assert not Contract.objects.exists()


def test_a_refusal_by_the_service_is_shown_beside_the_field(client, village_a, clerk_a):
    client.force_login(clerk_a)
    response = _new(client, village_a, end_date="2024-01-01")
    assert "终止日期不能早于起始日期" in response.content.decode()
    assert not Contract.objects.exists()


@pytest.mark.parametrize(
    ("person", "status"),
    [("supervisor_a", 403), ("township_official", 403), ("clerk_b", 404)],
)
def test_only_the_villages_clerk_registers_contracts(client, village_a, person, status, request):
    client.force_login(request.getfixturevalue(person))
    assert _new(client, village_a).status_code == status
    assert not Contract.objects.exists()


def test_the_clerk_edits_the_terms_of_a_draft(client, village_a, clerk_a):
    client.force_login(clerk_a)
    _new(client, village_a)
    revision = Contract.objects.get().revision
    page = client.get(f"/staff/contracts/revisions/{revision.pk}/terms/").content.decode()
    assert "2026-03-31, 3000.00" in page
    client.post(
        f"/staff/contracts/revisions/{revision.pk}/terms/",
        {**LEASE_FORM, "counterparty": "刘芳芳"},
    )
    assert Contract.objects.get().counterparty == "刘芳芳"


def test_the_staff_village_page_lists_drafts_for_the_township_official(
    client, village_a, clerk_a, township_official
):
    from disclosure.contracts import services

    services.create_contract(village=village_a, title="草稿合同", terms=lease_terms(), by=clerk_a)
    client.force_login(township_official)
    page = client.get(f"/staff/contracts/v/{village_a.code}/").content.decode()
    assert "草稿合同" in page
    assert "登记合同" not in page


@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_clerk_records_and_reverses_a_payment(client, pond_lease, clerk_a):
    client.force_login(clerk_a)
    url = f"/staff/contracts/p/{pond_lease.posting.code}/payments/"
    client.post(url, {"paid_on": "2025-05-30", "amount": "5000", "ledger_reference": "记-12"})
    payment = Payment.objects.get()
    assert payment.amount == Decimal("5000.00")
    client.post(f"/staff/contracts/payments/{payment.pk}/reverse/", {"reason": "重复录入"})
    assert Payment.objects.filter(reverses=payment, amount=Decimal("-5000.00")).exists()
    page = client.get(url).content.decode()
    assert "重复录入" in page


@time_machine.travel(datetime.date(2025, 6, 1))
def test_a_payment_in_the_future_is_refused_with_a_message(client, pond_lease, clerk_a):
    client.force_login(clerk_a)
    url = f"/staff/contracts/p/{pond_lease.posting.code}/payments/"
    response = client.post(url, {"paid_on": "2025-07-01", "amount": "5000"})
    assert "收付日期不能晚于今天" in response.content.decode()
    assert not Payment.objects.exists()


def test_the_supervisor_sees_payments_but_cannot_record_them(client, pond_lease, supervisor_a):
    client.force_login(supervisor_a)
    url = f"/staff/contracts/p/{pond_lease.posting.code}/payments/"
    assert "<h2>登记收付款</h2>" not in client.get(url).content.decode()
    assert client.post(url, {"paid_on": "2024-05-01", "amount": "1"}).status_code == 403
    assert not Payment.objects.exists()


def test_a_clerk_starts_a_project_and_adds_a_stage(client, village_a, clerk_a):
    client.force_login(clerk_a)
    client.post(
        f"/staff/contracts/v/{village_a.code}/new-project/",
        {
            "title": "村道硬化工程",
            "stage": "approval",
            "date": "2025-03-01",
            "description": "立项",
            "amount": "300000",
        },
    )
    posting = village_a.postings.get()
    response = client.post(
        f"/staff/contracts/p/{posting.code}/stage/",
        {
            "stage": "bidding",
            "date": "2025-04-01",
            "description": "公开招标",
            "bids": "*青山建筑公司, 288000\n白水路桥公司，295000",
        },
    )
    assert response.status_code == 302
    revision = posting.revisions.get()
    assert [b.won for b in revision.bids.all()] == [True, False]


def test_anonymous_visitors_are_sent_to_log_in(client, village_a):
    response = client.get(f"/staff/contracts/v/{village_a.code}/")
    assert response.status_code == 302
    assert "/staff/login/" in response["Location"]
