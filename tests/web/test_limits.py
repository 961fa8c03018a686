"""The one limiter: attempts are counted by kind and keyed hash within a window."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from disclosure.web import limits
from disclosure.web.addresses import keyed
from disclosure.web.models import Attempt

pytestmark = pytest.mark.django_db


def test_the_attempt_over_the_limit_is_refused_and_not_counted():
    for _ in range(3):
        limits.check(kind="question", who="198.51.100.1", limit=3, message="too many")

    with pytest.raises(ValidationError, match="too many"):
        limits.check(kind="question", who="198.51.100.1", limit=3, message="too many")

    assert Attempt.objects.count() == 3


def test_kinds_and_addresses_are_counted_apart():
    limits.check(kind="question", who="198.51.100.1", limit=1, message="too many")

    limits.check(kind="report", who="198.51.100.1", limit=1, message="too many")
    limits.check(kind="question", who="198.51.100.2", limit=1, message="too many")


def test_the_pause_ends_when_the_oldest_counted_attempt_leaves_the_window():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        limits.note(kind="question", who="198.51.100.1")
    with time_machine.travel(start + timedelta(minutes=30), tick=False):
        limits.note(kind="question", who="198.51.100.1")
        assert limits.free_at(kind="question", who="198.51.100.1", limit=2) == start + limits.HOUR
    with time_machine.travel(start + timedelta(minutes=61), tick=False):
        assert limits.free_at(kind="question", who="198.51.100.1", limit=2) is None


def test_nobody_to_count_is_never_limited():
    limits.check(kind="question", who=None, limit=0, message="too many")

    assert not Attempt.objects.exists()


def test_only_keyed_hashes_are_stored():
    limits.note(kind="question", who="198.51.100.1")

    assert list(Attempt.objects.values_list("key", flat=True)) == [keyed("198.51.100.1")]


def test_an_administrator_ends_a_pause_by_deleting_the_attempts(admin_client):
    limits.note(kind="failed login: account", who="clerk_a")
    attempt = Attempt.objects.get()

    listing = admin_client.get(reverse("admin:web_attempt_changelist"))
    cleared = admin_client.post(
        reverse("admin:web_attempt_delete", args=[attempt.pk]), {"post": "yes"}
    )

    assert keyed("clerk_a")[:12] in listing.content.decode()
    assert cleared.status_code == 302
    assert not Attempt.objects.exists()
