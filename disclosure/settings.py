"""Settings for the village affairs disclosure portal, read from environment variables.

Every variable is parsed strictly: a value that cannot be understood stops the
start with a clear message instead of being silently replaced by a default.
"""

import ipaddress
import os
from pathlib import Path

from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured

from disclosure.transparency import keys as transparency_keys

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str) -> list[str]:
    return [item.strip() for item in env_str(name).split(",") if item.strip()]


def env_networks(name: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    try:
        return [ipaddress.ip_network(item) for item in env_list(name)]
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None


PRODUCTION = env_bool("PRODUCTION", False)
DEMO = env_bool("DEMO", False)
DEBUG = env_bool("DEBUG", False)
if PRODUCTION and (DEMO or DEBUG):
    raise ImproperlyConfigured("PRODUCTION cannot be combined with DEMO or DEBUG")

SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if PRODUCTION:
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("PRODUCTION needs SECRET_KEY of at least 50 characters")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("PRODUCTION needs ALLOWED_HOSTS (comma-separated host names)")
else:
    SECRET_KEY = SECRET_KEY or "insecure-development-key-never-used-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    # Before the apps, whose tasks.py modules it finds and whose ready() may defer jobs.
    "procrastinate.contrib.django",
    "disclosure.regions",
    "disclosure.publishing",
    "disclosure.spreadsheets",
    "disclosure.web",
    "disclosure.finance",
    "disclosure.benefits",
    "disclosure.decisions",
    "disclosure.assets",
    "disclosure.contracts",
    "disclosure.reports",
    # Their parts beside a posting (portal.slots) come in this order: correction orders and
    # red-flag conclusions, then villagers' questions.
    "disclosure.oversight",
    "disclosure.redflags",
    "disclosure.participation",
    "disclosure.transparency",
    "disclosure.portal",
    "disclosure.workspace",
    "disclosure.api",
]
# Fictional data, kept outside the shipped package: the demo county (demo/, `load_demo`) and the
# generated prefecture of the benchmarks (prefecture/, `generate_scale_data`). Installed only in
# demo mode, which production refuses.
FICTIONAL_DATA_APPS = ["demo", "prefecture"]
if DEMO:
    INSTALLED_APPS += FICTIONAL_DATA_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "disclosure.portal.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "disclosure.web.headers.SecurityHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "disclosure.urls"
WSGI_APPLICATION = "disclosure.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "disclosure.portal.context_processors.preferences",
            ],
        },
    },
]


def _database() -> dict:
    # When DATABASE_URL is unset, the commands that need a database start the embedded server and
    # set it (disclosure/embedded_db.py): importing the settings starts nothing.
    url = env_str("DATABASE_URL")
    if not url:
        raise ImproperlyConfigured(
            "DATABASE_URL is not set: run through manage.py, disclosure.wsgi or pytest, which "
            "start the embedded PostgreSQL, or point DATABASE_URL to a server"
        )
    import dj_database_url

    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL")
    return config


DATABASES = {"default": _database()}
# Keep each server process's connection: opening one per request cost more than a cached page.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 300)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A streaming replica of the primary: anonymous reads go to it (disclosure/web/replicas.py).
REPLICA_DATABASE_URL = env_str("REPLICA_DATABASE_URL")
if REPLICA_DATABASE_URL:
    import dj_database_url

    if not REPLICA_DATABASE_URL.startswith(("postgres://", "postgresql://")):
        raise ImproperlyConfigured("REPLICA_DATABASE_URL must point to PostgreSQL")
    DATABASES["replica"] = {
        **dj_database_url.parse(REPLICA_DATABASE_URL),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        # Tests read the primary's test database through it.
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["disclosure.web.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(1, "disclosure.web.replicas.ReplicaMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "regions.User"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "disclosure.regions.passwords.NotTheUsername"},
]
LOGIN_URL = "workspace:login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "portal:home"
# Failed logins allowed per account and per address before a pause.
# The proxies in front of the portal (addresses or networks, comma-separated). A request from
# one of them is taken to come from the address it puts in X-Forwarded-For; any other request
# from its own address, whatever its headers say (disclosure/web/addresses.py).
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_MINUTES = env_int("LOGIN_FAILURE_WINDOW_MINUTES", 15)
# Only staff have sessions; one ends after this many minutes without a request.
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = STAFF_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
# The name authenticator apps show beside a staff member's codes.
OTP_TOTP_ISSUER = "村务公开平台"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "var" / "media")

ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_MB", 10) * 1024 * 1024
# Finance: days a village has to disclose a period after it ends; largest ledger file accepted.
FINANCE_DUE_DAYS = env_int("FINANCE_DUE_DAYS", 15)
LEDGER_IMPORT_MAX_BYTES = env_int("LEDGER_IMPORT_MAX_MB", 40) * 1024 * 1024
# Major decisions: local rules may be stricter than the law, never looser (decisions/rules.py).
DECISIONS_NOTICE_DAYS = env_int("DECISIONS_NOTICE_DAYS", 7)
DECISIONS_RESULT_DUE_DAYS = env_int("DECISIONS_RESULT_DUE_DAYS", 30)
DECISIONS_PARTY_MEMBERS_QUORUM = env_str("DECISIONS_PARTY_MEMBERS_QUORUM", "2/3")
DECISIONS_REPRESENTATIVES_QUORUM = env_str("DECISIONS_REPRESENTATIVES_QUORUM", "2/3")
DECISIONS_OBJECTIONS_PER_HOUR = env_int("DECISIONS_OBJECTIONS_PER_HOUR", 5)
# Contracts: how far ahead expiring contracts are listed; the prefix of OCDS process ids.
CONTRACTS_EXPIRY_WINDOW_DAYS = env_int("CONTRACTS_EXPIRY_WINDOW_DAYS", 90)
CONTRACTS_OCID_PREFIX = env_str("CONTRACTS_OCID_PREFIX", "ocds-cunwu-")
# Questions (质询): days for the supervision committee to list or reject one once asked; days to
# answer once listed; questions and ratings accepted per address per hour.
QUESTIONS_LISTING_DAYS = env_int("QUESTIONS_LISTING_DAYS", 5)
QUESTIONS_ANSWER_DAYS = env_int("QUESTIONS_ANSWER_DAYS", 10)
QUESTIONS_PER_HOUR = env_int("QUESTIONS_PER_HOUR", 5)
RATINGS_PER_HOUR = env_int("RATINGS_PER_HOUR", 10)
# Reports (举报) accepted per address per hour.
REPORTS_PER_HOUR = env_int("REPORTS_PER_HOUR", 3)
# Benefits: the key of the households' slip codes (it must never change: every slip printed would
# stop working), lookups one address may make per hour, wrong codes one identity number may take
# per day, and days after its list's publicity starts by which a benefit should be paid.
BENEFITS_SLIP_KEY = env_str("BENEFITS_SLIP_KEY")
if PRODUCTION and len(BENEFITS_SLIP_KEY) < 32:
    raise ImproperlyConfigured("PRODUCTION needs BENEFITS_SLIP_KEY of at least 32 characters")
BENEFITS_SLIP_KEY = BENEFITS_SLIP_KEY or "slips-" + SECRET_KEY
BENEFITS_LOOKUPS_PER_HOUR = env_int("BENEFITS_LOOKUPS_PER_HOUR", 10)
BENEFITS_WRONG_CODES_PER_DAY = env_int("BENEFITS_WRONG_CODES_PER_DAY", 5)
BENEFITS_PAYMENT_DUE_DAYS = env_int("BENEFITS_PAYMENT_DUE_DAYS", 30)
# Red flags: thresholds in yuan and windows in days (redflags/rules.py explains each rule).
FLAGS_DECISION_THRESHOLD = env_int("FLAGS_DECISION_THRESHOLD", 50000)
FLAGS_SPLIT_THRESHOLD = env_int("FLAGS_SPLIT_THRESHOLD", 10000)
FLAGS_SPLIT_WINDOW_DAYS = env_int("FLAGS_SPLIT_WINDOW_DAYS", 30)
FLAGS_COMPETITION_THRESHOLD = env_int("FLAGS_COMPETITION_THRESHOLD", 100000)
FLAGS_ARREARS_GRACE_DAYS = env_int("FLAGS_ARREARS_GRACE_DAYS", 30)
# Fewest bids a tender or auction needs; villages of a township in which one organisation
# holding large contracts awarded without competition is flagged; yuan a contract may be
# overpaid by (rounding, fees).
FLAGS_MIN_BIDS = env_int("FLAGS_MIN_BIDS", 2)
FLAGS_SAME_COUNTERPARTY_VILLAGES = env_int("FLAGS_SAME_COUNTERPARTY_VILLAGES", 2)
FLAGS_OVERPAYMENT_TOLERANCE = env_int("FLAGS_OVERPAYMENT_TOLERANCE", 0)
# The township's ranking (红黑榜): completeness scores, in per cent, for each list.
OVERSIGHT_RED_LIST_SCORE = env_int("OVERSIGHT_RED_LIST_SCORE", 95)
OVERSIGHT_BLACK_LIST_SCORE = env_int("OVERSIGHT_BLACK_LIST_SCORE", 70)
# Days after the villagers' resolving meeting by which its resolution is to be disclosed: the law
# says at once (随时公布); the township's calendar needs a day to judge lateness by.
OVERSIGHT_RESOLUTION_DUE_DAYS = env_int("OVERSIGHT_RESOLUTION_DUE_DAYS", 7)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Staff notifications: SMTP when EMAIL_HOST is set, otherwise printed on the console.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "村务公开平台 <noreply@localhost>"
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Short messages to staff beside email (SMS, WeChat): dotted paths of provider classes
# (disclosure/publishing/messaging.py); the console provider only writes them to the log.
MESSAGE_PROVIDERS = env_list("MESSAGE_PROVIDERS") or [
    "disclosure.publishing.messaging.ConsoleProvider"
]

# Rendered public pages, per server process by default: several servers then share nothing and
# each fills its own. SHARED_CACHE_URL (redis://host:6379/0, or unix:///run/redis/redis.sock)
# keeps them in one Redis that every process and server shares, under the same keys.
# PAGE_CACHE=false renders every page afresh (the benchmark measures both ways). "revisions"
# keeps the rendered content of published revisions, which never changes, whatever PAGE_CACHE says.
SHARED_CACHE_URL = env_str("SHARED_CACHE_URL")
if SHARED_CACHE_URL and not SHARED_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("SHARED_CACHE_URL must be a redis://, rediss:// or unix:// URL")
if not env_bool("PAGE_CACHE", True):
    PAGE_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
elif SHARED_CACHE_URL:
    PAGE_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": SHARED_CACHE_URL,
    }
else:
    PAGE_CACHE = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 3000)},
    }
CACHES = {
    "default": PAGE_CACHE,
    "revisions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "revisions",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": env_int("REVISION_CACHE_ENTRIES", 500)},
    },
}

# Base of the printed permalinks; the request's own host is used when empty.
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL").rstrip("/")

# County transparency logs (docs/transparency.md). The Ed25519 key that signs their checkpoints,
# as a signed-note private key; outside production one is made once under var/. While a key is
# replaced, the previous one signs beside it; retired public keys still check old checkpoints.
TRANSPARENCY_SIGNING_KEY = env_str("TRANSPARENCY_SIGNING_KEY")
if not TRANSPARENCY_SIGNING_KEY and PRODUCTION:
    raise ImproperlyConfigured(
        "PRODUCTION needs TRANSPARENCY_SIGNING_KEY or TRANSPARENCY_SIGNING_KEY_FILE "
        "(make one with: manage.py log_key --new-key FILE --name NAME)"
    )
TRANSPARENCY_SIGNING_KEY = transparency_keys.checked_signer(
    "TRANSPARENCY_SIGNING_KEY",
    TRANSPARENCY_SIGNING_KEY
    or transparency_keys.development_key(BASE_DIR / "var" / "transparency" / "signing.key"),
)
TRANSPARENCY_PREVIOUS_SIGNING_KEY = env_str("TRANSPARENCY_PREVIOUS_SIGNING_KEY")
if TRANSPARENCY_PREVIOUS_SIGNING_KEY:
    TRANSPARENCY_PREVIOUS_SIGNING_KEY = transparency_keys.checked_signer(
        "TRANSPARENCY_PREVIOUS_SIGNING_KEY", TRANSPARENCY_PREVIOUS_SIGNING_KEY
    )
TRANSPARENCY_RETIRED_PUBLIC_KEYS = transparency_keys.checked_public_keys(
    "TRANSPARENCY_RETIRED_PUBLIC_KEYS", env_list("TRANSPARENCY_RETIRED_PUBLIC_KEYS")
)
# The host (and path) in each new log's origin, `<host>/log/<county code>`; fixed for good when
# a county's log is created, so production must say it.
TRANSPARENCY_ORIGIN_HOST = transparency_keys.origin_host(
    env_str("TRANSPARENCY_ORIGIN_HOST"), PUBLIC_BASE_URL
)
if PRODUCTION and not TRANSPARENCY_ORIGIN_HOST:
    raise ImproperlyConfigured("PRODUCTION needs TRANSPARENCY_ORIGIN_HOST or PUBLIC_BASE_URL")
TRANSPARENCY_ORIGIN_HOST = TRANSPARENCY_ORIGIN_HOST or "localhost"

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["disclosure.web.api.DenyAll"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
# Several apps name a choice field "category" or "status"; the schema names their enums itself.
SILENCED_SYSTEM_CHECKS = ["drf_spectacular.W001"]
SPECTACULAR_SETTINGS = {
    "TITLE": "村务公开平台 API / Village affairs disclosure API",
    "DESCRIPTION": "Public read-only data of published village affairs disclosures.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The docs page loads Swagger UI from our own static files, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}

# The task queue (Procrastinate, in this database): each app's jobs.py holds its jobs and its
# periodic jobs; `manage.py procrastinate worker` runs them (docs/deploy.md). Periodic jobs'
# cron times are in UTC.
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = "jobs"
PROCRASTINATE_IMPORT_PATHS = ["disclosure.queue"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Nothing loads unless named here: scripts and styles come only from our own static files (no
# inline script, style element or style attribute anywhere; tests/web/test_inline_code.py keeps
# it so), nothing may frame a page, and forms post only to the portal. File responses bring
# their own stricter policy (disclosure/web/files.py), which this one does not replace.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.NONE],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "form-action": [csp.SELF],
        "base-uri": [csp.NONE],
        "frame-ancestors": [csp.NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_FAILURE_VIEW = "disclosure.portal.views.errors.csrf_failure"
SECURE_REFERRER_POLICY = "same-origin"
