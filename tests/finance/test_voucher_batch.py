"""Many vouchers at once: each file goes to the entry whose voucher number its name holds, and the
clerk sees what matched and what did not."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from disclosure.finance.models import Voucher
from disclosure.finance.services.vouchers import add_vouchers_by_name

from .ledger_files import imported
from .ledgers import photo


def files(*names):
    return [SimpleUploadedFile(name, photo(), content_type="image/jpeg") for name in names]


def attached(revision) -> dict[str, list[str]]:
    found = {}
    for voucher in Voucher.objects.filter(revision=revision).select_related("entry"):
        found.setdefault(voucher.entry.voucher_no, []).append(voucher.filename)
    return found


def test_files_are_matched_by_the_voucher_number_in_their_names(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)

    matching = add_vouchers_by_name(
        revision=revision,
        uploads=files("记-001.jpg", "记_002 收据.jpg", "凭证记003(2).jpg", "记-003.jpg"),
        by=clerk_a,
    )

    assert attached(revision) == {
        "记-001": ["记-001.jpg"],
        "记-002": ["记_002 收据.jpg"],
        "记-003": ["凭证记003(2).jpg", "记-003.jpg"],
    }
    assert [(name, number) for name, number, _line in matching.matched][0] == (
        "记-001.jpg",
        "记-001",
    )
    assert matching.unmatched == []


def test_a_file_naming_no_voucher_or_a_longer_number_or_not_a_photo_is_listed(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)
    not_a_photo = SimpleUploadedFile("记-004.jpg", b"plain text", content_type="image/jpeg")

    matching = add_vouchers_by_name(
        revision=revision,
        uploads=[*files("IMG_2031.jpg", "记-0012.jpg", "记-001和记-002.jpg"), not_a_photo],
        by=clerk_a,
    )

    assert matching.matched == []
    reasons = dict(matching.unmatched)
    assert reasons["IMG_2031.jpg"] == "No voucher number of this period is in the file name."
    assert reasons["记-0012.jpg"] == "No voucher number of this period is in the file name."
    assert reasons["记-001和记-002.jpg"] == (
        "The file name holds several voucher numbers: 记-001、记-002."
    )
    assert "记-004.jpg" in reasons
    assert attached(revision) == {}


@pytest.fixture(autouse=True)
def _english(english):
    """Reasons read in English here; the page test reads them in Chinese."""


def test_only_the_villages_clerk_uploads(quarter_a, clerk_a, clerk_b):
    revision = imported(quarter_a, clerk_a)
    with pytest.raises(PermissionDenied):
        add_vouchers_by_name(revision=revision, uploads=files("记-001.jpg"), by=clerk_b)


def test_the_page_lists_what_matched_and_what_did_not(quarter_a, clerk_a):
    revision = imported(quarter_a, clerk_a)
    client = Client()
    client.force_login(clerk_a)

    response = client.post(
        reverse("finance_staff:upload_vouchers", args=[revision.pk]),
        {"files": files("记-005.jpg", "合同扫描.jpg")},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "已附上 1 个文件" in page and "记-005.jpg → 记-005" in page
    assert "1 个文件未附上" in page and "合同扫描.jpg: 文件名中没有本期的凭证号。" in page
    assert attached(revision) == {"记-005": ["记-005.jpg"]}
