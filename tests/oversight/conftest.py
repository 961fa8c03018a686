import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is slow on purpose; these tests make many staff accounts and test no passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def english():
    """Read messages in English; the Chinese wording is tested apart."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client, settings):
    """A browser that chose English, as the tests read the English wording."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
