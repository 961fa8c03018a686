"""The visitor's language and text size, kept in cookies so that no account is needed.

Plain links rather than forms: they work on every phone without JavaScript, and the public
pages carry no per-visitor token, so they can be cached and revalidated.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language

TEXT_SIZE_COOKIE = "text_size"
TEXT_SIZES = ("normal", "large")
COOKIE_AGE = 365 * 24 * 3600


def _back(request) -> HttpResponseRedirect:
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return HttpResponseRedirect(target if safe else "/")


def language(request, language):
    if language not in dict(settings.LANGUAGES) or not check_for_language(language):
        raise Http404
    response = _back(request)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def text_size(request, size):
    if size not in TEXT_SIZES:
        raise Http404
    response = _back(request)
    response.set_cookie(TEXT_SIZE_COOKIE, size, max_age=COOKIE_AGE, samesite="Lax")
    return response
