"""A published period's content is rendered once per language and kept: it can never change."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .ledgers import draft_period, published_period

pytestmark = pytest.mark.page_cache


@pytest.fixture(autouse=True)
def _pages_afresh_contents_kept(settings):
    """The page cache off, as PAGE_CACHE=false has it; the kept contents start empty."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    caches["revisions"].clear()


def read(url, language="zh-hans"):
    """The page, with the queries it took."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_second_reading_reuses_the_content_with_fewer_queries(village_a, clerk_a, supervisor_a):
    url = published_period(village_a, clerk_a, supervisor_a).posting.get_absolute_url()

    first, html = read(url)
    second, again = read(url)

    assert second < first
    assert again == html
    assert "¥62,000.00" in again


def test_each_language_keeps_its_own_rendering(village_a, clerk_a, supervisor_a):
    url = published_period(village_a, clerk_a, supervisor_a).posting.get_absolute_url()
    read(url)

    _, english = read(url, language="en")

    assert "The full ledger" in english
    assert "账目明细" not in english


def test_a_draft_in_the_staff_preview_is_never_kept(village_a, clerk_a, supervisor_a, client):
    revision = draft_period(village_a, clerk_a)
    client.force_login(clerk_a)
    url = f"/staff/revisions/{revision.pk}/preview/"

    preview = client.get(url)

    assert preview.status_code == 200
    assert "账目明细" in preview.content.decode()

    assert caches["revisions"].get(f"period:{revision.pk}:zh-hans") is None
