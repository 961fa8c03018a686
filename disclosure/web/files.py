"""Files as responses: the HTTP habits of every stored file the portal serves.

Uploaded files come from clerks, villagers and reporters: a PDF may carry script, an HTML file
renamed .jpg may try to run. So every file is a download except a photo shown in the page, every
file response carries `Content-Security-Policy: sandbox` (nothing in it runs with the portal's
rights, even opened directly), and a file is served only while its bytes still hash to the
SHA-256 it is named and cached by.
"""

import hashlib
import logging
from pathlib import Path

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

# A stored file is named by its SHA-256: its content can never change.
IMMUTABLE_MAX_AGE = 365 * 24 * 3600
# What the upload checks let through as images (by their first bytes): shown in the page.
INLINE_TYPES = {"image/jpeg", "image/png"}
CHUNK = 1024 * 1024

logger = logging.getLogger(__name__)


class AlteredFile(Http404):
    """The stored bytes no longer hash to the file's name: they are never sent."""


def file_response(
    path: Path, *, content_type: str, sha256: str, filename: str, public: bool
) -> FileResponse:
    """The file at `path` under `filename`: cached for good when public, never stored otherwise."""
    if not path.is_file():
        raise Http404
    if _sha256_of(path) != sha256:
        logger.error("stored file %s no longer matches its SHA-256", path)
        raise AlteredFile("This file was altered after it was stored and cannot be served.")
    response = FileResponse(
        path.open("rb"),
        content_type=content_type,
        as_attachment=content_type not in INLINE_TYPES,
        filename=filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["ETag"] = f'"{sha256}"'
    if public:
        patch_cache_control(response, public=True, max_age=IMMUTABLE_MAX_AGE, immutable=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stored:
        while chunk := stored.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def thumbnail_name(filename: str) -> str:
    """What a thumbnail of `filename` is called when saved: 照片.jpg gives 照片-thumbnail.jpg."""
    return f"{filename.rsplit('.', 1)[0]}-thumbnail.jpg"
