"""Stored files (blobs named by their SHA-256) as responses, and who may fetch them."""

from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from disclosure.publishing.attachments import blob_path
from disclosure.publishing.models import Revision
from disclosure.regions.access import Action, scope

# A stored file is named by its SHA-256: its content can never change.
IMMUTABLE_MAX_AGE = 365 * 24 * 3600


def visible_file(request, files: QuerySet):
    """The first of `files` (rows of a revision: attachments, vouchers) the visitor may fetch,
    and whether it is public: anyone may fetch a file of a published revision, a draft's files
    only reach staff who may view the drafts of its village (the workspace preview shows them)."""
    files = files.select_related("blob", "thumbnail")
    public = files.filter(revision__in=Revision.objects.published()).first()
    if public is not None:
        return public, True
    draft = scope(files, request.user, Action.VIEW_DRAFTS).first()
    if draft is None:
        raise Http404
    return draft, False


def serve_blob(blob, filename: str, *, public: bool, as_attachment: bool) -> FileResponse:
    """The stored file under `filename`: cached for good when public, never stored otherwise."""
    path = blob_path(blob)
    if not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"),
        content_type=blob.content_type,
        as_attachment=as_attachment,
        filename=filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["ETag"] = f'"{blob.sha256}"'
    if public:
        patch_cache_control(response, public=True, max_age=IMMUTABLE_MAX_AGE, immutable=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def thumbnail_name(filename: str) -> str:
    """What a thumbnail of `filename` is called when saved: 照片.jpg gives 照片-thumbnail.jpg."""
    return f"{filename.rsplit('.', 1)[0]}-thumbnail.jpg"
