"""A finance period is disclosed once it has ended, never while its books are still open."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from disclosure.finance.services import rules
from disclosure.finance.services.publication import period_problem
from disclosure.publishing import services as publishing

from ..clock import on
from ..factories import signed_off
from ..records import tamper
from .ledgers import draft_period, publish_draft

D = datetime.date


def test_a_month_cannot_be_submitted_before_it_ends(village_a, clerk_a):
    with on(D(2026, 1, 2)):
        rules.set_village_rule(village=village_a, frequency="monthly", due_days=15, by=clerk_a)
    with on(D(2026, 12, 7)):
        revision = draft_period(village_a, clerk_a, year=2026, number=12)
        with pytest.raises(ValidationError, match="2026-12-31"):
            publishing.submit(revision=revision, by=clerk_a)


def test_a_quarter_signed_off_on_its_last_day_is_published_only_the_next_day(
    village_a, clerk_a, supervisor_a
):
    with on(D(2025, 3, 31)):
        revision = draft_period(village_a, clerk_a, year=2025, number=1)
    with on(D(2025, 4, 1)):
        revision = signed_off(revision, clerk_a, supervisor_a)
    with on(D(2025, 3, 31) + datetime.timedelta(hours=1)), pytest.raises(ValidationError):
        publishing.publish(revision=revision, by=clerk_a)
    with on(D(2025, 4, 1)):
        published = publishing.publish(revision=revision, by=clerk_a)
    assert published.digest


@pytest.mark.usefixtures("english")
def test_the_check_finds_a_period_published_before_it_ended(village_a, clerk_a, supervisor_a):
    with on(D(2025, 4, 2)):
        revision = publish_draft(draft_period(village_a, clerk_a), clerk_a, supervisor_a)
    assert period_problem(revision) is None

    early = datetime.datetime(2025, 3, 30, 8, tzinfo=datetime.UTC)
    tamper("UPDATE publishing_revision SET published_at = %s WHERE id = %s", [early, revision.pk])
    revision.refresh_from_db()

    assert period_problem(revision) == "it was published before its period ended"
