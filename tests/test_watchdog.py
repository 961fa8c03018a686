"""The watchdog of tests/watchdog.py catches a service that forgets to count a public change."""

from unittest import mock

from django.db.models.signals import post_save

from disclosure.participation import ratings
from disclosure.publishing import changes

from .clock import at
from .factories import draft_posting
from .finance.ledgers import published_period
from .watchdog import Watchdog


def rate(posting):
    return ratings.rate(
        posting=posting, choice="satisfied", already_rated=False, ip="10.0.0.1", now=at(2026, 4, 2)
    )


def watched(action):
    watchdog = Watchdog()
    post_save.connect(watchdog.changed, weak=False, dispatch_uid="tests.test_watchdog")
    try:
        action()
    finally:
        post_save.disconnect(dispatch_uid="tests.test_watchdog")
    return watchdog


def test_a_service_that_changes_a_public_row_without_counting_is_named(
    village_a, clerk_a, supervisor_a
):
    posting = published_period(village_a, clerk_a, supervisor_a).posting

    with mock.patch.object(changes, "count"):
        watchdog = watched(lambda: rate(posting))
    changes.count(village_a.pk)  # what the service forgot, so that this test's own watch passes

    assert list(watchdog.uncounted) == [village_a.pk]
    assert watchdog.uncounted[village_a.pk].startswith(
        "participation.Rating saved by disclosure/participation/ratings.py:"
    )


def test_the_rows_of_a_new_draft_need_no_count(village_a, clerk_a):
    watchdog = watched(lambda: draft_posting(village_a, clerk_a))

    assert watchdog.uncounted == {}
