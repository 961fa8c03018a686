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


def policy(response) -> dict[str, list[str]]:
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def test_a_revision_page_runs_only_the_portals_own_files_and_cannot_be_framed(
    client, clerk_a, supervisor_a, village_a
):
    revision = published_period(village_a, clerk_a, supervisor_a)

    response = client.get(revision.get_absolute_url())

    directives = policy(response)
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert " style=" not in response.content.decode()


@pytest.mark.parametrize("url", ["/staff/login/", "/staff/", "/admin/"])
def test_staff_pages_carry_the_same_policy(client, administrator, url):
    client.force_login(administrator)

    assert policy(client.get(url))["script-src"] == ["'self'"]


def test_the_api_docs_page_loads_its_start_up_script_as_a_file(client, db):
    page = client.get("/api/v1/docs/")
    script = client.get("/api/v1/docs/?script=")

    assert "<script>" not in page.content.decode()
    assert "<style>" not in page.content.decode()
    assert policy(page)["img-src"] == ["'self'", "data:"]  # Swagger UI's icons, only here
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()
    assert "javascript" in script["Content-Type"]
