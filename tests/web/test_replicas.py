"""With a streaming replica, villagers read from it; staff, and anyone just after sending a form,
read and write on the primary; a publication shows once the replica has replayed it, and the
page cache never keeps what the replica had not yet received.

A primary and a standby are started once for these tests from the embedded PostgreSQL's
binaries, the primary holding a copy of the test database."""

import time

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.utils import CaptureQueriesContext

from disclosure.publishing import changes
from disclosure.web.replicas import PRIMARY_COOKIE

from ..factories import published_posting
from ..servers import primary_and_standby

pytestmark = [
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
    pytest.mark.page_cache,
]
TITLE = "关于村道修路工程招标的公告"
CATCH_UP_SECONDS = 10


@pytest.fixture(scope="module")
def cluster(django_db_setup, django_db_blocker):
    """A primary holding a copy of the test database and its standby, for the whole module."""
    with django_db_blocker.unblock():
        connections["default"].close()
        with primary_and_standby(connections.settings["default"]) as pair:
            yield pair


@pytest.fixture
def replicated(cluster, transactional_db, settings):
    """The test's default database becomes the primary, with the standby beside it."""
    original, replica = connections.settings["default"], connections.settings["replica"]
    _use(dict(zip(("default", "replica"), cluster, strict=True)))
    settings.DATABASE_ROUTERS = ["disclosure.web.replicas.ReplicaRouter"]
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "disclosure.web.replicas.ReplicaMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    changes.forget_counts()
    yield
    # As the test database is emptied after each test, so is the primary (and so the standby).
    call_command("flush", interactive=False, verbosity=0)
    _use({"default": original, "replica": replica})
    changes.forget_counts()


def _use(databases: dict) -> None:
    for alias, settings_dict in databases.items():
        connections[alias].close()
        del connections[alias]
        connections.settings[alias] = settings_dict


def on_standby_until(sql: str, *values) -> None:
    """Ask the standby until it answers true (it streams and replays on its own)."""
    deadline = time.monotonic() + CATCH_UP_SECONDS
    with connections["replica"].cursor() as cursor:
        while True:
            cursor.execute(sql, values)
            if cursor.fetchone()[0]:
                return
            assert time.monotonic() < deadline, f"the standby never answered true to {sql}"
            time.sleep(0.01)


def caught_up() -> None:
    """Wait until the standby has replayed everything the primary has committed."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        written = cursor.fetchone()[0]
    on_standby_until("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s) >= 0", written)


def replay(paused: bool) -> None:
    with connections["replica"].cursor() as cursor:
        cursor.execute(f"SELECT pg_wal_replay_{'pause' if paused else 'resume'}()")
    if paused:
        on_standby_until("SELECT pg_get_wal_replay_pause_state() = 'paused'")


def read(client, path: str, **extra) -> tuple[str, int, int]:
    """The page, and how many queries it read from the primary and from the standby."""
    changes.forget_counts()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as standby,
    ):
        response = client.get(path, **extra)
    assert response.status_code == 200
    return response.content.decode(), len(primary), len(standby)


def test_a_villager_reads_public_pages_from_the_standby(
    replicated, client, village_a, clerk_a, supervisor_a
):
    published_posting(village_a, clerk_a, supervisor_a, title=TITLE)
    caught_up()

    page, on_primary, on_standby = read(client, f"/v/{village_a.code}/")

    assert TITLE in page
    assert on_primary == 0
    assert on_standby > 0


def test_staff_read_on_the_primary(replicated, client, village_a, clerk_a, supervisor_a):
    published_posting(village_a, clerk_a, supervisor_a, title=TITLE)
    client.force_login(clerk_a)

    page, on_primary, on_standby = read(client, f"/v/{village_a.code}/")

    assert TITLE in page
    assert on_primary > 0
    assert on_standby == 0


def test_after_sending_a_form_a_villager_reads_the_primary_for_a_while(
    replicated, client, village_a
):
    response = client.post("/jubao/track/", {"code": "NOSUCHCODE"})
    _page, on_primary, on_standby = read(client, f"/v/{village_a.code}/")

    assert response.cookies[PRIMARY_COOKIE]["max-age"] > 0
    assert on_primary > 0
    assert on_standby == 0


def test_a_publication_shows_once_replayed_and_is_never_cached_before(
    replicated, client, village_a, clerk_a, supervisor_a
):
    path = f"/v/{village_a.code}/"
    caught_up()
    replay(paused=True)
    published_posting(village_a, clerk_a, supervisor_a, title=TITLE)

    before, _, _ = read(client, path)
    replay(paused=False)
    caught_up()
    after, _, _ = read(client, path)

    assert TITLE not in before
    assert TITLE in after
