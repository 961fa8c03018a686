from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """Chinese unless the visitor chose English with the switch.

    Unlike Django's LocaleMiddleware, pages ignore the browser's Accept-Language: a phone set up
    in English by a relative in the city should still show the village its own language first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = _language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


def _language(request) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in dict(settings.LANGUAGES):
        return chosen
    if request.path.startswith(("/api/", "/log/")):
        # Programs reading the API or a transparency log ask for a language the standard way.
        return translation.get_language_from_request(request)
    return settings.LANGUAGE_CODE
