"""Signed-in browsers for the named people, and revisions of village A at each step."""

import pytest
from django.test import Client

from disclosure.publishing import services

from ..factories import draft_posting, published_posting, signed_off


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    # Argon2 is deliberately slow; these tests are about the workspace, not the hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_clerk_a(clerk_a):
    return _client_for(clerk_a)


@pytest.fixture
def as_supervisor_a(supervisor_a):
    return _client_for(supervisor_a)


@pytest.fixture
def as_clerk_b(clerk_b):
    return _client_for(clerk_b)


@pytest.fixture
def as_township_official(township_official):
    return _client_for(township_official)


@pytest.fixture
def as_administrator(administrator):
    return _client_for(administrator)


@pytest.fixture
def draft_a(village_a, clerk_a):
    return draft_posting(village_a, clerk_a, title="关于村道修路工程招标的公告", body="招标正文")


@pytest.fixture
def submitted_a(draft_a, clerk_a):
    return services.submit(revision=draft_a, by=clerk_a)


@pytest.fixture
def signed_off_a(draft_a, clerk_a, supervisor_a):
    return signed_off(draft_a, clerk_a, supervisor_a)


@pytest.fixture
def published_a(village_a, clerk_a, supervisor_a):
    return published_posting(village_a, clerk_a, supervisor_a, title="2024年度村级财务审计报告")
