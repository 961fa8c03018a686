"""Production mode refuses to start half-configured and passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "-production-secret-key-for-the-deploy-check-0123456789"
# A signing key for the transparency logs (docs/transparency.md's test key).
LOG_KEY = "PRIVATE+KEY+cunwu.example.cn-test+b01db62c+AQW7DgUjMZNf1TAGHBg2uZV3R3v9J1Ld3UUoQ1xFAO11"
PRODUCTION = {
    "PRODUCTION": "true",
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "cunwu.example.cn",
    "TRANSPARENCY_SIGNING_KEY": LOG_KEY,
    "PUBLIC_BASE_URL": "https://cunwu.example.cn",
    "BENEFITS_SLIP_KEY": "slip-key-for-the-deploy-check-0123456789",
}


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PRODUCTION", "SECRET_KEY", "ALLOWED_HOSTS", "DEMO", "DEBUG")
        and not key.startswith(("TRANSPARENCY_", "PUBLIC_BASE_URL", "BENEFITS_"))
    }
    # The project's own settings, as a deployment reads them, not the test run's.
    environment["DJANGO_SETTINGS_MODULE"] = "disclosure.settings"
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def without(*names, **changes) -> dict:
    return {key: value for key, value in PRODUCTION.items() if key not in names} | changes


@pytest.mark.parametrize(
    "env, complaint",
    [
        (without("SECRET_KEY"), "SECRET_KEY"),
        (without("ALLOWED_HOSTS"), "ALLOWED_HOSTS"),
        (without(SECRET_KEY="short"), "SECRET_KEY"),
        (without("TRANSPARENCY_SIGNING_KEY"), "TRANSPARENCY_SIGNING_KEY"),
        (without("BENEFITS_SLIP_KEY"), "BENEFITS_SLIP_KEY"),
        (without("PUBLIC_BASE_URL"), "TRANSPARENCY_ORIGIN_HOST"),
    ],
)
def test_production_refuses_to_start_without_its_settings(env, complaint):
    result = manage("check", **env)
    assert result.returncode != 0
    assert complaint in result.stderr


def test_a_nonsense_boolean_is_refused_not_guessed():
    result = manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.parametrize(
    "key, complaint",
    [
        ("PRIVATE+KEY+name+00000000+AQ==", "must hold a type byte"),
        (LOG_KEY.replace("b01db62c", "b01db62d"), "key id"),
        ("ed25519 seed", "starts with PRIVATE+KEY+"),
    ],
)
def test_a_signing_key_that_cannot_be_used_is_refused(key, complaint):
    result = manage("check", TRANSPARENCY_SIGNING_KEY=key)

    assert result.returncode != 0
    assert "TRANSPARENCY_SIGNING_KEY is not a usable signing key" in result.stderr
    assert complaint in result.stderr


def test_the_signing_key_may_come_from_a_file(tmp_path):
    path = tmp_path / "signing.key"
    path.write_text(LOG_KEY + "\n")

    assert manage("check", **without("TRANSPARENCY_SIGNING_KEY"),
                  TRANSPARENCY_SIGNING_KEY_FILE=str(path)).returncode == 0  # fmt: skip


def test_an_origin_host_with_a_scheme_is_refused():
    result = manage("check", TRANSPARENCY_ORIGIN_HOST="https://cunwu.example.cn")

    assert result.returncode != 0
    assert "without a scheme" in result.stderr


def test_a_shared_cache_that_is_not_a_redis_url_is_refused():
    result = manage("check", SHARED_CACHE_URL="memcached://127.0.0.1:11211")

    assert result.returncode != 0
    assert "SHARED_CACHE_URL" in result.stderr
