"""The Django admin has no login of its own: it sends staff to the workspace login, which is
throttled and asks for the second factor."""

from django.urls import reverse

from .test_login import PASSWORD, fail

ADMIN_LOGIN = "/admin/login/"


def test_the_admin_login_page_sends_staff_to_the_workspace_login(client):
    response = client.get(ADMIN_LOGIN + "?next=/admin/")

    assert response.status_code == 302
    assert response.url == reverse("workspace:login") + "?next=/admin/"


def test_the_admin_takes_no_passwords_itself(client, administrator):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()

    client.post(ADMIN_LOGIN, {"username": "admin", "password": PASSWORD, "next": "/admin/"})

    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_an_address_paused_by_the_workspace_is_paused_for_the_admin_too(
    client, administrator, settings
):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    fail(client, settings.LOGIN_FAILURE_LIMIT, username="admin")

    response = client.post(client.get(ADMIN_LOGIN).url, {"username": "admin", "password": PASSWORD})

    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session
