from django.utils.timezone import localtime

from ..factories import draft_posting, published_posting


def test_a_township_lists_its_villages_with_their_latest_disclosure(
    client, village_a, village_b, road_notice
):
    response = client.get("/r/990101001000/")

    assert response.status_code == 200
    rows = response.content.decode().split("<tr>")
    row_a = next(row for row in rows if "清河村" in row)
    row_b = next(row for row in rows if "柳树村" in row)
    assert f'datetime="{localtime(road_notice.published_at):%Y-%m-%d}' in row_a
    assert "尚未公开" in row_b


def test_a_draft_does_not_count_as_a_disclosure(client, village_b, clerk_b):
    draft_posting(village_b, clerk_b)

    page = client.get("/r/990101001000/").content.decode()

    row_b = next(row for row in page.split("<tr>") if "柳树村" in row)
    assert "尚未公开" in row_b


def test_a_county_lists_its_townships_with_the_latest_disclosure_inside_them(
    client, village_a, village_c, clerk_b, supervisor_b, village_b
):
    revision = published_posting(village_b, clerk_b, supervisor_b)

    page = client.get("/r/990101000000/").content.decode()

    row_qingshan = next(row for row in page.split("<tr>") if "青山镇" in row)
    row_baishui = next(row for row in page.split("<tr>") if "白水镇" in row)
    assert f'datetime="{localtime(revision.published_at):%Y-%m-%d}' in row_qingshan
    assert "尚未公开" in row_baishui


def test_a_village_code_leads_to_the_village_page(client, village_a):
    response = client.get("/r/990101001001/")

    assert response.status_code == 302
    assert response["Location"] == "/v/990101001001/"


def test_an_unknown_region_is_not_found(client, village_a):
    assert client.get("/r/990101009000/").status_code == 404
