"""The generated prefecture: deterministic by seed, a chain that verifies, rows as the app
would have stored them, and refusals that protect real data."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Sum, TextField
from django.db.models.functions import Cast

from disclosure.finance.models import (
    EXPENDITURE_CATEGORIES,
    INCOME_CATEGORIES,
    LedgerEntry,
    PeriodSummary,
)
from disclosure.participation.models import Question, QuestionStatus, Rating
from disclosure.publishing import chain, verification
from disclosure.publishing.models import Posting, Revision
from disclosure.publishing.services import search_vector_of
from disclosure.regions.models import Region, User
from prefecture.services import PREFIX, Options, Refused, generate

from ..factories import published_posting

ONE_DAY = datetime.timedelta(days=1)
TINY = Options(seed=1, villages=3, townships=1, years=1, last_year=2024, entries=300)


def generated_villages():
    return list(Region.objects.villages().filter(code__startswith=PREFIX).order_by("code"))


def heads() -> list[str]:
    return [chain.head(village) for village in generated_villages()]


@pytest.fixture
def tiny(db):
    generate(TINY)
    return generated_villages()


def test_it_makes_the_villages_and_townships_asked_for(db):
    generate(Options(seed=1, villages=5, townships=2, years=1, last_year=2024, entries=200))
    in_range = Region.objects.filter(code__startswith=PREFIX)
    assert in_range.filter(level="village").count() == 5
    assert in_range.filter(level="township").count() == 2
    assert LedgerEntry.objects.filter(village__code__startswith=PREFIX).count() >= 150


def test_the_first_village_can_be_made_far_busier_than_the_others(db):
    generate(Options(**{**TINY.__dict__, "large_village": 40}))
    first, second, _third = generated_villages()
    postings = Posting.objects.public()
    assert postings.filter(village=first).count() - postings.filter(village=second).count() > 30
    assert verification.village_problems(first) == []


def test_the_same_seed_gives_the_same_chains_and_another_seed_others(db):
    generate(TINY)
    first = heads()
    generate(TINY, replace=True)
    again = heads()
    generate(Options(**{**TINY.__dict__, "seed": 2}), replace=True)
    other = heads()
    assert len(first) == 3
    assert first == again
    assert set(first).isdisjoint(other)


def test_every_generated_chain_verifies(tiny):
    for village in tiny:
        assert verification.village_problems(village) == []
        count, _head = chain.last_link(village)
        assert count > 12  # twelve months, a budget, a register, notices, contracts, matters
    call_command("verify_chain", village=tiny[0].code)


def test_search_vectors_are_those_publication_stores(tiny):
    revisions = Revision.objects.filter(village=tiny[0]).select_related("posting")
    kinds = set()
    for revision in revisions:
        kinds.add(revision.posting.kind)
        vectors = Revision.objects.filter(pk=revision.pk).values_list(
            Cast("search_vector", TextField()), Cast(search_vector_of(revision), TextField())
        )
        stored, expected = vectors.get()
        assert stored == expected, revision
    assert {"finance_period", "budget", "contract", "resolution", "asset_register"} <= kinds


def test_period_figures_add_up_and_balances_carry_over(tiny):
    summaries = (
        PeriodSummary.objects.filter(village=tiny[0])
        .select_related("period")
        .order_by("period__start", "pk")
    )
    previous = None
    for summary in summaries:
        entries = LedgerEntry.objects.filter(revision=summary.revision)
        income = entries.filter(category__in=INCOME_CATEGORIES).aggregate(t=Sum("income"))["t"]
        spent = entries.filter(category__in=EXPENDITURE_CATEGORIES).aggregate(t=Sum("expenditure"))[
            "t"
        ]
        assert summary.entries == entries.count()
        assert summary.income == (income or 0)
        assert summary.expenditure == (spent or 0)
        cash = entries.filter(fund="cash").aggregate(i=Sum("income"), e=Sum("expenditure"))
        moved = (cash["i"] or 0) - (cash["e"] or 0)
        assert summary.cash_closing == summary.cash_opening + moved
        if previous is not None and previous.period.end + ONE_DAY == summary.period.start:
            assert summary.bank_opening == previous.bank_closing
            assert summary.cash_opening == previous.cash_closing
        previous = summary


def test_it_refuses_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(Refused):
        generate(TINY)
    assert not Region.objects.filter(code__startswith=PREFIX).exists()


def test_it_refuses_to_write_over_earlier_data_without_replace(tiny):
    before = heads()
    with pytest.raises(Refused):
        generate(Options(**{**TINY.__dict__, "seed": 9}))
    assert heads() == before


def test_replace_removes_only_what_it_made(tiny, village_a, clerk_a, supervisor_a):
    revision = published_posting(village_a, clerk_a, supervisor_a)
    generate(Options(**{**TINY.__dict__, "villages": 2}), replace=True)
    assert len(generated_villages()) == 2
    assert Posting.objects.filter(pk=revision.posting_id).exists()
    assert verification.village_problems(village_a) == []
    assert User.objects.filter(username="clerk_a").exists()
    assert User.objects.filter(username__startswith="scale_").count() == 2 * 2 + 1


def test_new_postings_continue_after_the_generated_ids(tiny, village_a, clerk_a, supervisor_a):
    revision = published_posting(village_a, clerk_a, supervisor_a)
    assert revision.pk > Revision.objects.filter(village__in=tiny).order_by("-pk").first().pk


def test_villagers_asked_questions_and_rated_periods(tiny):
    questions = Question.objects.filter(village__in=tiny)
    assert questions.filter(status=QuestionStatus.ANSWERED).exists()
    for question in questions.exclude(status=QuestionStatus.PENDING):
        assert question.posting.village_id == question.village_id
        assert question.posting.first_published_at < question.asked_at
        if question.status == QuestionStatus.ANSWERED:
            assert question.due_on is not None and question.answered_at > question.asked_at
    ratings = Rating.objects.filter(village__in=tiny)
    assert ratings.exists()
    assert set(ratings.values_list("posting__kind", flat=True)) == {"finance_period"}
