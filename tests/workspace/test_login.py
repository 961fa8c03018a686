from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from disclosure.publishing.models import AuditEntry
from disclosure.web.addresses import keyed
from disclosure.web.models import Attempt

from ..factories import UserFactory

LOGIN = reverse("workspace:login")
PASSWORD = "correct horse battery staple"


def log_in(client, username="clerk_a", password=PASSWORD, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client, times, username="clerk_a", ip="10.0.0.1"):
    for _ in range(times):
        log_in(client, username, "wrong password", ip)


def test_the_login_page_is_in_chinese(client):
    response = client.get(LOGIN)

    assert response.status_code == 200
    assert "工作人员登录" in response.content.decode()


def test_a_clerk_logs_in_to_the_workspace_and_it_is_logged(client, clerk_a):
    response = log_in(client)

    assert response.status_code == 302
    assert response.url == reverse("workspace:home")
    entry = AuditEntry.objects.get(action="staff.login")
    assert (entry.user, entry.address) == (clerk_a, keyed("10.0.0.1"))


def test_a_wrong_password_is_refused_counted_and_logged(client, clerk_a):
    response = log_in(client, password="wrong password")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert set(Attempt.objects.values_list("kind", "key")) == {
        ("failed login: account", keyed("clerk_a")),
        ("failed login: address", keyed("10.0.0.1")),
    }
    assert AuditEntry.objects.get(action="staff.login_failed").target == "clerk_a"


def test_after_too_many_failures_even_the_right_password_is_refused(client, clerk_a, settings):
    fail(client, settings.LOGIN_FAILURE_LIMIT)

    response = log_in(client, ip="10.0.0.2")

    assert response.status_code == 200
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="staff.login_paused").count() == 1


def test_too_many_failures_from_one_address_pause_every_account_from_it(client, clerk_a, settings):
    for number in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, username=f"guess{number}", password="wrong password")

    response = log_in(client)

    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_below_the_limit_do_not_pause_logins(client, clerk_a, settings):
    fail(client, settings.LOGIN_FAILURE_LIMIT - 1)

    assert log_in(client).status_code == 302


def test_the_pause_ends_when_the_window_has_passed(client, clerk_a, settings):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(client, settings.LOGIN_FAILURE_LIMIT)
    window = timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)

    with time_machine.travel(start + window - timedelta(minutes=1), tick=False):
        refused = log_in(client)
        assert "请 1 分钟后再试" in refused.content.decode()
    with time_machine.travel(start + window + timedelta(seconds=1), tick=False):
        assert log_in(client).status_code == 302


def test_refused_attempts_during_a_pause_do_not_extend_it(client, clerk_a, settings):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(client, settings.LOGIN_FAILURE_LIMIT)
    window = timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    with time_machine.travel(start + window / 2, tick=False):
        fail(client, 3)

    with time_machine.travel(start + window + timedelta(seconds=1), tick=False):
        assert log_in(client).status_code == 302


def test_a_success_does_not_wipe_out_earlier_failures(client, clerk_a, settings):
    fail(client, settings.LOGIN_FAILURE_LIMIT - 1)
    log_in(client)
    client.logout()
    fail(client, 1)

    response = log_in(client)

    assert "登录失败次数过多" in response.content.decode()


def test_someone_without_a_role_is_told_the_workspace_is_closed_to_them(client, village_a):
    UserFactory(username="villager", display_name="张三")
    log_in(client, username="villager")

    response = client.get(reverse("workspace:home"))

    assert response.status_code == 403
    assert "未在任何村或乡镇担任岗位" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        reverse("workspace:home"),
        reverse("workspace:audit"),
        reverse("workspace:revision", args=[1]),
    ],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response.url.startswith(f"{LOGIN}?next=")


def test_an_overlong_username_is_refused_and_counted_like_any_other(db, client, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        response = log_in(client, username="张" * 300, password="wrong password", ip="10.0.0.9")
        assert response.status_code == 200

    assert Attempt.objects.filter(kind="failed login: account").count() == (
        settings.LOGIN_FAILURE_LIMIT
    )
    assert "登录失败次数过多" in log_in(client, username="张" * 300, ip="10.0.0.8").content.decode()
