"""Stored files of revisions (attachments, vouchers, photos) as responses; who may fetch them."""

from django.db.models import QuerySet
from django.http import Http404

from disclosure.regions.access import Action, scope
from disclosure.web.files import file_response

from .attachments import blob_path
from .models import Revision


def visible_file(user, files: QuerySet):
    """The first of `files` (rows of a revision with a blob and a thumbnail) that `user` may
    fetch, and whether it is public: anyone may fetch a file of a published revision, a draft's
    files only reach staff who may view the drafts of its village (the workspace preview)."""
    files = files.select_related("blob", "thumbnail")
    public = files.filter(revision__in=Revision.objects.published()).first()
    if public is not None:
        return public, True
    draft = scope(files, user, Action.VIEW_DRAFTS).first()
    if draft is None:
        raise Http404
    return draft, False


def serve_blob(blob, filename: str, *, public: bool):
    """A photo is shown inline, anything else downloaded (web.files.file_response)."""
    return file_response(
        blob_path(blob),
        content_type=blob.content_type,
        sha256=blob.sha256,
        filename=filename,
        public=public,
    )
