"""The log's public addresses under /log/<county code>/: static-style resources any CDN can
cache (C2SP tlog-tiles), proofs as JSON, and the door witnesses push their cosignatures through.
"""

from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from disclosure.web.files import IMMUTABLE_MAX_AGE

from . import cosigning, proofs, services, tiles
from .errors import LogError

# The checkpoint and anything "newest" change with every publication; a few seconds only.
CHANGING_MAX_AGE = 10
# A partial tile does not change either, but it is soon replaced by a wider one.
PARTIAL_MAX_AGE = 60
TEXT = "text/plain; charset=utf-8"


def _log(code: str):
    log = services.log_for_code(code)
    return log if log is not None and log.size else None


def _missing(message: str):
    """A plain answer for the programs that read these addresses, not the HTML error page."""
    return HttpResponseNotFound(message + "\n", content_type=TEXT)


def _no_log():
    return _missing(_("This county has no transparency log yet."))


def _cached(response, max_age: int, *, immutable: bool = False):
    patch_cache_control(response, public=True, max_age=max_age)
    if immutable:
        patch_cache_control(response, immutable=True)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def checkpoint(request, code):
    log = _log(code)
    if log is None:
        return _no_log()
    note = services.served_note(services.newest_checkpoint(log))
    return _cached(HttpResponse(note, content_type=TEXT), CHANGING_MAX_AGE)


@require_safe
def key(request, code):
    """The log's verifier keys, one a line: the current key, then the previous one if any."""
    log = _log(code)
    if log is None:
        return _no_log()
    text = "".join(f"{key}\n" for key in services.verifier_keys(log))
    return _cached(HttpResponse(text, content_type=TEXT), CHANGING_MAX_AGE)


@require_safe
def tile(request, code, path):
    found, log = tiles.parse(path), _log(code)
    if found is None:
        return _missing(_("There is no such tile."))
    if log is None:
        return _no_log()
    data = tiles.content(log, found)
    if data is None:
        return _missing(_("The log is not large enough for this tile yet."))
    response = HttpResponse(data, content_type="application/octet-stream")
    if found.full:
        return _cached(response, IMMUTABLE_MAX_AGE, immutable=True)
    return _cached(response, PARTIAL_MAX_AGE)


def _proof(request, code, document, size_name: str):
    log = _log(code)
    if log is None:
        return _no_log()
    try:
        data = document(log, request.GET)
    except LogError as error:
        return JsonResponse({"error": error.translated()}, status=400)
    response = JsonResponse(data, json_dumps_params={"separators": (",", ":")})
    if proofs.is_fixed(request.GET, size_name):
        return _cached(response, IMMUTABLE_MAX_AGE, immutable=True)
    return _cached(response, CHANGING_MAX_AGE)


@require_safe
def inclusion(request, code):
    return _proof(request, code, proofs.inclusion_document, "size")


@require_safe
def consistency(request, code):
    return _proof(request, code, proofs.consistency_document, "new")


# A witness proves who it is by its signature, not by a session: no CSRF token to carry.
@csrf_exempt
@require_POST
def cosign(request, code):
    log = _log(code)
    if log is None:
        return _no_log()
    try:
        recorded = cosigning.record(log=log, body=request.body)
    except LogError as error:
        return HttpResponse(error.translated() + "\n", content_type=TEXT, status=400)
    lines = [_("Cosignature recorded: %(name)s") % {"name": w.name} for w in recorded.added]
    lines += [_("Already recorded: %(name)s") % {"name": w.name} for w in recorded.already]
    return HttpResponse("".join(f"{line}\n" for line in lines), content_type=TEXT)
