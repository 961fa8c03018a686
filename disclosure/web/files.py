"""Files as responses: the HTTP habits of every stored file the portal serves."""

from pathlib import Path

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

# A stored file is named by its SHA-256: its content can never change.
IMMUTABLE_MAX_AGE = 365 * 24 * 3600


def file_response(
    path: Path,
    *,
    content_type: str,
    sha256: str,
    filename: str,
    public: bool,
    as_attachment: bool,
) -> FileResponse:
    """The file at `path` under `filename`: cached for good when public, never stored otherwise."""
    if not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"), content_type=content_type, as_attachment=as_attachment, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["ETag"] = f'"{sha256}"'
    if public:
        patch_cache_control(response, public=True, max_age=IMMUTABLE_MAX_AGE, immutable=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def thumbnail_name(filename: str) -> str:
    """What a thumbnail of `filename` is called when saved: 照片.jpg gives 照片-thumbnail.jpg."""
    return f"{filename.rsplit('.', 1)[0]}-thumbnail.jpg"
