"""Questions and ratings as villagers make them, through the app's own services."""

import pytest
from django.utils import translation

from disclosure.finance.models import FinanceKind
from disclosure.participation import questions, subjects

from ..factories import published_posting
from ..finance.ledgers import published_period


@pytest.fixture(autouse=True)
def _site_language(settings):
    """Services speak the site's language, whatever an earlier request switched the thread to."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def ask(subject, text="这笔钱花在哪里了？", ip="10.0.0.1", now=None, **kwargs):
    return questions.ask(subject=subject, text=text, ip=ip, now=now, **kwargs)


def listed(question, supervisor, now=None):
    return questions.list_question(question=question, by=supervisor, now=now)


def answered(question, answerer, text="用于村道硬化，详见凭证。", now=None):
    return questions.answer_question(question=question, text=text, by=answerer, now=now)


@pytest.fixture
def notice_a(village_a, clerk_a, supervisor_a):
    return published_posting(village_a, clerk_a, supervisor_a).posting


@pytest.fixture
def notice_b(village_b, clerk_b, supervisor_b):
    return published_posting(village_b, clerk_b, supervisor_b).posting


@pytest.fixture
def about_notice_a(notice_a):
    return subjects.find(subjects.POSTING, notice_a.code)


@pytest.fixture
def period_a(village_a, clerk_a, supervisor_a):
    """清河村's first period of 2025, published, with the road works of ¥38,000.00 as line 3."""
    revision = published_period(village_a, clerk_a, supervisor_a)
    assert revision.posting.kind == FinanceKind.FINANCE_PERIOD
    return revision
