import gzip

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from disclosure.finance.models import LedgerEntry

from .ledgers import (
    DEFAULT_LINES,
    Line,
    add_voucher,
    corrected_period,
    draft_period,
    page,
    photo,
    publish_draft,
    published_period,
)


def test_a_period_shows_income_and_expenditure_by_category_in_a_chart_and_a_table(
    village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a)
    html = page(revision.posting.get_absolute_url())
    assert 'role="img"' in html
    assert html.count("¥50,000.00") >= 2  # subsidy income: once in the chart, once in the table
    assert "¥62,000.00" in html  # total income
    assert "¥40,120.00" in html  # total expenditure


def test_a_period_shows_opening_and_closing_balances(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    html = page(revision.posting.get_absolute_url())
    assert "¥100,000.00" in html  # bank at the start
    assert "¥121,880.00" in html  # bank at the end: 100000 + 62000 − 40120


def test_hospitality_spending_is_shown_on_its_own(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    html = page(revision.posting.get_absolute_url())
    section = html[html.index('id="hospitality-h') :]
    assert "¥320.00" in section[:800]


def test_the_largest_expenditure_comes_first(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    html = page(revision.posting.get_absolute_url())
    largest = html[html.index('id="largest-h') :]
    assert largest.index("村道硬化工程款") < largest.index("保洁员工资")


def test_every_entry_is_listed_with_its_voucher_number_and_people(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    html = page(revision.posting.get_absolute_url())
    for number in range(1, len(DEFAULT_LINES) + 1):
        assert f"记-{number:03d}" in html
    assert "青山建筑队" in html and "张主任" in html


def test_a_phone_number_in_a_counterparty_is_masked(village_a, clerk_a, supervisor_a):
    lines = [
        Line(
            "修水泵",
            "532",
            "公益支出",
            "public_welfare",
            "0",
            "500",
            counterparty="李师傅13812345678",
        )
    ]
    revision = published_period(village_a, clerk_a, supervisor_a, lines=lines)
    html = page(revision.posting.get_absolute_url())
    assert "13812345678" not in html
    assert "138****5678" in html


def test_an_entry_links_to_its_voucher_photo(village_a, clerk_a, supervisor_a):
    draft = draft_period(village_a, clerk_a)
    voucher = add_voucher(LedgerEntry.objects.get(revision=draft, line=1))
    revision = publish_draft(draft, clerk_a, supervisor_a)
    html = page(revision.posting.get_absolute_url())
    assert f"/fv/{voucher.blob_id}/" in html
    response = Client().get(f"/fv/{voucher.blob_id}/{voucher.filename}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


def test_a_period_of_hundreds_of_entries_stays_light_and_links_to_all_of_them(
    village_a, clerk_a, supervisor_a
):
    lines = [
        Line(
            f"保洁员工资（第{n}组）",
            "531",
            "管理费用",
            "management_expenses",
            "0",
            f"{n}.50",
            day=n % 28 + 1,
        )
        for n in range(1, 401)
    ]
    revision = published_period(village_a, clerk_a, supervisor_a, lines=lines)
    response = Client().get(revision.posting.get_absolute_url())
    assert len(gzip.compress(response.content)) < 30_000
    html = response.content.decode()
    assert html.count('<li id="line-') == 30
    assert f"/p/{revision.posting.code}/1/entries/" in html


def test_a_correction_shows_which_entries_were_added_removed_and_changed(
    village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a)
    fixed_road = Line("村道硬化工程款", "532", "公益支出", "public_welfare", "0", "36000.00")
    bus = Line("村民代表交通补贴", "531", "管理费用", "management_expenses", "0", "600.00")
    lines = [DEFAULT_LINES[0], DEFAULT_LINES[1], fixed_road, DEFAULT_LINES[3], bus]
    corrected_period(revision, clerk_a, supervisor_a, lines)
    html = page(revision.posting.get_absolute_url())
    changes = html[html.index('id="changes-h') :]
    assert "¥38,000.00" in changes and "¥36,000.00" in changes
    assert "村民代表交通补贴" in changes  # the meal of 记-005 became a travel allowance


def test_a_draft_period_is_not_public(village_a, clerk_a):
    revision = draft_period(village_a, clerk_a)
    assert Client().get(revision.posting.get_absolute_url()).status_code == 404


def test_a_period_page_costs_the_same_queries_however_many_entries_and_vouchers(
    village_b, clerk_b, supervisor_b, village_a, clerk_a, supervisor_a
):
    small = draft_period(village_a, clerk_a)
    add_voucher(LedgerEntry.objects.get(revision=small, line=1))
    small = publish_draft(small, clerk_a, supervisor_a)
    lines = DEFAULT_LINES * 8
    large = draft_period(village_b, clerk_b, lines=lines)
    for line in (1, 2, 3):
        add_voucher(LedgerEntry.objects.get(revision=large, line=line), photo((line * 60, 90, 90)))
    large = publish_draft(large, clerk_b, supervisor_b)
    counts = []
    for revision in (small, large):
        with CaptureQueriesContext(connection) as queries:
            page(revision.posting.get_absolute_url())
        counts.append(len(queries))
    assert counts[0] == counts[1]
