"""Headers every response carries, and those of pages meant for one person."""

from django.utils.cache import add_never_cache_headers, patch_cache_control

# The portal uses none of these browser features; a page that tried (an injected script, a
# framed third party) gets nothing.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
# Staff pages show full identity numbers and phone numbers: no cache, shared or in the browser,
# may keep them. Only staff have accounts, so every page a signed-in person sees is one of these.
STAFF_PATHS = ("/staff/", "/admin/")


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if request.path.startswith(STAFF_PATHS) or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
