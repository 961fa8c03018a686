import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from ..factories import published_posting

SHANGHAI_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")


def _titles(response):
    assert response.status_code == 200
    return [row["title"] for row in response.json()["results"]]


def test_published_and_withdrawn_postings_are_listed_newest_first(
    api, road_notice, withdrawn_notice
):
    data = api.get("/api/v1/postings/").json()

    assert data["count"] == 2
    first, second = data["results"]
    assert (first["title"], first["status"]) == ("春节慰问品发放通知", "withdrawn")
    assert first["current"]["action"] == "withdrawal"
    assert first["current"]["reason"] == "与上月通知重复"
    assert (second["title"], second["status"]) == ("村道修路工程招标公告", "published")


def test_a_posting_says_where_it_belongs_and_where_to_read_it(api, village_a, road_notice):
    posting = road_notice.posting
    row = api.get("/api/v1/postings/", HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]

    assert row["code"] == posting.code
    assert (row["village"], row["village_name"]) == (village_a.code, "清河村")
    assert (row["kind"], row["section"]) == ("notice", "notices")
    assert (row["kind_label"], row["section_label"]) == ("Notice", "Notices and audit reports")
    assert row["permalink"] == f"http://testserver{posting.get_absolute_url()}"
    assert row["url"] == f"http://testserver/api/v1/postings/{posting.code}/"
    assert row["current"]["digest"] == road_notice.digest


def test_times_are_iso_8601_in_shanghai_time(api, road_notice):
    row = api.get("/api/v1/postings/").json()["results"][0]

    assert SHANGHAI_TIME.match(row["first_published_at"])
    assert datetime.fromisoformat(row["last_published_at"]) == road_notice.published_at


def test_the_detail_shows_every_published_revision_with_its_reason(api, corrected_notice):
    data = api.get(f"/api/v1/postings/{corrected_notice.posting.code}/").json()

    assert data["title"] == "村民代表会议通知（更正）"
    original, correction = data["revisions"]
    assert (original["number"], original["action"], original["title"]) == (
        1,
        "original",
        "村民代表会议通知",
    )
    assert (correction["action"], correction["reason"]) == ("correction", "会议日期写错")
    assert correction["prev_digest"] == original["digest"]


def test_a_withdrawn_posting_keeps_its_notice_and_reason(api, withdrawn_notice):
    data = api.get(f"/api/v1/postings/{withdrawn_notice.posting.code}/").json()

    assert data["status"] == "withdrawn"
    assert data["revisions"][-1]["action"] == "withdrawal"
    assert data["revisions"][-1]["reason"] == "与上月通知重复"
    assert data["revisions"][-1]["sign_off"]["by"] == "李监督"


def test_postings_can_be_filtered_by_village(api, village_b, road_notice, power_list):
    assert _titles(api.get(f"/api/v1/postings/?village={village_b.code}")) == ["柳树村小微权力清单"]


def test_postings_can_be_filtered_by_kind_and_section(api, road_notice, power_list):
    assert _titles(api.get("/api/v1/postings/?kind=power_list")) == ["柳树村小微权力清单"]
    assert _titles(api.get("/api/v1/postings/?section=notices")) == ["村道修路工程招标公告"]
    assert _titles(api.get("/api/v1/postings/?section=finance")) == []


def test_postings_can_be_filtered_by_status(api, road_notice, withdrawn_notice):
    assert _titles(api.get("/api/v1/postings/?status=withdrawn")) == ["春节慰问品发放通知"]


def test_postings_can_be_filtered_by_time_of_publication(api, road_notice):
    published = road_notice.published_at
    after = (published - timedelta(minutes=1)).isoformat()
    before = (published + timedelta(minutes=1)).isoformat()

    assert _titles(api.get("/api/v1/postings/", {"published_after": after})) != []
    assert _titles(api.get("/api/v1/postings/", {"published_before": after})) == []
    assert _titles(api.get("/api/v1/postings/", {"published_after": before})) == []
    assert _titles(api.get("/api/v1/postings/", {"published_before": before})) != []


def test_a_plain_date_counts_from_midnight_in_shanghai(api, road_notice):
    today = timezone.localdate(road_notice.published_at)
    tomorrow = today + timedelta(days=1)

    assert _titles(api.get(f"/api/v1/postings/?published_after={today}")) != []
    assert _titles(api.get(f"/api/v1/postings/?published_after={tomorrow}")) == []


def test_a_two_character_search_finds_the_posting(api, road_notice, withdrawn_notice):
    assert _titles(api.get("/api/v1/postings/?q=修路")) == ["村道修路工程招标公告"]
    assert _titles(api.get("/api/v1/postings/?q=慰问")) == ["春节慰问品发放通知"]
    assert _titles(api.get("/api/v1/postings/?q=低保")) == []


def test_search_reads_the_current_revision_of_a_posting(api, corrected_notice):
    # The first revision's text was "正文"; the correction replaced it.
    assert _titles(api.get("/api/v1/postings/?q=三月六日")) == ["村民代表会议通知（更正）"]
    assert _titles(api.get("/api/v1/postings/?q=正文")) == []


def test_search_combines_with_other_filters(api, village_b, road_notice, power_list):
    assert _titles(api.get(f"/api/v1/postings/?q=修路&village={village_b.code}")) == []
    assert _titles(api.get("/api/v1/postings/?q=清单&kind=power_list")) == ["柳树村小微权力清单"]


@pytest.mark.parametrize(
    "query, field",
    [
        ("kind=lottery", "kind"),
        ("section=weather", "section"),
        ("status=unpublished", "status"),
        ("published_after=next+tuesday", "published_after"),
    ],
)
def test_a_filter_value_that_makes_no_sense_is_refused_with_a_message(
    api, road_notice, query, field
):
    response = api.get(f"/api/v1/postings/?{query}")

    assert response.status_code == 400
    assert response.json()[field]


def test_a_page_beyond_the_last_is_not_found(api, road_notice):
    assert api.get("/api/v1/postings/?page=9").status_code == 404


def test_postings_are_paginated_by_page_number(api, village_a, clerk_a, supervisor_a):
    for number in range(3):
        published_posting(village_a, clerk_a, supervisor_a, title=f"第{number}号通知")

    data = api.get("/api/v1/postings/?page_size=2&page=2").json()

    assert data["count"] == 3
    assert len(data["results"]) == 1
    assert data["previous"] is not None and data["next"] is None


def test_the_posting_list_takes_two_queries_however_long(
    api, road_notice, withdrawn_notice, corrected_notice, power_list, django_assert_num_queries
):
    with django_assert_num_queries(2):
        assert api.get("/api/v1/postings/").status_code == 200
    # A search reads the groups of synonyms once more.
    with django_assert_num_queries(3):
        assert api.get("/api/v1/postings/?q=通知").status_code == 200
