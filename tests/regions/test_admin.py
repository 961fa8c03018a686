"""The admin lets administrators keep the region tree and the staff's roles."""

import pytest
from django.urls import reverse

from disclosure.regions.models import Level, Region, User


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x-long-pass"))
    return client


def add_region(admin_client, code, name):
    return admin_client.post(reverse("admin:regions_region_add"), {"code": code, "name": name})


def test_a_new_village_gets_its_level_and_parent_from_its_code(admin_client, township):
    response = add_region(admin_client, "990101001009", "新建村")

    assert response.status_code == 302
    village = Region.objects.get(code="990101001009")
    assert village.level == Level.VILLAGE
    assert village.parent == township


def test_a_region_whose_parent_is_missing_is_refused(admin_client, county):
    response = add_region(admin_client, "990101005001", "孤村")

    assert response.status_code == 200
    assert "请先添加其上级区划 990101005000" in response.content.decode()
    assert not Region.objects.filter(code="990101005001").exists()


@pytest.mark.parametrize("code", ["99010100100", "99010100100A", "000000000000"])
def test_a_malformed_code_is_refused(admin_client, county, code):
    response = add_region(admin_client, code, "坏代码")

    assert response.status_code == 200
    assert not Region.objects.filter(name="坏代码").exists()


def test_a_region_can_be_renamed_but_its_code_stays(admin_client, village_a):
    url = reverse("admin:regions_region_change", args=[village_a.pk])

    response = admin_client.post(url, {"code": "990101001099", "name": "清河新村"})

    assert response.status_code == 302
    village_a.refresh_from_db()
    assert (village_a.code, village_a.name) == ("990101001001", "清河新村")


def test_regions_cannot_be_deleted(admin_client, village_a):
    url = reverse("admin:regions_region_delete", args=[village_a.pk])

    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Region.objects.filter(pk=village_a.pk).exists()


def test_a_staff_member_page_lists_their_roles(admin_client, clerk_a):
    response = admin_client.get(reverse("admin:regions_user_change", args=[clerk_a.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "王会计" in content
    assert "清河村" in content
    assert "村会计/文书" in content


def test_the_region_list_is_searchable_by_code(admin_client, village_a, village_b):
    response = admin_client.get(reverse("admin:regions_region_changelist"), {"q": "990101001002"})

    content = response.content.decode()
    assert "柳树村" in content
    assert "清河村" not in content


def test_an_administrator_adds_a_staff_member_with_a_public_name(admin_client, db):
    response = admin_client.post(
        reverse("admin:regions_user_add"),
        {
            "username": "clerk_new",
            "display_name": "陈会计",
            "password1": "a-long-enough-password",
            "password2": "a-long-enough-password",
            "usable_password": "true",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(username="clerk_new")
    assert user.public_name == "陈会计"
    assert user.check_password("a-long-enough-password")


def test_an_administrator_gives_a_role_on_a_village(admin_client, village_b, clerk_a):
    url = reverse("admin:regions_user_change", args=[clerk_a.pk])
    role = clerk_a.roles.get()
    data = {
        "username": clerk_a.username,
        "display_name": clerk_a.display_name,
        "is_active": "on",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
        "roles-TOTAL_FORMS": "2",
        "roles-INITIAL_FORMS": "1",
        "roles-0-id": role.pk,
        "roles-0-user": clerk_a.pk,
        "roles-0-region": role.region_id,
        "roles-0-kind": "clerk",
        "roles-1-user": clerk_a.pk,
        "roles-1-region": village_b.pk,
        "roles-1-kind": "supervisor",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[-3000:]
    assert set(clerk_a.roles.values_list("region__name", "kind")) == {
        ("清河村", "clerk"),
        ("柳树村", "supervisor"),
    }
