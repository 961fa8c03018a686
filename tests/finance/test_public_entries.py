from django.test import Client

from disclosure.finance.models import LedgerEntry

from ..factories import published_posting
from .ledgers import Line, add_voucher, draft_period, publish_draft, published_period


def many_lines(count):
    return [
        Line(f"保洁员工资第{n}笔", "531", "管理费用", "management_expenses", "0", "100.00")
        for n in range(1, count + 1)
    ]


def test_all_entries_of_a_period_are_listed_a_hundred_to_a_page(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a, lines=many_lines(250))
    url = f"/p/{revision.posting.code}/1/entries/"
    first = Client().get(url).content.decode()
    assert first.count('<li id="line-') == 100
    assert "保洁员工资第1笔" in first and "保洁员工资第101笔" not in first
    last = Client().get(url + "?page=3").content.decode()
    assert last.count('<li id="line-') == 50
    assert 'start="201"' in last


def test_a_page_number_past_the_end_shows_the_last_page(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a, lines=many_lines(120))
    response = Client().get(f"/p/{revision.posting.code}/1/entries/?page=abc")
    assert response.status_code == 200
    response = Client().get(f"/p/{revision.posting.code}/1/entries/?page=99")
    assert response.content.decode().count('<li id="line-') == 20


def test_the_entries_of_a_draft_are_not_public(village_a, clerk_a):
    revision = draft_period(village_a, clerk_a)
    assert Client().get(f"/p/{revision.posting.code}/1/entries/").status_code == 404


def test_only_finance_postings_have_entries(village_a, clerk_a, supervisor_a):
    notice = published_posting(village_a, clerk_a, supervisor_a)
    assert Client().get(f"/p/{notice.posting.code}/1/entries/").status_code == 404


def test_a_vouchers_thumbnail_is_public_once_published(village_a, clerk_a, supervisor_a):
    draft = draft_period(village_a, clerk_a)
    voucher = add_voucher(LedgerEntry.objects.get(revision=draft, line=1))
    assert Client().get(f"/ft/{voucher.thumbnail_id}.jpg").status_code == 404
    publish_draft(draft, clerk_a, supervisor_a)
    response = Client().get(f"/ft/{voucher.thumbnail_id}.jpg")
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]


def test_a_drafts_voucher_reaches_its_villages_staff_and_nobody_else(
    village_a, clerk_a, supervisor_a, clerk_b
):
    draft = draft_period(village_a, clerk_a)
    voucher = add_voucher(LedgerEntry.objects.get(revision=draft, line=1))
    url = f"/fv/{voucher.blob_id}/{voucher.filename}"
    assert Client().get(url).status_code == 404
    other = Client()
    other.force_login(clerk_b)
    assert other.get(url).status_code == 404
    supervisor = Client()
    supervisor.force_login(supervisor_a)
    response = supervisor.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_staff_preview_of_a_draft_shows_its_figures_computed_from_its_entries(
    village_a, clerk_a, supervisor_a
):
    draft = draft_period(village_a, clerk_a)
    client = Client()
    client.force_login(supervisor_a)
    html = client.get(f"/staff/revisions/{draft.pk}/preview/").content.decode()
    assert "¥62,000.00" in html and "¥40,120.00" in html  # total income and expenditure
    assert "¥121,880.00" in html  # the bank's closing balance
    assert "ledger.csv" not in html  # nothing to download before publication
