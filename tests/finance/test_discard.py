"""A clerk may throw away any finance draft that was never published: a period's or a budget's."""

from decimal import Decimal

from django.urls import reverse

from disclosure.finance.models import Budget, LedgerEntry, Period
from disclosure.finance.services.budgets import save_budget
from disclosure.publishing import services
from disclosure.publishing.models import Posting

from .ledgers import draft_period, published_period


def test_a_period_draft_is_discarded_and_the_period_waits_for_a_new_import(village_a, clerk_a):
    revision = draft_period(village_a, clerk_a)

    services.discard_draft(revision=revision, by=clerk_a)

    period = Period.objects.get(village=village_a, year=2025, number=1)
    assert period.posting is None
    assert not Posting.objects.exists()
    assert not LedgerEntry.objects.exists()


def test_the_clerk_discards_a_period_draft_from_the_workspace(client, village_a, clerk_a):
    revision = draft_period(village_a, clerk_a)
    client.force_login(clerk_a)

    response = client.post(reverse("workspace:discard", args=[revision.pk]), follow=True)

    assert response.status_code == 200
    assert "草稿已放弃" in response.content.decode()
    assert not Posting.objects.exists()


def test_the_draft_of_a_correction_is_discarded_and_the_published_period_stays(
    village_a, clerk_a, supervisor_a
):
    published = published_period(village_a, clerk_a, supervisor_a)
    correction = services.start_correction(posting=published.posting, by=clerk_a, reason="补记。")

    services.discard_draft(revision=correction, by=clerk_a)

    period = Period.objects.get(village=village_a, year=2025, number=1)
    assert period.posting == published.posting
    assert list(period.posting.revisions.all()) == [published]


def test_a_budget_draft_is_discarded(village_a, clerk_a):
    amounts = {"public_welfare": Decimal("50000.00")}
    revision = save_budget(village=village_a, year=2026, amounts=amounts, by=clerk_a)

    services.discard_draft(revision=revision, by=clerk_a)

    assert not Budget.objects.exists()
    assert not Posting.objects.exists()
