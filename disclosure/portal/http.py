"""HTTP habits of the public pages: cached, cheaply revalidated, varying with cookies.

Villagers read on slow networks: a page they have seen comes back as a 304 when nothing changed.
Language and text size are chosen by cookies, so shared caches must keep those versions apart.

Published content only changes through a new revision, so a public page is rendered once and
served from the cache until its village (or, for pages across villages, any village) changes:
the count of changes kept by publishing/changes.py is part of the cache key. The date is too,
because countdowns and overdue marks move with it. A copy is kept already compressed and with its
ETag, so that serving it again costs no rendering, no compression and no hashing.
"""

import hashlib
import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.decorators import decorator_from_middleware

from disclosure import clock
from disclosure.publishing.changes import SITE, remembered
from disclosure.publishing.models import ChangeCount

from . import visits
from .views.preferences import TEXT_SIZE_COOKIE

# Postings change only by a new revision; five minutes of staleness is harmless.
PAGE_MAX_AGE = 300
# Cookies that only choose how a page looks; they are part of the cache key. Any other cookie
# (a session, a message, a rating already given) means the page is rendered for that visitor.
PREFERENCE_COOKIES = {settings.LANGUAGE_COOKIE_NAME, TEXT_SIZE_COOKIE, settings.CSRF_COOKIE_NAME}
REGION_CODE = re.compile(r"\d{12}")
# Says whether a page came from the cache, so that a load test can tell its hit rate.
CACHE_HEADER = "X-Page-Cache"

_conditional = decorator_from_middleware(ConditionalGetMiddleware)
_gzip = GZipMiddleware(lambda request: None)

_COUNT_OF_SCOPE = "SELECT count FROM publishing_changecount WHERE scope = %s"
_COUNT_OF_REGION = (
    "SELECT c.count FROM publishing_changecount c "
    "JOIN regions_region r ON r.id = c.scope WHERE r.code = %s"
)
_COUNT_OF_POSTING = (
    "SELECT c.count FROM publishing_changecount c "
    "JOIN publishing_posting p ON p.village_id = c.scope WHERE p.code = %s"
)


# A witness's cosignature shows on the 核验 pages of every village of its county without any
# village changing: those pages are keyed by the newest cosignature too.
_NEWEST_COSIGNATURE = "SELECT coalesce(max(id), 0) FROM transparency_cosignature"


def _count(sql: str, *values) -> int:
    # Read from the database the page itself reads (a replica, for a villager, when there is
    # one): a count newer than the content would cache old content under the new count.
    alias = router.db_for_read(ChangeCount)

    def read() -> int:
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, values)
            row = cursor.fetchone()
        return row[0] if row else 0

    return remembered((alias, sql, values), read)


def site_changes(kwargs) -> int:
    return _count(_COUNT_OF_SCOPE, SITE)


def village_changes(kwargs) -> int:
    """Changes of the village the URL names, by its region code or by one of its postings."""
    code = kwargs["code"]
    return _count(_COUNT_OF_REGION if REGION_CODE.fullmatch(code) else _COUNT_OF_POSTING, code)


def proof_changes(kwargs) -> str:
    return f"{village_changes(kwargs)}.{_count(_NEWEST_COSIGNATURE)}"


def _shared(request) -> bool:
    # The day of a visitor's last visit to a village (portal/visits.py) is no reason to render
    # a page for them alone: the village page keys its copies by it, other pages ignore it.
    cookies = {name for name in request.COOKIES if not visits.COOKIE_NAME.fullmatch(name)}
    return request.method in ("GET", "HEAD") and cookies <= PREFERENCE_COOKIES


def _is_private(response) -> bool:
    return "private" in response.get("Cache-Control", "")


def _same_for_everyone(request, response) -> bool:
    # A page carrying a form holds this visitor's CSRF token: it is never shared. Neither is a
    # page showing content that failed its check (portal/content.py): once the database is
    # restored, the next visitor must see the restored content.
    return (
        response.status_code == 200
        and not getattr(request, "content_unverified", False)
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not _is_private(response)
    )


def _key(request, changes) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    size = request.COOKIES.get(TEXT_SIZE_COOKIE) == "large"
    gzip = re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None
    day = clock.today().isoformat()
    return f"page:{request.LANGUAGE_CODE}:{int(size)}:{int(gzip)}:{day}:{changes}:{path}"


def _ready_to_serve(request, response):
    response = _gzip.process_response(request, response)
    set_response_etag(response)
    return response


def _cached(view, changes_of, *, by_visit=False):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _shared(request):
            return view(request, *args, **kwargs)
        key = _key(request, changes_of(kwargs))
        if by_visit:
            since = visits.previous_visit(request, kwargs["code"], clock.today())
            key += f":{since or ''}"
        response = cache.get(key)
        if response is not None:
            response[CACHE_HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if _same_for_everyone(request, response):
            response = _ready_to_serve(request, response)
            cache.set(key, response, PAGE_MAX_AGE)
        response[CACHE_HEADER] = "miss"
        return response

    return wrapper


def _public(view, changes_of, *, by_visit=False):
    cached = _cached(view, changes_of, by_visit=by_visit)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = cached(request, *args, **kwargs)
        if by_visit and response.status_code == 200:
            # Set on the way out, so that the copy kept for everyone carries no cookie; a
            # response that sets one is for this visitor's own browser only.
            visits.remember_visit(request, response, kwargs["code"], clock.today())
        if getattr(request, "content_unverified", False):
            patch_cache_control(response, no_store=True)
        elif response.cookies:
            patch_cache_control(response, private=True, max_age=PAGE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
        elif response.status_code == 200 and not _is_private(response):
            patch_cache_control(response, public=True, max_age=PAGE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
        return response

    return _conditional(wrapper)


def public_page(view):
    """A public page drawn from several villages: cached until any village changes."""
    return _public(view, site_changes)


def village_page(view):
    """A public page of one village, named by the `code` of the village or of a posting in it."""
    return _public(view, village_changes)


def village_home_page(view):
    """The village's own page, which also says what is new since the visitor's last visit: its
    copies are kept apart by the visit cookie (portal/visits.py)."""
    return _public(view, village_changes, by_visit=True)


def proof_page(view):
    """A village's 核验 page or proof bundle: cached until the village changes or a witness
    cosigns anew."""
    return _public(view, proof_changes)


def absolute_url(request, path: str) -> str:
    """The address printed on paper: PUBLIC_BASE_URL when configured, else this request's host."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + path
    return request.build_absolute_uri(path)
