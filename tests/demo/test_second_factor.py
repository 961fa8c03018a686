"""The demo's township officials log in with the code their app would show, which the demo says."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.second_factor import demo_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_mode(settings):
    settings.DEMO = True


def test_accounts_that_must_use_a_second_factor_have_a_key_made_from_their_name(demo_county):
    keys = dict(TOTPDevice.objects.values_list("user__username", "key"))

    assert keys["taoyuan_official"] == demo_key("taoyuan_official")
    assert "county_admin" in keys and "baisha_inspector" in keys
    assert "xinghua_clerk" not in keys


def test_a_township_official_logs_in_with_the_code_the_demo_shows(demo_county, client, demo_mode):
    client.post("/staff/login/", {"username": "taoyuan_official", "password": "cunwu-demo-2025"})
    page = client.get("/staff/login/code/").content.decode()
    code = re.search(r"<strong>(\d{6})</strong>", page).group(1)

    response = client.post("/staff/login/code/", {"code": code})

    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200


def test_outside_demo_mode_the_code_is_never_shown(demo_county, client, settings):
    settings.DEMO = False
    client.post("/staff/login/", {"username": "taoyuan_official", "password": "cunwu-demo-2025"})

    assert "<strong>" not in client.get("/staff/login/code/").content.decode()
