"""Public pages are rendered once and served from the cache until their village changes."""

import gzip

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from disclosure.publishing import changes
from disclosure.publishing.models import ChangeCount

from ..factories import published_posting

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.page_cache]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def queries_of(client, path, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_second_visitor_is_served_from_the_cache_without_a_query(
    client, village_a, clerk_a, supervisor_a
):
    published_posting(village_a, clerk_a, supervisor_a, title="关于村道修路工程招标的公告")
    path = f"/v/{village_a.code}/"

    first, html = queries_of(client, path)
    second, cached = queries_of(client, path)

    assert first > 1
    assert second == 0
    assert cached == html


def test_after_a_second_the_count_of_changes_is_read_again(client, village_a, monkeypatch):
    monkeypatch.setattr(changes, "TRUSTED_SECONDS", 0)
    path = f"/v/{village_a.code}/"
    client.get(path)

    count, _ = queries_of(client, path)

    assert count == 1


def test_the_cached_copy_is_kept_compressed_with_its_etag(client, village_a):
    path = f"/v/{village_a.code}/"
    first = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    second = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(path)
    unchanged = client.get(path, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    assert gzip.decompress(second.content).decode() == plain.content.decode()
    assert second["ETag"] == first["ETag"] != plain["ETag"]
    assert "Accept-Encoding" in second["Vary"]
    assert unchanged.status_code == 304


def test_publishing_in_the_village_shows_at_once(client, village_a, clerk_a, supervisor_a):
    path = f"/v/{village_a.code}/"
    before = client.get(path).content.decode()

    published_posting(village_a, clerk_a, supervisor_a, title="二〇二六年春耕补贴发放通知")

    assert "春耕补贴" not in before
    assert "春耕补贴" in client.get(path).content.decode()


def test_a_change_in_another_village_keeps_the_cached_page(
    client, village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    posting = published_posting(village_a, clerk_a, supervisor_a).posting
    path = posting.get_absolute_url()
    client.get(path)

    published_posting(village_b, clerk_b, supervisor_b, title="柳树村的通知")
    count, _ = queries_of(client, path)

    assert count == 1
    assert ChangeCount.objects.get(scope=village_b.pk).count > 0


def test_pages_across_villages_change_with_any_village(
    client, village_a, village_b, clerk_b, supervisor_b
):
    before = client.get("/search/?q=柳树").content.decode()

    published_posting(village_b, clerk_b, supervisor_b, title="柳树村村道修缮公告")

    assert "柳树村村道修缮公告" not in before
    assert "柳树村村道修缮公告" in client.get("/search/?q=柳树").content.decode()


def test_each_language_and_text_size_is_kept_apart(client, village_a):
    path = f"/v/{village_a.code}/"
    chinese = client.get(path).content.decode()

    client.cookies["django_language"] = "en"
    english = client.get(path).content.decode()
    client.cookies["text_size"] = "large"
    large = client.get(path).content.decode()

    assert 'lang="zh-Hans"' in chinese
    assert 'lang="en"' in english and 'class="large"' not in english
    assert 'class="large"' in large


def test_a_signed_in_clerk_is_never_served_a_shared_copy(client, village_a, clerk_a):
    path = f"/v/{village_a.code}/"
    client.get(path)
    client.force_login(clerk_a)

    count, _ = queries_of(client, path)

    assert count > 1


def test_a_page_says_whether_it_came_from_the_cache(client, village_a):
    path = f"/v/{village_a.code}/"

    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_a_returning_visitor_gets_the_copy_for_their_last_visit(
    client, village_a, clerk_a, supervisor_a
):
    path = f"/v/{village_a.code}/"
    newcomer = client.get(path)
    published_posting(village_a, clerk_a, supervisor_a, title="关于村道修路工程招标的公告")
    client.get(path)  # the copy for everyone, kept
    returning = Client()
    returning.cookies[f"seen-{village_a.code}"] = "~2020-01-01"

    count, html = queries_of(returning, path)

    assert count > 1
    assert "上次来访" in html and "关于村道修路工程招标的公告" in html
    assert "private" in newcomer["Cache-Control"]
    stranger = Client().get(path)  # served from the copy for everyone, with a cookie of its own
    assert "上次来访" not in stranger.content.decode()
    assert stranger.cookies[f"seen-{village_a.code}"].value.startswith("~")
