"""The settings of the test run: the project's own, with the differences tests need.

pytest reads the settings before any conftest runs, so the embedded PostgreSQL is started here,
as manage.py and disclosure/wsgi.py start it for the other commands.
"""

from disclosure import embedded_db

embedded_db.start()

from disclosure.settings import *  # noqa: E402, F403

# The demo county and the generated prefecture are tested like the apps they drive.
if not DEMO:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, *FICTIONAL_DATA_APPS]  # noqa: F405

# Pages are rendered and the live server serves static files from their sources, under their
# plain names, so that no test needs `collectstatic` first.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# The alias a streaming replica is read through: the test database itself, until the replica
# tests (tests/web/test_replicas.py) point it at a standby they start. No router uses it otherwise.
DATABASES = {
    **DATABASES,  # noqa: F405
    "replica": {**DATABASES["default"], "TEST": {"MIRROR": "default"}},  # noqa: F405
}
