"""A published period's content is rendered once per language and kept: it can never change."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .ledgers import draft_period, published_period

pytestmark = pytest.mark.page_cache


@pytest.fixture(autouse=True)
def _nothing_kept():
    caches["revisions"].clear()


def read(url, settings, language="zh-hans"):
    """The page afresh (the page cache is off), with the queries it took."""
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    settings.CACHES = {**settings.CACHES, "default": dummy}
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_second_reading_reuses_the_content_with_fewer_queries(
    village_a, clerk_a, supervisor_a, settings
):
    url = published_period(village_a, clerk_a, supervisor_a).posting.get_absolute_url()

    first, html = read(url, settings)
    second, again = read(url, settings)

    assert second < first
    assert again == html
    assert "¥62,000.00" in again


def test_each_language_keeps_its_own_rendering(village_a, clerk_a, supervisor_a, settings):
    url = published_period(village_a, clerk_a, supervisor_a).posting.get_absolute_url()
    read(url, settings)

    _, english = read(url, settings, language="en")

    assert "Ledger entries" in english
    assert "账目明细" not in english


def test_a_draft_in_the_staff_preview_is_never_kept(village_a, clerk_a, supervisor_a, client):
    revision = draft_period(village_a, clerk_a)
    client.force_login(clerk_a)
    url = f"/staff/revisions/{revision.pk}/preview/"

    preview = client.get(url)

    assert preview.status_code == 200
    assert "账目明细" in preview.content.decode()

    assert caches["revisions"].get(f"period:{revision.pk}:zh-hans") is None
