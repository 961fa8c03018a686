"""The finance staff pages, as a clerk and others use them through the browser's requests."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from disclosure.finance.models import LedgerEntry, LedgerImport, Voucher
from disclosure.publishing.models import Posting

from .ledger_files import ROWS, balances, csv_bytes, upload, xlsx_bytes


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client, village, content, name, **extra):
    data = {"year": 2026, "number": 1, "fund": "bank", "file": upload(content, name), **extra}
    return client.post(reverse("finance_staff:new_import", args=[village.code]), data)


def _mapping_post(ledger_import):
    return {name: str(index) for name, index in ledger_import.mapping.items()}


def _balances_post():
    opening, closing = balances()
    return {
        "cash_opening": opening["cash"],
        "bank_opening": opening["bank"],
        "cash_closing": closing["cash"],
        "bank_closing": closing["bank"],
    }


def test_a_clerk_imports_the_right_sheet_of_a_workbook(village_a, clerk_a):
    client = client_for(clerk_a)
    messy = [list(row) for row in ROWS]
    messy[2][6] = "一千五"
    workbook = xlsx_bytes({"封面": [["清河村", "2026年一季度"]], "草稿": messy, "明细账": ROWS})

    response = _upload(client, village_a, workbook, "一季度.xlsx")
    ledger_import = LedgerImport.objects.get()
    assert response.url == reverse("finance_staff:import", args=[ledger_import.pk])
    page = client.get(response.url).content.decode()
    assert "明细账" in page and "草稿" in page

    client.post(reverse("finance_staff:choose_sheet", args=[ledger_import.pk]), {"sheet": "草稿"})
    ledger_import.refresh_from_db()
    response = client.post(
        reverse("finance_staff:check", args=[ledger_import.pk]), _mapping_post(ledger_import)
    )
    page = client.get(response.url).content.decode()
    assert "<td>4</td><td>G (支出)</td>" in page
    assert reverse("finance_staff:commit", args=[ledger_import.pk]) not in page
    assert not LedgerEntry.objects.exists()

    client.post(reverse("finance_staff:choose_sheet", args=[ledger_import.pk]), {"sheet": "明细账"})
    ledger_import.refresh_from_db()
    client.post(
        reverse("finance_staff:check", args=[ledger_import.pk]), _mapping_post(ledger_import)
    )
    page = client.get(reverse("finance_staff:import", args=[ledger_import.pk])).content.decode()
    assert "村道硬化工程款" in page
    response = client.post(
        reverse("finance_staff:commit", args=[ledger_import.pk]), _balances_post()
    )

    revision = Posting.objects.get(village=village_a).revisions.get()
    assert response.url == reverse("workspace:revision", args=[revision.pk])
    assert LedgerEntry.objects.filter(revision=revision).count() == len(ROWS)


def test_the_problems_of_a_file_are_listed_by_row_and_column(village_a, clerk_a):
    client = client_for(clerk_a)
    rows = [*ROWS, ["2026-05-01", "记-009", "五月的账", "999", "", "", "10", "", "", ""]]
    _upload(client, village_a, csv_bytes(rows=rows), "明细账.csv")
    ledger_import = LedgerImport.objects.get()

    client.post(
        reverse("finance_staff:check", args=[ledger_import.pk]), _mapping_post(ledger_import)
    )
    page = client.get(reverse("finance_staff:import", args=[ledger_import.pk])).content.decode()

    assert "<td>7</td><td>A (日期)</td>" in page
    assert "<td>7</td><td>D (科目编码)</td>" in page
    assert reverse("finance_staff:commit", args=[ledger_import.pk]) not in page


def test_a_reconciliation_failure_is_shown_beside_the_form(village_a, clerk_a):
    client = client_for(clerk_a)
    _upload(client, village_a, csv_bytes(), "明细账.csv")
    ledger_import = LedgerImport.objects.get()
    client.post(
        reverse("finance_staff:check", args=[ledger_import.pk]), _mapping_post(ledger_import)
    )

    response = client.post(
        reverse("finance_staff:commit", args=[ledger_import.pk]),
        {**_balances_post(), "bank_closing": "1.00"},
    )

    assert response.status_code == 200
    assert "22179.50" in response.content.decode()
    assert not LedgerEntry.objects.exists()


def test_a_forged_spreadsheet_is_refused_with_a_message(village_a, clerk_a):
    response = _upload(client_for(clerk_a), village_a, b"MZ\x90\x00" + b"\0" * 500, "账.xlsx")

    assert response.status_code == 200
    assert "errors" in response.content.decode()
    assert not LedgerImport.objects.exists()


def test_the_template_downloads_as_a_workbook(village_a, clerk_a):
    response = client_for(clerk_a).get(
        reverse("finance_staff:template", args=[village_a.code, "xlsx"])
    )

    assert response.status_code == 200
    assert response.content.startswith(b"PK")


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, "JPEG")
    return out.getvalue()


def test_a_clerk_attaches_a_voucher_photo_to_an_entry(quarter_a, clerk_a):
    from .ledger_files import imported

    revision = imported(quarter_a, clerk_a)
    entry = LedgerEntry.objects.get(revision=revision, voucher_no="记-004")
    client = client_for(clerk_a)

    response = client.post(
        reverse("finance_staff:upload_voucher", args=[revision.pk, entry.pk]),
        {"file": upload(_jpeg(), "发票.jpg")},
    )

    assert response.status_code == 302
    [voucher] = Voucher.objects.filter(entry=entry)
    assert voucher.thumbnail is not None
    page = client.get(reverse("finance_staff:entries", args=[revision.pk])).content.decode()
    assert "发票.jpg" in page


# Who may do what on a village's finance pages: (person, village, expected status).
@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("clerk_a", 302),
        ("clerk_b", 404),
        ("supervisor_a", 403),
        ("township_official", 403),
        ("other_township_official", 404),
    ],
)
def test_only_the_village_clerk_may_import(request, village_a, person, status):
    client = client_for(request.getfixturevalue(person))

    response = _upload(client, village_a, csv_bytes(), "明细账.csv")

    assert response.status_code == status
    assert LedgerImport.objects.exists() == (status == 302)


@pytest.mark.parametrize(
    ("person", "status"),
    [("clerk_a", 200), ("supervisor_a", 200), ("township_official", 200), ("clerk_b", 404)],
)
def test_who_sees_a_village_finance_page(request, village_a, person, status):
    client = client_for(request.getfixturevalue(person))

    response = client.get(reverse("finance_staff:village", args=[village_a.code]))

    assert response.status_code == status


def test_a_clerk_of_another_village_cannot_continue_an_import(village_a, clerk_a, clerk_b):
    _upload(client_for(clerk_a), village_a, csv_bytes(), "明细账.csv")
    ledger_import = LedgerImport.objects.get()

    response = client_for(clerk_b).post(
        reverse("finance_staff:commit", args=[ledger_import.pk]), _balances_post()
    )

    assert response.status_code == 404


@pytest.mark.parametrize("person", ["supervisor_a", "clerk_b"])
def test_only_a_clerk_of_the_village_publishes_a_period(request, quarter_a, clerk_a, person):
    from django.core.exceptions import PermissionDenied

    from disclosure.publishing import services
    from tests.factories import signed_off

    from .ledger_files import imported

    revision = signed_off(
        imported(quarter_a, clerk_a), clerk_a, request.getfixturevalue("supervisor_a")
    )

    with pytest.raises(PermissionDenied):
        services.publish(revision=revision, by=request.getfixturevalue(person))


def test_the_village_page_costs_the_same_queries_however_many_periods(
    village_a, clerk_a, quarter_a, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from disclosure.finance.services import periods

    from .ledger_files import imported

    imported(quarter_a, clerk_a)
    client = client_for(clerk_a)
    url = reverse("finance_staff:village", args=[village_a.code])
    with CaptureQueriesContext(connection) as one_period:
        client.get(url)
    for number in (2, 3, 4):
        periods.get_or_create_period(village=village_a, year=2026, number=number, by=clerk_a)

    with django_assert_num_queries(len(one_period.captured_queries)):
        response = client.get(url)

    assert "2026年第4季度" in response.content.decode()


def test_a_clerk_enters_a_budget_and_it_goes_for_sign_off(village_a, clerk_a):
    client = client_for(clerk_a)
    url = reverse("finance_staff:budget", args=[village_a.code, 2026])

    response = client.post(url, {"public_welfare": "50000", "operating_income": "24000.50"})

    revision = Posting.objects.get(village=village_a, kind="budget").revisions.get()
    assert response.url == reverse("workspace:revision", args=[revision.pk])
    assert {line.category: str(line.amount) for line in revision.budget_lines.all()} == {
        "public_welfare": "50000.00",
        "operating_income": "24000.50",
    }


def test_a_negative_budget_amount_is_shown_beside_its_field(village_a, clerk_a):
    client = client_for(clerk_a)
    url = reverse("finance_staff:budget", args=[village_a.code, 2026])

    response = client.post(url, {"public_welfare": "-5"})

    assert response.status_code == 200
    assert 'class="field invalid"' in response.content.decode()
    assert not Posting.objects.exists()


def test_a_published_period_is_corrected_by_importing_with_a_reason(
    quarter_a, clerk_a, supervisor_a
):
    from disclosure.publishing import services
    from tests.factories import signed_off

    from .ledger_files import imported

    first = imported(quarter_a, clerk_a)
    services.publish(revision=signed_off(first, clerk_a, supervisor_a), by=clerk_a)
    client = client_for(clerk_a)
    rows = [list(row) for row in ROWS]
    rows[3][6] = "12,500.50"

    _upload(
        client, quarter_a.village, csv_bytes(rows=rows), "更正.csv", reason="工程款金额录入有误"
    )
    ledger_import = LedgerImport.objects.exclude(status="committed").get()
    client.post(
        reverse("finance_staff:check", args=[ledger_import.pk]), _mapping_post(ledger_import)
    )
    _, closing = balances(bank_close="21679.50")
    client.post(
        reverse("finance_staff:commit", args=[ledger_import.pk]),
        {"cash_closing": closing["cash"], "bank_closing": closing["bank"]},
    )

    quarter_a.refresh_from_db()
    correction = quarter_a.posting.revisions.get(number=2)
    assert correction.reason == "工程款金额录入有误"
    assert correction.action == "correction"
    assert LedgerEntry.objects.get(revision=correction, voucher_no="记-004").expenditure == (
        12500.50
    )
