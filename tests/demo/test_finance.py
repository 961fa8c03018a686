"""The demo's ledgers: two years of books per village, imported and published for real."""

import datetime
import gzip

import pytest
import time_machine
from django.db import transaction
from django.db.models import Count, F
from django.test import Client, override_settings

from demo.places import GAOPING, LIUWAN, LONGQUAN, VILLAGES, XINGHUA
from demo.services import load_demo
from disclosure.finance.models import Budget, LedgerEntry, Period, PeriodSummary, Voucher
from disclosure.publishing.chain import first_mismatch
from disclosure.publishing.models import PostingStatus, RevisionState
from disclosure.regions.models import Region

from ..clock import SHANGHAI
from ..conftest import ensure_default_chart

TODAY = datetime.date(2026, 5, 20)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo as loaded on TODAY, once for the module, rolled back after it."""
    media = tmp_path_factory.mktemp("finance_demo_media")
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(MEDIA_ROOT=media):
            ensure_default_chart()
            load_demo(today=TODAY)
        yield media
        transaction.set_rollback(True)


def village(place) -> Region:
    return Region.objects.get(code=place.code)


def current_entries():
    return LedgerEntry.objects.filter(
        revision__posting__current=F("revision"), revision__state=RevisionState.PUBLISHED
    )


def test_every_village_has_hundreds_of_published_entries(db, demo):
    counts = dict(current_entries().values_list("village__code").annotate(Count("pk")))
    for place in VILLAGES:
        assert counts.get(place.code, 0) >= 200, place.name


def test_the_books_use_the_summaries_villagers_know(db, demo):
    summaries = set(current_entries().values_list("summary", flat=True))
    for words in ("村道硬化工程款", "保洁员工资", "土地承包费收入", "上级转移支付补助", "招待费"):
        assert any(words in summary for summary in summaries), words


def test_busy_villages_disclose_monthly_and_the_others_quarterly(db, demo):
    assert Period.objects.filter(village__code=LONGQUAN.code, frequency="monthly").count() == 16
    assert Period.objects.filter(village__code=GAOPING.code, frequency="quarterly").count() == 4


def test_gaopings_newest_due_quarter_was_never_published_and_shows_as_overdue(db, demo):
    assert not Period.objects.filter(village__code=GAOPING.code, year=2026).exists()
    when = datetime.datetime(2026, 5, 20, 9, tzinfo=SHANGHAI)
    with time_machine.travel(when):
        html = Client().get(f"/v/{GAOPING.code}/finance/").content.decode()
    assert "逾期未公开" in html


def test_liuwans_newest_quarter_was_signed_off_late_once_its_due_day_had_passed(db, demo):
    period = Period.objects.get(village__code=LIUWAN.code, year=2026, number=1)
    assert period.posting.status == PostingStatus.PUBLISHED
    published_on = period.posting.first_published_at.astimezone(SHANGHAI).date()
    assert period.due_date < published_on < TODAY


def test_the_other_periods_were_published_within_their_due_window(db, demo):
    published = Period.objects.filter(posting__status=PostingStatus.PUBLISHED).exclude(
        village__code=LIUWAN.code, year=2026, number=1
    )
    assert published.exists()
    for period in published.select_related("posting"):
        published_on = period.posting.first_published_at.astimezone(SHANGHAI).date()
        assert period.end < published_on <= period.due_date, period


def test_xinghuas_correction_splits_a_meal_out_of_an_office_purchase(db, demo):
    corrected = PeriodSummary.objects.get(village__code=XINGHUA.code, revision__number=2)
    html = Client().get(corrected.revision.posting.get_absolute_url()).content.decode()
    changes = html[html.index('id="changes-h') :]
    assert "误记入办公用品" in changes
    assert changes.index("误记入办公用品") < changes.index('id="entries-h')


def test_a_few_vouchers_are_photos_anyone_can_open(db, demo, settings):
    settings.MEDIA_ROOT = demo
    published = Voucher.objects.filter(revision__state=RevisionState.PUBLISHED)
    assert 5 <= published.count() <= 20
    voucher = published.first()
    response = Client().get(f"/fv/{voucher.blob_id}/{voucher.filename}")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_every_village_publishes_a_budget_for_both_years(db, demo):
    budgets = Budget.objects.filter(posting__status=PostingStatus.PUBLISHED)
    assert budgets.count() == 2 * len(VILLAGES)
    html = Client().get(f"/v/{XINGHUA.code}/finance/?year=2025").content.decode()
    assert 'id="budget"' in html


def test_every_period_page_of_the_demo_stays_under_the_weight_budget(db, demo):
    client = Client()
    for summary in PeriodSummary.objects.select_related("revision__posting"):
        response = client.get(summary.revision.posting.get_absolute_url())
        assert len(gzip.compress(response.content)) < 30_000, summary.revision.title


def test_the_chains_still_verify_with_the_ledgers_in_them(db, demo):
    for place in VILLAGES:
        assert first_mismatch(village(place)) is None, place.name


def test_xinghua_books_an_overcharge_back_in_red_and_its_page_says_so(demo, db):
    entry = LedgerEntry.objects.get(village=village(XINGHUA), summary__startswith="冲红")
    posting = entry.revision.posting

    html = Client().get(posting.get_absolute_url()).content.decode()

    assert entry.expenditure < 0
    assert posting.status == PostingStatus.PUBLISHED
    assert "冲红：冲减以前的支出 ¥60.00" in html
