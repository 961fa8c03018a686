from django.urls import reverse

from disclosure.assets.models import Asset
from disclosure.publishing.models import Revision

from .conftest import add_asset


def _register(village):
    return reverse("assets_staff:register", args=[village.code])


def test_the_clerk_sees_the_working_register_of_their_village(signed_in, clerk_a, register_a):
    response = signed_in(clerk_a).get(_register(register_a))

    text = response.content.decode()
    assert "村委会办公楼" in text and "东塘" in text
    assert reverse("assets_staff:import", args=[register_a.code]) in text


def test_a_clerk_of_another_village_finds_no_register_there(signed_in, clerk_b, register_a):
    assert signed_in(clerk_b).get(_register(register_a)).status_code == 404


def test_the_township_official_reads_but_cannot_change_the_register(
    signed_in, township_official, register_a
):
    client = signed_in(township_official)

    page = client.get(_register(register_a))
    refused = client.post(reverse("assets_staff:snapshot", args=[register_a.code]))

    assert page.status_code == 200
    assert reverse("assets_staff:new_asset", args=[register_a.code]) not in page.content.decode()
    assert refused.status_code == 403
    assert not Revision.objects.exists()


def test_taking_a_snapshot_opens_the_draft_for_review(signed_in, clerk_a, register_a):
    response = signed_in(clerk_a).post(reverse("assets_staff:snapshot", args=[register_a.code]))

    revision = Revision.objects.get(village=register_a)
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:revision", args=[revision.pk])
    assert revision.snapshot_assets.count() == 2


def test_a_draft_can_be_taken_again_from_the_register(signed_in, clerk_a, register_a):
    client = signed_in(clerk_a)
    client.post(reverse("assets_staff:snapshot", args=[register_a.code]))
    revision = Revision.objects.get(village=register_a)
    add_asset(register_a, clerk_a, number="ZC-030", name="新建公厕")

    client.post(reverse("assets_staff:refresh", args=[revision.pk]))

    assert revision.snapshot_assets.count() == 3


def test_the_staff_preview_shows_the_register_rows(signed_in, clerk_a, register_a):
    client = signed_in(clerk_a)
    client.post(reverse("assets_staff:snapshot", args=[register_a.code]))
    revision = Revision.objects.get(village=register_a)

    text = client.get(reverse("workspace:preview", args=[revision.pk])).content.decode()

    assert "灌溉泵站" in text


def test_the_index_lists_only_the_villages_of_the_staff_member(
    signed_in, clerk_b, register_a, village_b
):
    text = signed_in(clerk_b).get(reverse("assets_staff:index")).content.decode()

    assert village_b.name in text and register_a.name not in text
    assert Asset.objects.filter(village=register_a).count() == 2
