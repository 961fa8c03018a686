"""A villager's view of a generated village: its page, its postings of every kind, search."""

import pytest
from django.urls import reverse

from disclosure.participation.models import Question, QuestionStatus
from disclosure.publishing.models import Posting
from disclosure.regions.models import Region
from prefecture.services import PREFIX, Options, generate

KINDS = ("finance_period", "budget", "contract", "resolution", "decision_result", "asset_register")


@pytest.fixture
def village(db):
    generate(Options(seed=3, villages=2, townships=1, years=2, last_year=2024, entries=400))
    return Region.objects.villages().filter(code__startswith=PREFIX).order_by("code").first()


def test_the_village_page_lists_its_disclosures(client, village):
    response = client.get(reverse("portal:village", args=[village.code]))
    assert response.status_code == 200
    assert village.name in response.content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_a_posting_of_each_kind_renders(client, village, kind):
    posting = Posting.objects.filter(village=village, kind=kind).first()
    assert posting is not None, kind
    response = client.get(reverse("portal:posting", args=[posting.code]))
    assert response.status_code == 200
    assert posting.current.title in response.content.decode()


def test_a_corrected_or_withdrawn_posting_shows_its_history(client, village):
    posting = Posting.objects.filter(village__code__startswith=PREFIX, revisions__number=2).first()
    assert posting is not None
    response = client.get(reverse("portal:revision", args=[posting.code, 1]))
    assert response.status_code == 200


def test_search_finds_a_generated_two_character_word(client, village):
    response = client.get(reverse("portal:search"), {"q": "公开"})
    assert response.status_code == 200
    assert village.name in response.content.decode()


def test_answered_questions_show_on_their_question_page(client, village):
    question = Question.objects.filter(village=village, status=QuestionStatus.ANSWERED).first()
    assert question is not None
    response = client.get(reverse("participation:ask", args=["p", question.posting.code]))
    assert response.status_code == 200
    assert question.answer in response.content.decode()
