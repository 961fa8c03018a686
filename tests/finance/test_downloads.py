import csv
import io
import json
from decimal import Decimal

from django.test import Client
from openpyxl import load_workbook

from ..spreadsheets.formulas import (
    PAYLOADS,
    assert_csv_runs_nothing,
    assert_xlsx_runs_nothing,
    xlsx_values,
)
from .ledgers import Line, draft_period, published_period


def download(revision, extension):
    url = f"/p/{revision.posting.code}/{revision.number}/ledger.{extension}"
    response = Client().get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response


def test_the_csv_opens_in_excel_with_chinese_text_and_exact_amounts(
    village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a)
    content = download(revision, "csv").content
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 5
    road = next(row for row in rows if "村道硬化工程款" in row)
    assert "38000.00" in road and "记-003" in road


def test_the_xlsx_has_every_entry_with_amounts_as_numbers_and_the_balances(
    village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a)
    workbook = load_workbook(io.BytesIO(download(revision, "xlsx").content))
    entries, balances = workbook.worksheets
    rows = list(entries.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 5
    road = next(row for row in rows if "村道硬化工程款" in row)
    assert Decimal(str(road[9])) == Decimal("38000.00")
    assert balances.max_row == 3  # a header, cash and bank


def test_the_json_carries_the_digest_balances_and_entries(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    document = json.loads(download(revision, "json").content)
    assert document["digest"] == revision.digest
    assert len(document["entries"]) == 5
    assert {"fund": "bank", "opening": "100000.00", "closing": "121880.00"} in document["balances"]
    assert document["entries"][0]["income"] == "12000.00"


def test_downloads_mask_phone_numbers(village_a, clerk_a, supervisor_a):
    lines = [
        Line(
            "修水泵", "532", "公益支出", "public_welfare", "0", "500", counterparty="李13812345678"
        )
    ]
    revision = published_period(village_a, clerk_a, supervisor_a, lines=lines)
    for extension in ("csv", "json"):
        assert "13812345678" not in download(revision, extension).content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(download(revision, "xlsx").content))
    cells = [str(c) for row in workbook.active.iter_rows(values_only=True) for c in row]
    assert not any("13812345678" in cell for cell in cells)


def test_a_draft_cannot_be_downloaded(village_a, clerk_a):
    revision = draft_period(village_a, clerk_a)
    client = Client()
    client.force_login(clerk_a)
    for extension in ("csv", "xlsx", "json"):
        url = f"/p/{revision.posting.code}/1/ledger.{extension}"
        assert client.get(url).status_code == 404


def test_an_unknown_posting_or_revision_is_not_found(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    client = Client()
    assert client.get(f"/p/{revision.posting.code}/2/ledger.csv").status_code == 404
    assert client.get(f"/p/{revision.posting.code}/99999999999/ledger.csv").status_code == 404
    assert client.get("/p/NOSUCH/1/ledger.csv").status_code == 404


def test_text_that_would_run_as_a_formula_is_neutralised_and_refunds_stay_numbers(
    village_a, clerk_a, supervisor_a
):
    lines = [
        Line(payload, "532", "公益支出", "public_welfare", "0", "100", counterparty=payload)
        for payload in PAYLOADS
    ]
    refund = Line("退回多付工程款", "532", "公益支出", "public_welfare", "0", "-320.00")
    revision = published_period(village_a, clerk_a, supervisor_a, lines=[*lines, refund])
    assert_csv_runs_nothing(download(revision, "csv").content)
    xlsx = download(revision, "xlsx").content
    assert_xlsx_runs_nothing(xlsx)
    assert -320 in xlsx_values(xlsx)
