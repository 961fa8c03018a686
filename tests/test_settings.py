"""Production mode refuses to start half-configured and passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "-production-secret-key-for-the-deploy-check-0123456789"


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PRODUCTION", "SECRET_KEY", "ALLOWED_HOSTS", "DEMO", "DEBUG")
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
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        PRODUCTION="true",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="cunwu.example.cn",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "env, complaint",
    [
        ({"ALLOWED_HOSTS": "cunwu.example.cn"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "cunwu.example.cn"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_its_settings(env, complaint):
    result = manage("check", PRODUCTION="true", **env)
    assert result.returncode != 0
    assert complaint in result.stderr


def test_a_nonsense_boolean_is_refused_not_guessed():
    result = manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr
