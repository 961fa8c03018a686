"""HTTP habits of the public pages: cacheable, cheaply revalidated, varying with cookies.

Villagers read on slow networks: a page they have seen comes back as a 304 when nothing changed.
Language and text size are chosen by cookies, so shared caches must keep those versions apart.
"""

from functools import wraps

from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import decorator_from_middleware

# Postings change only by a new revision; five minutes of staleness is harmless.
PAGE_MAX_AGE = 300
# A stored file is named by its SHA-256: its content can never change.
IMMUTABLE_MAX_AGE = 365 * 24 * 3600

_conditional = decorator_from_middleware(ConditionalGetMiddleware)


def public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=PAGE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
        return response

    return _conditional(wrapper)


def absolute_url(request, path: str) -> str:
    """The address printed on paper: PUBLIC_BASE_URL when configured, else this request's host."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + path
    return request.build_absolute_uri(path)
