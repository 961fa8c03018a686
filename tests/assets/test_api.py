from django.urls import reverse

from disclosure.assets import services

from .conftest import NEW_YEAR, add_asset, publish_snapshot


def test_snapshots_list_only_published_registers(client, register_a, clerk_a, supervisor_a):
    published = publish_snapshot(register_a, clerk_a, supervisor_a)
    services.take_snapshot(village=register_a, by=clerk_a)

    data = client.get(reverse("api:asset-snapshot-list")).json()

    assert [item["id"] for item in data["results"]] == [published.pk]
    assert data["results"][0]["taken_on"] == "2025-05-01"


def test_a_village_gives_the_rows_of_its_latest_snapshot(client, register_a, clerk_a, supervisor_a):
    publish_snapshot(register_a, clerk_a, supervisor_a)
    add_asset(register_a, clerk_a, number="ZC-003", name="文化广场", category="other")
    latest = publish_snapshot(register_a, clerk_a, supervisor_a, today=NEW_YEAR)

    data = client.get(reverse("api:asset-list"), {"village": register_a.code}).json()

    assert {row["snapshot"] for row in data["results"]} == {latest.pk}
    assert [row["number"] for row in data["results"]] == ["ZC-001", "ZC-002", "ZC-003"]
    assert data["results"][0]["original_value"] == "380000.00"


def test_assets_filter_by_category_and_resources_by_status(
    client, register_a, clerk_a, supervisor_a
):
    publish_snapshot(register_a, clerk_a, supervisor_a)

    assets = client.get(reverse("api:asset-list"), {"category": "water_works"}).json()
    idle = client.get(reverse("api:resource-list"), {"status": "idle"}).json()
    out = client.get(reverse("api:resource-list"), {"status": "contracted_out"}).json()

    assert [row["name"] for row in assets["results"]] == ["灌溉泵站"]
    assert idle["count"] == 0
    assert out["results"][0]["area_mu"] == "12.50"


def test_drafts_never_appear_in_the_api(client, register_a, clerk_a):
    services.take_snapshot(village=register_a, by=clerk_a)

    assert client.get(reverse("api:asset-list")).json()["count"] == 0
    assert client.get(reverse("api:resource-list")).json()["count"] == 0


def test_a_nonsense_filter_value_is_a_clear_400(client, db):
    response = client.get(reverse("api:asset-list"), {"category": "castle"})

    assert response.status_code == 400
    assert "category" in response.json()


def test_the_api_is_read_only(client, register_a, clerk_a, supervisor_a):
    publish_snapshot(register_a, clerk_a, supervisor_a)

    response = client.post(reverse("api:asset-list"), {"number": "ZC-100"})

    assert response.status_code in (403, 405)


def test_the_list_costs_the_same_queries_however_many_rows(
    client, register_a, clerk_a, supervisor_a, django_assert_num_queries
):
    for number in range(10, 40):
        add_asset(register_a, clerk_a, number=f"ZC-{number}", name=f"路灯{number}")
    publish_snapshot(register_a, clerk_a, supervisor_a)

    with django_assert_num_queries(2):
        data = client.get(reverse("api:asset-list")).json()

    assert data["count"] == 32
