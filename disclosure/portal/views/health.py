"""Liveness for load balancers: answers without touching the database.

It is also the floor the benchmark measures every page against (tests/bench/).
"""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def health(request):
    response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
