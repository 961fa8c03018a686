from django.urls import reverse

from disclosure.assets.models import Asset

from .conftest import ASSET_HEADER, workbook

ROWS = [
    ASSET_HEADER,
    ["ZC-001", "房屋建筑物", "村委会办公楼", "村中心", 1, 380000, "2012-06-01", "完好", "村委会"],
    ["ZC-002", "机器设备", "收割机", "农机库", 1, 56000, "2020-03-05", "一般", ""],
]


def _upload(client, village, rows):
    return client.post(
        reverse("assets_staff:import", args=[village.code]),
        {"register": "assets", "workbook": workbook(rows)},
    )


def test_the_preview_shows_the_rows_and_saves_nothing(signed_in, clerk_a, village_a):
    response = _upload(signed_in(clerk_a), village_a, ROWS)

    assert "收割机" in response.content.decode()
    assert len(response.context["preview"]) == 2
    assert not Asset.objects.exists()


def test_confirming_the_preview_imports_the_rows(signed_in, clerk_a, village_a):
    client = signed_in(clerk_a)
    _upload(client, village_a, ROWS)

    response = client.post(reverse("assets_staff:import_confirm", args=[village_a.code]))

    assert response["Location"] == reverse("assets_staff:register", args=[village_a.code])
    assert sorted(Asset.objects.values_list("number", flat=True)) == ["ZC-001", "ZC-002"]


def test_problems_are_listed_and_there_is_nothing_to_confirm(signed_in, clerk_a, village_a):
    client = signed_in(clerk_a)
    rows = [*ROWS, ["ZC-003", "机器设备", "水泵", "", 1, "很多", "", "", ""]]

    response = _upload(client, village_a, rows)

    assert "第 4 行 F 列（原值）" in response.content.decode()
    assert "preview" not in response.context
    client.post(reverse("assets_staff:import_confirm", args=[village_a.code]))
    assert not Asset.objects.exists()


def test_a_preview_of_one_village_cannot_be_confirmed_in_another(
    signed_in, clerk_a, village_a, village_b
):
    client = signed_in(clerk_a)
    _upload(client, village_a, ROWS)

    response = client.post(reverse("assets_staff:import_confirm", args=[village_b.code]))

    assert response.status_code == 404
    assert not Asset.objects.exists()


def test_a_clerk_of_another_village_cannot_import(signed_in, clerk_b, village_a):
    assert _upload(signed_in(clerk_b), village_a, ROWS).status_code == 404
