import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _thresholds(settings):
    """The shipped thresholds, whatever the environment says."""
    settings.FLAGS_DECISION_THRESHOLD = 50000
    settings.FLAGS_SPLIT_THRESHOLD = 10000
    settings.FLAGS_SPLIT_WINDOW_DAYS = 30
    settings.FLAGS_COMPETITION_THRESHOLD = 100000
    settings.FLAGS_ARREARS_GRACE_DAYS = 30
    settings.FLAGS_MIN_BIDS = 2
    settings.FLAGS_SAME_COUNTERPARTY_VILLAGES = 2
    settings.FLAGS_OVERPAYMENT_TOLERANCE = 0


@pytest.fixture
def english():
    """Read explanations in English; the Chinese wording is tested apart."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    """Staff pages in English, through the language switch's cookie, as a user would choose."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
