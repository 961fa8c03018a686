"""Each payment is a public record: recording it appends one leaf to the county's log, and
verify_chain and the contract's page notice a payment changed or removed behind the portal."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.utils import translation

from disclosure.contracts import services
from disclosure.contracts.models import Payment
from disclosure.publishing import verification

from ..records import appended_by, logs, problems, tamper

TODAY = datetime.date(2025, 6, 1)


def pay(posting, clerk, amount="5000.00", paid_on=datetime.date(2025, 5, 20)):
    return services.record_payment(
        posting=posting,
        paid_on=paid_on,
        amount=Decimal(amount),
        ledger_reference="记-0512",
        by=clerk,
    )


@time_machine.travel(TODAY)
def test_recording_a_payment_appends_one_leaf_with_its_digest(pond_lease, clerk_a, village_a):
    payment, leaves = appended_by(village_a, lambda: pay(pond_lease.posting, clerk_a))

    assert len(leaves) == 1
    assert logs(leaves[0], "payment", payment)


@time_machine.travel(TODAY)
def test_reversing_a_payment_appends_one_leaf_for_the_reversal(pond_lease, clerk_a, village_a):
    payment = pay(pond_lease.posting, clerk_a)

    reversal, leaves = appended_by(
        village_a, lambda: services.reverse_payment(payment=payment, reason="重复录入", by=clerk_a)
    )

    assert len(leaves) == 1
    assert logs(leaves[0], "payment", reversal)
    assert leaves[0].record_id != payment.pk


@time_machine.travel(TODAY)
def test_the_digest_is_set_before_the_payment_is_inserted(pond_lease, clerk_a):
    payment = pay(pond_lease.posting, clerk_a)

    stored = Payment.objects.get(pk=payment.pk)
    assert stored.record_digest == payment.record_digest
    assert stored.recorded_at.microsecond == 0


@time_machine.travel(TODAY)
def test_a_changed_amount_is_named_by_verify_chain(pond_lease, clerk_a, village_a):
    payment = pay(pond_lease.posting, clerk_a)

    tamper("UPDATE contracts_payment SET amount = 500 WHERE id = %s", [payment.pk])

    code = pond_lease.posting.code
    assert problems(village_a) == [
        f"清河村 (990101001001): payment {payment.pk} of contract {code}: what villagers read "
        "of it no longer matches its digest."
    ]


@time_machine.travel(TODAY)
def test_a_deleted_payment_is_named_by_verify_chain(pond_lease, clerk_a, village_a):
    pay(pond_lease.posting, clerk_a)
    payment = pay(pond_lease.posting, clerk_a, amount="100.00")

    tamper("DELETE FROM contracts_payment WHERE id = %s", [payment.pk])

    assert problems(village_a) == [
        f"清河村 (990101001001): payment {payment.pk}: the county's transparency log names it, "
        "but it no longer exists or is no longer shown to villagers."
    ]


@time_machine.travel(TODAY)
def test_a_payment_slipped_in_behind_the_portal_is_named(pond_lease, clerk_a, village_a):
    payment = pay(pond_lease.posting, clerk_a)
    slipped = Payment.objects.get(pk=payment.pk)
    slipped.pk, slipped.record_digest = None, ""
    slipped.save()

    code = pond_lease.posting.code
    assert problems(village_a) == [
        f"清河村 (990101001001): payment {slipped.pk} of contract {code}: it is shown to "
        "villagers but is not in the county's transparency log."
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.page_cache
@time_machine.travel(TODAY)
def test_the_contract_page_marks_a_changed_payment_and_keeps_no_copy_past_the_restore(
    client, settings, pond_lease, clerk_a
):
    cache.clear()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    payment = pay(pond_lease.posting, clerk_a)
    path = pond_lease.posting.get_absolute_url()

    tamper("UPDATE contracts_payment SET amount = 15000 WHERE id = %s", [payment.pk])
    altered = client.get(path)
    tamper("UPDATE contracts_payment SET amount = 5000 WHERE id = %s", [payment.pk])
    restored = client.get(path).content.decode()

    page = altered.content.decode()
    assert "This content failed its check" in page
    assert f"payment {payment.pk} of contract {pond_lease.posting.code}: what villagers" in page
    assert "no-store" in altered["Cache-Control"]
    assert "Paid so far: 15,000.00 yuan." in page
    assert "Paid so far: 5,000.00 yuan." in restored
    assert "failed its check" not in restored


@time_machine.travel(TODAY)
def test_the_problem_reads_in_chinese_too(pond_lease, clerk_a, village_a):
    payment = pay(pond_lease.posting, clerk_a)

    tamper("UPDATE contracts_payment SET note = '改' WHERE id = %s", [payment.pk])

    with translation.override("zh-hans"):
        (problem,) = verification.village_problems(village_a)
    assert problem.message == (
        f"清河村（990101001001）：合同 {pond_lease.posting.code} 的付款 {payment.pk}："
        "村民看到的内容与其摘要不再相符。"
    )
    assert problem.record == ("payment", payment.pk)
