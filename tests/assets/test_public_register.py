import gzip
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.assets import services
from disclosure.assets.models import Asset, Resource

from .conftest import NEW_YEAR, add_asset, png, publish_snapshot


def _page(client, village, **params):
    return client.get(reverse("assets:register", args=[village.code]), params)


def test_before_anything_is_published_the_page_says_so(client, register_a, clerk_a):
    services.take_snapshot(village=register_a, by=clerk_a)

    response = _page(client, register_a)

    assert response.status_code == 200
    assert "村委会办公楼" not in response.content.decode()


def test_villagers_see_the_latest_published_register_not_a_newer_draft(
    client, register_a, clerk_a, supervisor_a
):
    publish_snapshot(register_a, clerk_a, supervisor_a)
    add_asset(register_a, clerk_a, number="ZC-050", name="未公开的仓库")
    services.take_snapshot(village=register_a, by=clerk_a)

    text = _page(client, register_a).content.decode()

    assert "村委会办公楼" in text
    assert "灌溉泵站" in text
    assert "未公开的仓库" not in text


def test_totals_count_and_sum_the_assets_still_held_by_category(
    client, register_a, clerk_a, supervisor_a
):
    add_asset(register_a, clerk_a, number="ZC-003", name="老村部", original_value=Decimal("20000"))
    publish_snapshot(register_a, clerk_a, supervisor_a)

    response = _page(client, register_a)

    buildings = next(t for t in response.context["asset_totals"] if t.count == 2)
    assert buildings.amount == Decimal("400000.00")
    assert "400000.00" in response.content.decode()


def test_filters_narrow_the_table_without_javascript(client, register_a, clerk_a, supervisor_a):
    publish_snapshot(register_a, clerk_a, supervisor_a)

    response = _page(client, register_a, category="water_works", status="idle")

    assert [a.number for a in response.context["assets"]] == ["ZC-002"]
    assert list(response.context["resources"]) == []


def test_a_filter_value_that_makes_no_sense_is_explained_and_shows_everything(
    client, register_a, clerk_a, supervisor_a
):
    publish_snapshot(register_a, clerk_a, supervisor_a)

    response = _page(client, register_a, category="castle")

    assert response.status_code == 200
    assert len(response.context["assets"]) == 2
    assert response.context["filters"].errors


def test_the_changes_since_the_previous_snapshot_are_listed(
    client, register_a, clerk_a, supervisor_a
):
    publish_snapshot(register_a, clerk_a, supervisor_a)
    services.dispose_asset(
        asset=Asset.objects.get(village=register_a, number="ZC-002"),
        values={
            "disposal": "sold",
            "disposed_on": NEW_YEAR,
            "disposal_reason": "设备老化，公开拍卖",
            "proceeds": Decimal("3000.00"),
            "decision_reference": "ABC234",
        },
        by=clerk_a,
    )
    publish_snapshot(register_a, clerk_a, supervisor_a, today=NEW_YEAR)

    response = _page(client, register_a)

    assert [(c.kind, c.item.number) for c in response.context["changes"]] == [
        ("disposed", "ZC-002")
    ]
    assert "ABC234" in response.content.decode()


def test_the_page_costs_the_same_queries_however_many_rows_it_lists(
    client, register_a, clerk_a, supervisor_a, django_assert_num_queries
):
    publish_snapshot(register_a, clerk_a, supervisor_a)
    for number in range(10, 40):
        add_asset(register_a, clerk_a, number=f"ZC-{number}", name=f"路灯{number}")
    publish_snapshot(register_a, clerk_a, supervisor_a, today=NEW_YEAR)

    # One of them reads the count of changes that keys the page cache.
    with django_assert_num_queries(10):
        response = _page(client, register_a)

    assert len(response.context["assets"]) == 32


def test_the_page_stays_under_the_budget_of_30_kb_compressed(
    client, register_a, clerk_a, supervisor_a
):
    for number in range(10, 70):
        add_asset(register_a, clerk_a, number=f"ZC-{number}", name=f"太阳能路灯{number}")
    publish_snapshot(register_a, clerk_a, supervisor_a)

    response = _page(client, register_a)

    assert len(gzip.compress(response.content)) < 30 * 1024


def test_an_unknown_village_is_not_found(client, db):
    assert client.get(reverse("assets:register", args=["990101001999"])).status_code == 404


def test_the_village_page_links_to_the_register(client, register_a):
    response = client.get(reverse("portal:village", args=[register_a.code]))

    assert reverse("assets:register", args=[register_a.code]) in response.content.decode()


def test_photos_of_the_register_appear_as_thumbnails(client, register_a, clerk_a, supervisor_a):
    pond = Resource.objects.get(village=register_a)
    services.add_photo(item=pond, upload=SimpleUploadedFile("东塘.png", png()), by=clerk_a)
    revision = publish_snapshot(register_a, clerk_a, supervisor_a)
    thumbnail = revision.attachments.get().thumbnail

    text = _page(client, register_a).content.decode()

    assert reverse("portal:thumbnail", args=[thumbnail.sha256]) in text


def test_the_posting_page_shows_the_rows_of_its_revision(client, register_a, clerk_a, supervisor_a):
    revision = publish_snapshot(register_a, clerk_a, supervisor_a)

    text = client.get(revision.posting.get_absolute_url()).content.decode()

    assert "灌溉泵站" in text and "东塘" in text
