"""With SHARED_CACHE_URL, rendered pages are kept in one Redis that every server process reads,
under the same keys as the per-process cache."""

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure.publishing import changes

from ..factories import published_posting
from ..servers import redis_server

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.page_cache]


@pytest.fixture
def shared_cache(settings, tmp_path):
    with redis_server(tmp_path) as url:
        settings.CACHES = {
            **settings.CACHES,
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url},
        }
        yield redis.Redis.from_url(url)
        caches["default"].close()


def another_process():
    """What a second server process starts with: its own connections, an empty memory."""
    caches["default"].close()
    changes.forget_counts()


def test_a_page_one_process_rendered_is_served_to_another_from_redis(
    client, shared_cache, village_a, clerk_a, supervisor_a
):
    published_posting(village_a, clerk_a, supervisor_a, title="关于村道修路工程招标的公告")
    path = f"/v/{village_a.code}/"
    first = client.get(path).content

    another_process()
    with CaptureQueriesContext(connection) as queries:
        second = client.get(path).content

    assert second == first
    # Only the count of the village's changes is read: nothing is rendered again.
    assert len(queries) == 1
    assert any(b"page:" in key for key in shared_cache.keys())


def test_a_publication_shows_at_once_in_every_process(
    client, shared_cache, village_a, clerk_a, supervisor_a
):
    path = f"/v/{village_a.code}/"
    client.get(path)

    published_posting(village_a, clerk_a, supervisor_a, title="关于村道修路工程招标的公告")
    another_process()

    assert "关于村道修路工程招标的公告" in client.get(path).content.decode()
