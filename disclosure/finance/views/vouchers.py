"""Voucher images and PDFs. Anyone may fetch a voucher of a published revision; a draft's
vouchers only reach staff who may view the drafts of its village (the workspace preview)."""

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from disclosure.portal.http import IMMUTABLE_MAX_AGE
from disclosure.publishing.attachments import blob_path
from disclosure.publishing.models import Revision
from disclosure.regions.access import Action, scope

from ..models import Voucher


def _visible(request, vouchers):
    vouchers = vouchers.select_related("blob", "thumbnail")
    public = vouchers.filter(revision__in=Revision.objects.published()).first()
    if public is not None:
        return public, True
    draft = scope(vouchers, request.user, Action.VIEW_DRAFTS).first()
    if draft is None:
        raise Http404
    return draft, False


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


def voucher(request, sha256, filename):
    found, public = _visible(request, Voucher.objects.filter(blob_id=sha256, filename=filename))
    # Photos open in the browser; a PDF is downloaded under its own name.
    return _serve(found.blob, filename, public=public, as_attachment=not found.is_image)


def thumbnail(request, sha256):
    found, public = _visible(request, Voucher.objects.filter(thumbnail_id=sha256))
    stem = found.filename.rsplit(".", 1)[0]
    return _serve(found.thumbnail, f"{stem}-thumbnail.jpg", public=public, as_attachment=False)
