"""Stored files. Anyone may fetch a file of a published revision; a draft's files only reach
staff who may view the drafts of its village (the workspace preview shows them)."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from disclosure.publishing.attachments import blob_path
from disclosure.publishing.models import Attachment, Revision
from disclosure.regions.access import Action, scope

from ..http import IMMUTABLE_MAX_AGE


def _visible(request, attachments):
    """The first matching attachment the visitor may see, and whether it is public."""
    attachments = attachments.select_related("blob", "thumbnail")
    public = attachments.filter(revision__in=Revision.objects.published()).first()
    if public is not None:
        return public, True
    draft = scope(attachments, request.user, Action.VIEW_DRAFTS).first()
    if draft is not None:
        return draft, False
    raise Http404


def _serve(blob, filename: str, *, public: bool, as_attachment: bool):
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


def attachment(request, sha256, filename):
    found, public = _visible(request, Attachment.objects.filter(blob_id=sha256, filename=filename))
    # Pictures open in the browser; documents are downloaded under their own name.
    return _serve(found.blob, filename, public=public, as_attachment=not found.is_image)


def thumbnail(request, sha256):
    found, public = _visible(request, Attachment.objects.filter(thumbnail_id=sha256))
    stem = found.filename.rsplit(".", 1)[0]
    return _serve(found.thumbnail, f"{stem}-thumbnail.jpg", public=public, as_attachment=False)
