"""Voucher photos and PDFs on ledger entries."""

import pytest
from django.core.exceptions import ValidationError

from disclosure.finance.models import LedgerEntry, Voucher
from disclosure.finance.services.vouchers import add_voucher
from disclosure.publishing import chain, services
from tests.factories import signed_off

from .ledger_files import imported, upload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def road_entry(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)
    return LedgerEntry.objects.get(revision=revision, voucher_no="记-004")


def test_an_entry_takes_several_vouchers_in_order(road_entry, clerk_a):
    add_voucher(entry=road_entry, upload=upload(PDF, "合同.pdf"), by=clerk_a)
    add_voucher(entry=road_entry, upload=upload(PDF + b" ", "验收单.pdf"), by=clerk_a)

    assert [voucher.filename for voucher in road_entry.vouchers.all()] == ["合同.pdf", "验收单.pdf"]
    assert [voucher.position for voucher in road_entry.vouchers.all()] == [1, 2]


def test_a_program_renamed_as_a_photo_is_refused(road_entry, clerk_a):
    with pytest.raises(ValidationError):
        add_voucher(entry=road_entry, upload=upload(b"MZ\x90\x00" * 100, "发票.jpg"), by=clerk_a)

    assert not Voucher.objects.exists()


def test_a_clerk_of_another_village_cannot_add_a_voucher(road_entry, clerk_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        add_voucher(entry=road_entry, upload=upload(PDF, "合同.pdf"), by=clerk_b)


def test_published_vouchers_are_in_the_chain_and_no_more_can_be_added(
    road_entry, clerk_a, supervisor_a
):
    voucher = add_voucher(entry=road_entry, upload=upload(PDF, "合同.pdf"), by=clerk_a)
    revision = services.publish(
        revision=signed_off(road_entry.revision, clerk_a, supervisor_a), by=clerk_a
    )

    assert voucher.blob_id in str(chain.revision_document(revision))
    with pytest.raises(ValidationError):
        add_voucher(entry=road_entry, upload=upload(PDF, "补充.pdf"), by=clerk_a)
