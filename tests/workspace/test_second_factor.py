"""Staff log in with a password and, where required or chosen, a code from an authenticator app."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from disclosure.publishing.models import AuditEntry
from disclosure.workspace import second_factor

from .test_login import log_in

HOME = reverse("workspace:home")
VERIFY = reverse("workspace:verify")
ENROL = reverse("workspace:enrol")


def code_of(device: TOTPDevice) -> str:
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


def formatted(code: int) -> str:
    return f"{code:06d}"


def with_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def logged_in_as(client):
    return client.session.get("_auth_user_id")


def type_code(client, code, ip="10.0.0.1"):
    return client.post(VERIFY, {"code": code}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("person", ["administrator", "township_official", "report_handler"])
def test_an_account_that_must_have_the_app_sets_it_up_at_its_next_login(client, request, person):
    user = request.getfixturevalue(person)

    response = log_in(client, username=user.username)

    assert response.url == ENROL
    assert logged_in_as(client) is None
    page = client.get(ENROL).content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(ENROL, {"code": formatted(code_of(device))})
    assert response.url == reverse("workspace:recovery_codes")
    assert logged_in_as(client) == str(user.pk)
    codes = re.findall(r"<li><code>(\w+)</code></li>", client.get(response.url).content.decode())
    assert len(codes) == 10
    assert AuditEntry.objects.filter(action="staff.second_factor_set_up", user=user).exists()


def test_a_wrong_code_does_not_confirm_the_app(client, administrator):
    log_in(client, username="admin")
    client.get(ENROL)

    response = client.post(ENROL, {"code": "000000"})

    assert response.status_code == 200
    assert logged_in_as(client) is None
    assert not TOTPDevice.objects.filter(user=administrator, confirmed=True).exists()


def test_an_official_with_the_app_logs_in_with_its_code(client, township_official):
    device = with_app(township_official)

    assert log_in(client, username="official").url == VERIFY
    assert logged_in_as(client) is None
    response = type_code(client, formatted(code_of(device)))

    assert response.url == HOME
    assert logged_in_as(client) == str(township_official.pk)
    assert client.get(HOME).wsgi_request.user.is_verified()


def test_a_wrong_code_is_refused_and_counted_like_a_wrong_password(client, township_official):
    device = with_app(township_official)
    log_in(client, username="official")

    response = type_code(client, formatted((code_of(device) + 1) % 1_000_000))

    assert response.status_code == 200
    assert logged_in_as(client) is None
    assert AuditEntry.objects.filter(action="staff.login_failed", target="official").exists()


def test_after_too_many_wrong_codes_even_the_right_code_is_refused(
    client, township_official, settings
):
    device = with_app(township_official)
    log_in(client, username="official")
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        type_code(client, "12345678")

    response = type_code(client, formatted(code_of(device)))

    assert "登录失败次数过多" in response.content.decode()
    assert logged_in_as(client) is None


def test_a_recovery_code_logs_in_once(client, township_official):
    with_app(township_official)
    code = second_factor.new_recovery_codes(township_official)[0]
    log_in(client, username="official")

    assert type_code(client, code).url == HOME
    client.logout()
    log_in(client, username="official")
    assert type_code(client, code).status_code == 200
    assert logged_in_as(client) is None
    assert StaticToken.objects.filter(device__user=township_official).count() == 9


def test_the_code_page_without_a_password_first_goes_back_to_the_login(client, township_official):
    with_app(township_official)

    assert client.get(VERIFY).url == reverse("workspace:login")
    assert client.get(ENROL).url == reverse("workspace:login")


def test_a_clerk_is_offered_the_app_but_not_required_to_use_it(client, clerk_a):
    assert log_in(client).url == HOME
    assert f'href="{ENROL}"' in client.get(reverse("workspace:account")).content.decode()


def test_a_county_may_require_the_app_of_its_clerks_and_supervisors(client, clerk_a, county):
    county.second_factor_for_all_staff = True
    county.save()

    assert log_in(client).url == ENROL
    assert logged_in_as(client) is None


def test_a_clerk_who_set_up_the_app_must_type_its_code(client, clerk_a):
    with_app(clerk_a)

    assert log_in(client).url == VERIFY
    assert logged_in_as(client) is None


def test_a_signed_in_clerk_sets_up_the_app_from_the_account_page(client, clerk_a):
    log_in(client)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=clerk_a, confirmed=False)

    response = client.post(ENROL, {"code": formatted(code_of(device))})

    assert response.url == reverse("workspace:recovery_codes")
    assert second_factor.has_second_factor(clerk_a)


def test_moving_to_a_new_phone_needs_a_login_with_a_code(client, clerk_a):
    with_app(clerk_a)
    client.force_login(clerk_a)  # a session without the code

    assert client.get(ENROL).url == reverse("workspace:login")


def test_the_next_page_survives_the_code(client, township_official):
    device = with_app(township_official)
    target = reverse("workspace:audit")
    client.post(
        reverse("workspace:login"),
        {"username": "official", "password": "correct horse battery staple", "next": target},
    )

    assert type_code(client, formatted(code_of(device))).url == target


def test_codes_cannot_be_replayed(client, township_official):
    device = with_app(township_official)
    moment = timezone.now()
    with time_machine.travel(moment, tick=False):
        code = formatted(code_of(device))
        log_in(client, username="official")
        assert type_code(client, code).url == HOME
    client.logout()
    with time_machine.travel(moment + datetime.timedelta(seconds=5), tick=False):
        log_in(client, username="official")
        assert type_code(client, code).status_code == 200
