"""Stored files of postings. Anyone may fetch a file of a published revision; a draft's files
only reach staff who may view the drafts of its village (the workspace preview shows them)."""

from disclosure.publishing.models import Attachment
from disclosure.publishing.serving import serve_blob, visible_file
from disclosure.web.files import thumbnail_name


def attachment(request, sha256, filename):
    found, public = visible_file(
        request.user, Attachment.objects.filter(blob_id=sha256, filename=filename)
    )
    # Pictures open in the browser; documents are downloaded under their own name.
    return serve_blob(found.blob, filename, public=public)


def thumbnail(request, sha256):
    found, public = visible_file(request.user, Attachment.objects.filter(thumbnail_id=sha256))
    name = thumbnail_name(found.filename)
    return serve_blob(found.thumbnail, name, public=public)
