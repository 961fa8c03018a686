"""What the public and staff pages of reports share."""

from django.utils.cache import add_never_cache_headers


def private(response):
    """Kept by no cache, shared or not: the page is meant for one person only."""
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response
