"""Villagers rate a period's disclosure; the totals are public, the comments are not."""

import pytest
from django.test import Client

from disclosure.participation.models import Rating

from ..factories import published_posting, withdrawn
from ..finance.ledgers import draft_period, published_period


def _rate(client, posting, choice="satisfied", ip="10.2.0.1", **data):
    fields = {"choice": choice, "comment": "", "website": "", **data}
    return client.post(f"/rate/{posting.code}/", fields, REMOTE_ADDR=ip)


def test_the_period_page_shows_the_totals_and_three_choices(client, period_a):
    posting = period_a.posting
    page = client.get(posting.get_absolute_url()).content.decode()
    assert "还没有人评价" in page
    assert f'action="/rate/{posting.code}/"' in page
    assert page.count('name="choice"') == 3
    assert "每部手机每期可评价一次" in page


def test_a_choice_made_on_the_period_page_is_confirmed_then_counted(client, period_a):
    posting = period_a.posting
    confirm = client.get(f"/rate/{posting.code}/?choice=basically_satisfied").content.decode()
    assert 'value="basically_satisfied" id="id_choice_1" required checked' in confirm
    response = _rate(
        client, posting, "basically_satisfied", comment="希望公开凭证照片，电话13812345678"
    )
    assert response.status_code == 302
    rating = Rating.objects.get()
    assert (rating.choice, rating.village) == ("basically_satisfied", posting.village)
    assert "138****5678" in rating.comment
    thanks = client.get(response["Location"]).content.decode()
    assert "您的评价已计入" in thanks and "共1人评价，满意和基本满意占100.0%" in thanks
    period_page = client.get(posting.get_absolute_url()).content.decode()
    assert "共1人评价" in period_page
    assert "希望公开凭证照片" not in period_page and "希望公开凭证照片" not in thanks


def test_one_browser_rates_a_period_once(client, period_a):
    posting = period_a.posting
    assert _rate(client, posting).status_code == 302
    again = _rate(client, posting, "not_satisfied", ip="10.2.0.2")
    assert again.status_code == 400
    assert "这部手机已经评价过本期公开" in again.content.decode()
    assert Rating.objects.count() == 1
    assert "这部手机已经评价过本期公开" in client.get(f"/rate/{posting.code}/").content.decode()


def test_a_forged_cookie_counts_as_none(client, period_a):
    client.cookies["rated"] = period_a.posting.code
    assert _rate(client, period_a.posting).status_code == 302


def test_phones_sharing_one_address_may_each_rate_up_to_the_hourly_limit(settings, period_a):
    settings.RATINGS_PER_HOUR = 3
    statuses = [_rate(Client(), period_a.posting).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 400]
    assert Rating.objects.count() == 3
    assert _rate(Client(), period_a.posting, ip="10.2.9.9").status_code == 302


def test_another_period_may_be_rated_from_the_same_browser(
    client, period_a, village_a, clerk_a, supervisor_a
):
    second = published_period(village_a, clerk_a, supervisor_a, number=2)
    assert _rate(client, period_a.posting).status_code == 302
    assert _rate(client, second.posting).status_code == 302
    assert Rating.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"choice": "great"}, "请在三种评价中选择一种"),
        ({"choice": ""}, "请在三种评价中选择一种"),
        ({"comment": "意" * 501}, "500"),
    ],
)
def test_bad_input_is_refused_and_counts_nothing(client, period_a, data, message):
    response = _rate(client, period_a.posting, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Rating.objects.exists()


def test_a_filled_honeypot_counts_nothing(client, period_a):
    assert _rate(client, period_a.posting, website="x").status_code == 302
    assert not Rating.objects.exists()


def test_only_a_published_period_can_be_rated(client, village_a, clerk_a, supervisor_a, period_a):
    notice = published_posting(village_a, clerk_a, supervisor_a).posting
    draft = draft_period(village_a, clerk_a, number=3).posting
    withdrawn(period_a.posting, clerk_a, supervisor_a, reason="重新整理后另行公开")
    for posting in (notice, draft, period_a.posting):
        assert client.get(f"/rate/{posting.code}/").status_code == 404
        assert _rate(client, posting).status_code == 404
    assert client.get("/rate/NOSUCH/").status_code == 404
    assert "每部手机每期可评价一次" not in client.get(notice.get_absolute_url()).content.decode()
    assert not Rating.objects.exists()
