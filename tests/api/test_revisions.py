import hashlib
from datetime import datetime, timedelta

from disclosure.publishing import services
from disclosure.publishing.models import PowerItem, Revision

from ..factories import draft_posting, signed_off
from .conftest import PDF


def test_a_revision_carries_its_place_in_the_chain(api, village_a, road_notice):
    data = api.get(f"/api/v1/revisions/{road_notice.pk}/").json()

    assert data["posting"] == road_notice.posting.code
    assert data["village"] == village_a.code
    assert (data["number"], data["action"], data["seq"]) == (1, "original", 1)
    assert data["prev_digest"] == "0" * 64
    assert data["digest"] == road_notice.digest
    assert data["title"] == "村道修路工程招标公告"
    assert data["body"] == "村道修路工程公开招标，欢迎报名。"


def test_a_revision_shows_who_signed_it_off_when_and_what_they_said(api, road_notice):
    data = api.get(f"/api/v1/revisions/{road_notice.pk}/").json()

    assert data["author"] == "王会计"
    assert data["sign_off"]["by"] == "李监督"
    assert datetime.fromisoformat(data["sign_off"]["at"]) == road_notice.signed_off_at
    assert data["sign_off"]["opinion"] == "内容属实，同意公开。"
    assert data["published_by"] == "王会计"
    assert data["published_at"].endswith("+08:00")


def test_attachments_come_with_their_hash_and_an_absolute_download_address(api, road_notice):
    (attachment,) = api.get(f"/api/v1/revisions/{road_notice.pk}/").json()["attachments"]

    assert attachment["filename"] == "招标文件.pdf"
    assert attachment["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert (attachment["size"], attachment["content_type"]) == (len(PDF), "application/pdf")
    stored = road_notice.attachments.get()
    assert attachment["url"] == f"http://testserver{stored.get_absolute_url()}"


def test_a_list_of_small_powers_shows_its_rows(api, power_list):
    (row,) = api.get(f"/api/v1/revisions/{power_list.pk}/").json()["rows"]

    assert row["name"] == "出具证明"
    assert (row["time_limit"], row["fee"], row["responsible"]) == (
        "3个工作日",
        "免费",
        "村委会主任",
    )


def test_identity_and_phone_numbers_never_leave_unmasked(
    api, village_b, clerk_b, supervisor_b, power_list
):
    # Text that reached the database without passing through the services is masked on the way out.
    revision = draft_posting(village_b, clerk_b, title="低保公示")
    Revision.objects.filter(pk=revision.pk).update(body="身份证号320102199001011234")
    services.publish(revision=signed_off(revision, clerk_b, supervisor_b), by=clerk_b)
    correction = services.start_correction(posting=power_list.posting, by=clerk_b, reason="换人")
    PowerItem.objects.filter(revision=correction).update(responsible="村主任 13812345678")
    services.publish(revision=signed_off(correction, clerk_b, supervisor_b), by=clerk_b)

    body = api.get(f"/api/v1/revisions/{revision.pk}/").json()["body"]
    rows = api.get(f"/api/v1/revisions/{correction.pk}/").json()["rows"]
    listing = api.get("/api/v1/revisions/").content.decode()

    assert body == "身份证号3201**********1234"
    assert rows[0]["responsible"] == "村主任 138****5678"
    assert "320102199001011234" not in listing


def test_revisions_are_listed_newest_first(api, road_notice, corrected_notice):
    data = api.get("/api/v1/revisions/").json()

    assert [row["title"] for row in data["results"]] == [
        "村民代表会议通知（更正）",
        "村民代表会议通知",
        "村道修路工程招标公告",
    ]


def test_revisions_can_be_filtered_by_posting_village_kind_and_action(
    api, village_b, road_notice, corrected_notice, power_list
):
    def ids(query):
        return [row["id"] for row in api.get(f"/api/v1/revisions/?{query}").json()["results"]]

    assert ids(f"posting={road_notice.posting.code}") == [road_notice.pk]
    assert ids(f"village={village_b.code}") == [power_list.pk]
    assert ids("kind=power_list") == [power_list.pk]
    assert ids("section=powers") == [power_list.pk]
    assert ids("action=correction") == [corrected_notice.pk]


def test_revisions_can_be_filtered_by_time_of_publication(api, road_notice):
    later = (road_notice.published_at + timedelta(seconds=1)).isoformat()

    assert api.get("/api/v1/revisions/", {"published_after": later}).json()["count"] == 0
    assert api.get("/api/v1/revisions/", {"published_before": later}).json()["count"] == 1


def test_search_finds_earlier_revisions_too(api, corrected_notice):
    data = api.get("/api/v1/revisions/?q=正文").json()

    assert [row["number"] for row in data["results"]] == [1]


def test_a_bad_action_is_refused_with_a_message(api, road_notice):
    response = api.get("/api/v1/revisions/?action=erase")

    assert response.status_code == 400
    assert response.json()["action"]


def test_an_unknown_revision_is_not_found(api, road_notice):
    assert api.get("/api/v1/revisions/999999/").status_code == 404
    assert api.get("/api/v1/revisions/abc/").status_code == 404


def test_the_revision_list_takes_three_queries_however_long(
    api, road_notice, withdrawn_notice, corrected_notice, power_list, django_assert_num_queries
):
    with django_assert_num_queries(3):
        assert api.get("/api/v1/revisions/").status_code == 200


def test_hex_commitments_in_rows_are_not_mistaken_for_identity_numbers():
    from disclosure.api.serializers import _masked_rows

    commitment = "3201021990010112340000000000000000000000000000000000000000000000"
    rows = _masked_rows([{"commitment": commitment, "note": "身份证320102199001011234"}])
    assert rows[0]["commitment"] == commitment
    assert "320102199001011234" not in rows[0]["note"]
