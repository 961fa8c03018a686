"""Progress photos of matters whose resolution is published. A stored file never changes."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from disclosure.portal.http import IMMUTABLE_MAX_AGE
from disclosure.publishing.attachments import blob_path

from .. import public


def _serve(blob, filename: str):
    path = blob_path(blob)
    if not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"), content_type=blob.content_type, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["ETag"] = f'"{blob.sha256}"'
    patch_cache_control(response, public=True, max_age=IMMUTABLE_MAX_AGE, immutable=True)
    return response


def photo(request, sha256, filename):
    found = public.public_file(sha256, filename)
    return _serve(found.blob, filename)


def thumbnail(request, sha256):
    found = public.public_thumbnail(sha256)
    stem = found.filename.rsplit(".", 1)[0]
    return _serve(found.thumbnail, f"{stem}-thumbnail.jpg")
