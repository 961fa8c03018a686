import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.utils import IntegrityError

from disclosure.contracts import selectors, services
from disclosure.contracts.models import Payment
from disclosure.decisions.models import Matter
from disclosure.publishing import services as publishing
from disclosure.publishing.models import AuditEntry

from ..finance.ledgers import published_period
from .conftest import lease_terms


def _standing(posting, today):
    contract = posting.current.contract
    return selectors.standing_of(contract, selectors.paid_for(posting), today)


@time_machine.travel(datetime.date(2025, 6, 1))
def test_a_late_payment_clears_the_arrears(pond_lease, clerk_a):
    posting = pond_lease.posting
    assert _standing(posting, datetime.date(2025, 6, 1)).arrears == Decimal("10000.00")
    services.record_payment(
        posting=posting, paid_on=datetime.date(2025, 5, 20), amount=Decimal("10000"), by=clerk_a
    )
    assert _standing(posting, datetime.date(2025, 6, 1)).arrears == 0


@time_machine.travel(datetime.date(2025, 6, 1))
def test_each_payment_is_written_to_the_audit_log(pond_lease, clerk_a):
    services.record_payment(
        posting=pond_lease.posting,
        paid_on=datetime.date(2025, 5, 20),
        amount=Decimal("5000"),
        ledger_reference="记-0512",
        by=clerk_a,
    )
    entry = AuditEntry.objects.get(action="contract.payment")
    assert entry.detail["amount"] == "5000.00"
    assert entry.detail["ledger_reference"] == "记-0512"


@time_machine.travel(datetime.date(2025, 6, 1))
def test_a_reversal_undoes_a_mistaken_payment_and_keeps_both_on_record(pond_lease, clerk_a):
    posting = pond_lease.posting
    payment = services.record_payment(
        posting=posting, paid_on=datetime.date(2025, 5, 20), amount=Decimal("5000"), by=clerk_a
    )
    services.reverse_payment(payment=payment, reason="重复录入", by=clerk_a)
    assert posting.payments.count() == 2
    assert _standing(posting, datetime.date(2025, 6, 1)).arrears == Decimal("10000.00")
    with pytest.raises(ValidationError):
        services.reverse_payment(payment=payment, reason="再次冲销", by=clerk_a)


@pytest.mark.parametrize(
    "sql", ["UPDATE contracts_payment SET amount = 1", "DELETE FROM contracts_payment"]
)
@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_database_refuses_to_change_or_delete_a_payment(pond_lease, clerk_a, sql):
    services.record_payment(
        posting=pond_lease.posting, paid_on=datetime.date(2025, 5, 1), amount=Decimal(1), by=clerk_a
    )
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql)
    assert Payment.objects.get().amount == Decimal("1.00")


def test_the_database_refuses_to_change_the_terms_of_a_published_contract(pond_lease):
    with pytest.raises(IntegrityError, match="permanent"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE contracts_instalment SET amount = 1")


@time_machine.travel(datetime.date(2025, 6, 1))
def test_a_payment_needs_a_positive_amount_and_a_date_not_in_the_future(pond_lease, clerk_a):
    posting = pond_lease.posting
    with pytest.raises(ValidationError) as zero:
        services.record_payment(
            posting=posting, paid_on=datetime.date(2025, 5, 1), amount=Decimal(0), by=clerk_a
        )
    with pytest.raises(ValidationError) as future:
        services.record_payment(
            posting=posting, paid_on=datetime.date(2025, 6, 2), amount=Decimal(1), by=clerk_a
        )
    assert "amount" in zero.value.error_dict
    assert "paid_on" in future.value.error_dict
    assert not posting.payments.exists()


def test_payments_are_recorded_only_against_a_published_contract(village_a, clerk_a):
    draft = services.create_contract(
        village=village_a, title="鱼塘承包合同", terms=lease_terms(), by=clerk_a
    )
    with pytest.raises(ValidationError):
        services.record_payment(
            posting=draft.posting, paid_on=datetime.date(2024, 1, 1), amount=Decimal(1), by=clerk_a
        )


@pytest.mark.parametrize("person", ["supervisor_a", "clerk_b", "township_official"])
def test_only_the_villages_clerk_records_payments(pond_lease, person, request):
    with pytest.raises(PermissionDenied):
        services.record_payment(
            posting=pond_lease.posting,
            paid_on=datetime.date(2024, 1, 1),
            amount=Decimal(1),
            by=request.getfixturevalue(person),
        )


def test_a_schedule_that_does_not_add_up_to_the_total_cannot_be_submitted(village_a, clerk_a):
    terms = lease_terms(total_amount=Decimal("16000.00"))
    revision = services.create_contract(village=village_a, title="鱼塘", terms=terms, by=clerk_a)
    with pytest.raises(ValidationError, match="15000.00"):
        publishing.submit(revision=revision, by=clerk_a)


def test_a_contract_awarded_by_bidding_lists_its_bidders(village_a, clerk_a):
    revision = services.create_contract(
        village=village_a, title="鱼塘", terms=lease_terms(bids=[]), by=clerk_a
    )
    with pytest.raises(ValidationError, match="列出投标人"):
        publishing.submit(revision=revision, by=clerk_a)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"identity_number": "12345"}, "identity_number"),
        ({"end_date": datetime.date(2023, 1, 1)}, "end_date"),
        ({"total_amount": Decimal(0)}, "total_amount"),
    ],
)
def test_bad_terms_are_refused_and_nothing_is_saved(village_a, clerk_a, changes, field):
    with pytest.raises(ValidationError) as refused:
        services.create_contract(
            village=village_a, title="鱼塘", terms=lease_terms(**changes), by=clerk_a
        )
    assert field in refused.value.error_dict
    assert not village_a.postings.exists()


def test_a_correction_carries_the_terms_schedule_and_bids(pond_lease, clerk_a):
    correction = publishing.start_correction(
        posting=pond_lease.posting, by=clerk_a, reason="更正承包人姓名"
    )
    assert correction.contract.counterparty == "王建国"
    assert correction.instalments.count() == 3
    assert correction.bids.count() == 3


def test_the_chain_carries_only_the_masked_identity_number(pond_lease):
    rows = services.contract_rows(pond_lease)
    assert rows[0]["identity_number"] == "3201**********1234"
    assert "320102199001011234" not in str(rows)


@time_machine.travel(datetime.date(2025, 6, 1))
def test_a_payment_is_linked_to_the_published_ledger_entry_with_its_voucher_number(
    pond_lease, village_a, clerk_a, supervisor_a
):
    period = published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    entry = period.ledger_entries.get(voucher_no="记-001")
    payment = services.record_payment(
        posting=pond_lease.posting,
        paid_on=datetime.date(2025, 1, 5),
        amount=Decimal("5000"),
        ledger_reference="记-001",
        by=clerk_a,
    )
    unknown = services.record_payment(
        posting=pond_lease.posting,
        paid_on=datetime.date(2025, 1, 6),
        amount=Decimal("5000"),
        ledger_reference="记-999",
        by=clerk_a,
    )
    assert payment.ledger_entry == entry
    assert unknown.ledger_entry is None


def test_a_contract_linked_to_a_major_matter_names_it_in_its_frozen_text(village_a, clerk_a):
    matter = Matter.objects.create(
        village=village_a, title="东洼鱼塘公开发包", category="land_contracting", created_by=clerk_a
    )
    terms = lease_terms(matter=matter, decision_reference="")
    revision = services.create_contract(village=village_a, title="鱼塘", terms=terms, by=clerk_a)
    assert revision.contract.decision_reference == "东洼鱼塘公开发包"


def test_a_matter_of_another_village_cannot_authorise_the_contract(
    village_a, village_b, clerk_a, clerk_b
):
    matter = Matter.objects.create(
        village=village_b, title="柳树村事项", category="other", created_by=clerk_b
    )
    with pytest.raises(ValidationError) as refused:
        services.create_contract(
            village=village_a, title="鱼塘", terms=lease_terms(matter=matter), by=clerk_a
        )
    assert "matter" in refused.value.error_dict
