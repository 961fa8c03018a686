"""Error pages in the visitor's language, never a stack trace.

The 500 page must render while the database is down: its template reads nothing from it.
"""

from django.shortcuts import render


def _error(request, status: int):
    return render(request, f"errors/{status}.html", status=status)


def bad_request(request, exception=None):
    return _error(request, 400)


def permission_denied(request, exception=None):
    return _error(request, 403)


def csrf_failure(request, reason=""):
    """A form sent without its security token: usually an old page or blocked cookies."""
    return render(request, "errors/403.html", {"csrf": True}, status=403)


def page_not_found(request, exception=None):
    return _error(request, 404)


def server_error(request):
    return _error(request, 500)
