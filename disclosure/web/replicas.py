"""Anonymous reads from a streaming replica, everything else from the primary.

With REPLICA_DATABASE_URL set, a GET or HEAD request without a session (a villager reading) reads
from the replica; staff (who have a session), every other method, and anyone for a short while
after sending a form (so that a question just asked shows on the next page) read and write on the
primary. The public pages key their cache by the count of changes read from the same database
as their content (portal/http.py), so a page is never cached under a count whose changes the
replica has not yet replayed.
"""

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
PRIMARY = "default"
# Set after a form is sent: the next pages read the primary while the replica catches up.
PRIMARY_COOKIE = "read_primary"
PRIMARY_SECONDS = 10
SAFE_METHODS = ("GET", "HEAD")

_from_replica: ContextVar[bool] = ContextVar("from_replica", default=False)


class ReplicaRouter:
    """Reads go where the request may read; writes and migrations always to the primary."""

    def db_for_read(self, model, **hints):
        return REPLICA if _from_replica.get() else PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, first, second, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


def may_read_replica(request) -> bool:
    return (
        request.method in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and PRIMARY_COOKIE not in request.COOKIES
    )


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _from_replica.set(may_read_replica(request))
        try:
            response = self.get_response(request)
        finally:
            _from_replica.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                PRIMARY_COOKIE,
                "1",
                max_age=PRIMARY_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
