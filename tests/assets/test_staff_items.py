from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.assets.models import Asset, Photo, Resource

from .conftest import png

ASSET_FORM = {
    "number": "ZC-101",
    "category": "roads",
    "name": "村东水泥路",
    "location": "村东至镇道",
    "quantity": "1",
    "original_value": "260000.00",
    "acquired_on": "2019-10-01",
    "condition": "完好",
    "user": "全体村民",
}


def test_the_clerk_adds_an_asset_through_the_form(signed_in, clerk_a, village_a):
    response = signed_in(clerk_a).post(
        reverse("assets_staff:new_asset", args=[village_a.code]), ASSET_FORM
    )

    road = Asset.objects.get(village=village_a)
    assert response["Location"] == reverse("assets_staff:asset", args=[road.pk])
    assert road.original_value == Decimal("260000.00")


def test_a_number_used_twice_is_refused_beside_the_field(signed_in, clerk_a, register_a):
    response = signed_in(clerk_a).post(
        reverse("assets_staff:new_asset", args=[register_a.code]),
        {**ASSET_FORM, "number": "ZC-001"},
    )

    assert response.status_code == 200
    assert "本村已有此登记编号" in response.content.decode()
    assert Asset.objects.filter(village=register_a).count() == 2


def test_a_negative_value_is_refused(signed_in, clerk_a, village_a):
    response = signed_in(clerk_a).post(
        reverse("assets_staff:new_asset", args=[village_a.code]),
        {**ASSET_FORM, "original_value": "-1"},
    )

    assert response.status_code == 200
    assert not Asset.objects.exists()


def test_a_clerk_of_another_village_cannot_edit_an_asset(signed_in, clerk_b, register_a):
    building = Asset.objects.get(village=register_a, number="ZC-001")

    response = signed_in(clerk_b).post(
        reverse("assets_staff:asset", args=[building.pk]), {**ASSET_FORM, "name": "改名"}
    )

    assert response.status_code == 404
    building.refresh_from_db()
    assert building.name == "村委会办公楼"


def test_the_supervisor_may_read_an_asset_but_not_change_it(signed_in, supervisor_a, register_a):
    building = Asset.objects.get(village=register_a, number="ZC-001")
    client = signed_in(supervisor_a)

    assert client.get(reverse("assets_staff:asset", args=[building.pk])).status_code == 200
    refused = client.post(reverse("assets_staff:asset", args=[building.pk]), ASSET_FORM)
    assert refused.status_code == 403


def test_a_disposal_needs_its_authorising_decision(signed_in, clerk_a, register_a):
    pump = Asset.objects.get(village=register_a, number="ZC-002")
    url = reverse("assets_staff:dispose", args=[pump.pk])
    values = {
        "disposal": "scrapped",
        "disposed_on": "2025-12-01",
        "disposal_reason": "泵体锈蚀",
    }
    client = signed_in(clerk_a)

    refused = client.post(url, values)
    pump.refresh_from_db()
    assert "请注明批准处置的决策" in refused.content.decode()
    assert pump.disposal == ""

    client.post(url, {**values, "decision_reference": "2025年第4次村民代表会议"})
    pump.refresh_from_db()
    assert (pump.disposal, pump.proceeds) == ("scrapped", Decimal("0"))


def test_the_clerk_edits_a_resource(signed_in, clerk_a, register_a):
    pond = Resource.objects.get(village=register_a)
    values = {
        "number": "ZY-001",
        "type": "pond",
        "name": "东塘",
        "location": "村东",
        "area_mu": "13.00",
        "status": "idle",
        "user": "",
    }

    signed_in(clerk_a).post(reverse("assets_staff:resource", args=[pond.pk]), values)

    pond.refresh_from_db()
    assert (pond.area_mu, pond.status) == (Decimal("13.00"), "idle")


def test_photos_are_added_and_removed(signed_in, clerk_a, register_a):
    pond = Resource.objects.get(village=register_a)
    client = signed_in(clerk_a)

    client.post(
        reverse("assets_staff:resource_photo", args=[pond.pk]),
        {"photo": SimpleUploadedFile("东塘.png", png())},
    )
    photo = Photo.objects.get(resource=pond)
    assert photo.thumbnail.content_type == "image/jpeg"

    client.post(reverse("assets_staff:remove_photo", args=[photo.pk]))
    assert not Photo.objects.exists()


def test_a_file_that_is_not_a_photo_is_refused(signed_in, clerk_a, register_a):
    pond = Resource.objects.get(village=register_a)

    response = signed_in(clerk_a).post(
        reverse("assets_staff:resource_photo", args=[pond.pk]),
        {"photo": SimpleUploadedFile("合同.pdf", b"%PDF-1.4 contract")},
    )

    assert response.status_code == 200
    assert "不是照片" in response.content.decode()
    assert not Photo.objects.exists()
