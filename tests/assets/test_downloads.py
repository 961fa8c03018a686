import csv
import io
import json

from django.urls import reverse
from openpyxl import load_workbook

from disclosure.assets.imports import parse_workbook

from ..spreadsheets.formulas import (
    PAYLOADS,
    assert_csv_runs_nothing,
    assert_xlsx_runs_nothing,
    xlsx_values,
)
from .conftest import add_asset, add_resource, publish_snapshot


def _get(client, name, village):
    return client.get(reverse(f"assets:{name}", args=[village.code]))


def test_without_a_published_register_there_is_nothing_to_download(client, register_a):
    assert _get(client, "assets_csv", register_a).status_code == 404
    assert _get(client, "json", register_a).status_code == 404


def test_the_csv_lists_the_published_assets_with_chinese_headers(
    client, register_a, clerk_a, supervisor_a
):
    publish_snapshot(register_a, clerk_a, supervisor_a)

    response = _get(client, "assets_csv", register_a)

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Disposition"].startswith("attachment")
    assert rows[0][:3] == ["编号", "类别", "名称"]
    assert (rows[1][0], rows[1][2], rows[1][5]) == ("ZC-001", "村委会办公楼", "380000.00")
    assert len(rows) == 3


def test_phone_numbers_in_the_register_are_masked_in_downloads(
    client, register_a, clerk_a, supervisor_a
):
    add_asset(register_a, clerk_a, number="ZC-009", name="农机", user="张三 13812345678")
    publish_snapshot(register_a, clerk_a, supervisor_a)

    for name in ("assets_csv", "json"):
        assert "13812345678" not in _get(client, name, register_a).content.decode("utf-8-sig")


def test_the_excel_download_can_be_imported_again(client, register_a, clerk_a, supervisor_a):
    publish_snapshot(register_a, clerk_a, supervisor_a)

    response = _get(client, "xlsx", register_a)

    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["固定资产", "资源"]
    upload = io.BytesIO(response.content)
    upload.size = len(response.content)
    parsed = parse_workbook(upload=upload, register="assets")
    assert [row["number"] for row in parsed.rows] == ["ZC-001", "ZC-002"]


def test_the_json_carries_the_digested_rows_and_the_digest(
    client, register_a, clerk_a, supervisor_a
):
    revision = publish_snapshot(register_a, clerk_a, supervisor_a)

    data = json.loads(_get(client, "json", register_a).content)

    assert data["digest"] == revision.digest
    assert data["rows"][0] == {"register": "snapshot", "taken_on": "2025-05-01"}
    assert {row["number"] for row in data["rows"][1:]} == {"ZC-001", "ZC-002", "ZY-001"}


def test_the_resources_sheet_of_the_excel_download_imports_as_resources(
    client, register_a, clerk_a, supervisor_a
):
    publish_snapshot(register_a, clerk_a, supervisor_a)
    content = _get(client, "xlsx", register_a).content
    upload = io.BytesIO(content)
    upload.size = len(content)

    parsed = parse_workbook(upload=upload, register="resources")

    assert [row["number"] for row in parsed.rows] == ["ZY-001"]


def test_text_that_would_run_as_a_formula_is_neutralised_in_downloads(
    client, village_a, clerk_a, supervisor_a
):
    for number, payload in enumerate(PAYLOADS, start=1):
        add_asset(village_a, clerk_a, number=f"ZC-{number:03d}", name=payload, location=payload)
    add_resource(village_a, clerk_a, name=PAYLOADS[0])
    publish_snapshot(village_a, clerk_a, supervisor_a)

    assert_csv_runs_nothing(_get(client, "assets_csv", village_a).content)
    assert_csv_runs_nothing(_get(client, "resources_csv", village_a).content, PAYLOADS[:1])
    xlsx = _get(client, "xlsx", village_a).content
    assert_xlsx_runs_nothing(xlsx)
    assert 380000 in xlsx_values(xlsx)  # values are numbers
