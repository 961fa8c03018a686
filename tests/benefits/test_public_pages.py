import datetime
import json

import time_machine
from django.utils import timezone

from disclosure.benefits.models import CountyPolicy, NameDisplay

from ..spreadsheets.formulas import (
    PAYLOADS,
    assert_csv_runs_nothing,
    assert_xlsx_runs_nothing,
    xlsx_values,
)
from .conftest import LI, WANG, identity, import_draft, publish

MASKED_WANG = WANG[:4] + "**********" + WANG[-4:]


def _later(days):
    return time_machine.travel(timezone.now() + datetime.timedelta(days=days))


def test_the_posting_page_shows_masked_recipients_and_totals(client, published_list):
    page = client.get(published_list.posting.get_absolute_url()).content.decode()

    assert MASKED_WANG in page
    assert WANG not in page
    assert "王*<" in page and "王秀英" not in page
    assert "¥1,920.00" in page
    assert "recipients.csv" in page


def test_a_county_that_shows_full_names_gets_full_names_but_never_full_identity_numbers(
    client, published_list, county
):
    CountyPolicy.objects.create(county=county, name_display=NameDisplay.FULL)

    page = client.get(published_list.posting.get_absolute_url()).content.decode()

    assert "王秀英" in page
    assert MASKED_WANG in page and WANG not in page


def test_after_the_window_the_page_shows_the_notice_and_totals_only(client, published_list):
    with _later(91):
        page = client.get(published_list.posting.get_absolute_url()).content.decode()

    assert "王*" not in page and MASKED_WANG not in page
    assert "¥1,920.00" in page
    assert published_list.digest in page


def _download(client, revision, fmt):
    url = f"/benefits/{revision.posting.code}/{revision.number}/recipients.{fmt}"
    return client.get(url)


def test_downloads_are_masked(client, published_list):
    csv_text = _download(client, published_list, "csv").content.decode("utf-8-sig")
    data = json.loads(_download(client, published_list, "json").content)
    xlsx = _download(client, published_list, "xlsx")

    assert MASKED_WANG in csv_text and WANG not in csv_text
    assert data["recipients"][0]["identity_number"].endswith(WANG[-4:])
    assert WANG not in json.dumps(data) and LI not in json.dumps(data)
    assert xlsx.status_code == 200
    assert xlsx.content.startswith(b"PK")


def test_after_the_window_downloads_and_api_carry_nothing_personal(client, published_list):
    with _later(91):
        csv_text = _download(client, published_list, "csv").content.decode("utf-8-sig")
        data = _download(client, published_list, "json").json()
        api = client.get(f"/api/v1/benefits/lists/{published_list.pk}/").json()

    for text in (
        csv_text,
        json.dumps(data, ensure_ascii=False),
        json.dumps(api, ensure_ascii=False),
    ):
        assert "王*" not in text and WANG[-4:] not in text
    assert data["expired"] and data["recipients"] == []
    assert api["recipients"] == [] and api["recipients_count"] == 3
    assert api["digest"] == published_list.digest


def test_the_api_lists_published_lists_with_totals(client, published_list, draft_list):
    listing = client.get("/api/v1/benefits/lists/").json()
    detail = client.get(listing["results"][0]["url"]).json()

    assert listing["count"] == 1
    assert "recipients" not in listing["results"][0]
    assert listing["results"][0]["total_amount"] == "2776.40"
    assert detail["recipients"][0]["name"] == "王*"
    assert detail["recipients"][0]["identity_number"] == MASKED_WANG


def test_an_unknown_format_or_a_draft_is_not_found(client, published_list, draft_list):
    assert _download(client, published_list, "pdf").status_code == 404
    assert client.get("/benefits/ZZZZZZ/1/recipients.csv").status_code == 404


def test_text_that_would_run_as_a_formula_is_neutralised_in_downloads(
    client, village_a, clerk_a, supervisor_a
):
    people = [("99010119600101001", "王秀英"), ("99010119751231002", "李建华")]
    people += [("99010119881015003", "赵桂兰"), ("99010119900101004", "钱进")]
    people += [("99010119900101005", "孙立")]
    rows = [
        f'{name},{identity(number)},"{payload.replace(chr(34), chr(34) * 2)}",低保,12.50,2026年'
        for (number, name), payload in zip(people, PAYLOADS, strict=True)
    ]
    revision = publish(import_draft(village_a, clerk_a, rows=rows), clerk_a, supervisor_a)
    assert_csv_runs_nothing(_download(client, revision, "csv").content)
    xlsx = _download(client, revision, "xlsx").content
    assert_xlsx_runs_nothing(xlsx)
    assert 12.5 in xlsx_values(xlsx)  # amounts are numbers
