"""Every response says which browser features it forbids; staff pages are never kept by a cache."""

import pytest
from django.urls import reverse

from tests.finance.ledgers import published_period


def test_every_page_forbids_the_browser_features_it_does_not_use(client, db):
    response = client.get("/")

    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "url", ["/staff/", "/staff/audit/", "/staff/account/", "/staff/login/", "/admin/"]
)
def test_staff_pages_are_never_stored(client, administrator, url):
    client.force_login(administrator)

    cache_control = client.get(url)["Cache-Control"]

    assert "no-store" in cache_control and "private" in cache_control


def test_a_public_page_seen_by_staff_is_not_stored_either(client, clerk_a, supervisor_a, village_a):
    revision = published_period(village_a, clerk_a, supervisor_a)
    client.force_login(clerk_a)

    assert "no-store" in client.get(revision.get_absolute_url())["Cache-Control"]


def test_public_pages_for_villagers_stay_cacheable(client, clerk_a, supervisor_a, village_a):
    revision = published_period(village_a, clerk_a, supervisor_a)

    assert "no-store" not in client.get(revision.get_absolute_url()).get("Cache-Control", "")
    assert client.get(reverse("workspace:login")).status_code == 200
