"""Voucher images and PDFs. Anyone may fetch a voucher of a published revision; a draft's
vouchers only reach staff who may view the drafts of its village (the workspace preview)."""

from disclosure.publishing.serving import serve_blob, visible_file
from disclosure.web.files import thumbnail_name

from ..models import Voucher


def voucher(request, sha256, filename):
    found, public = visible_file(
        request.user, Voucher.objects.filter(blob_id=sha256, filename=filename)
    )
    # Photos open in the browser; a PDF is downloaded under its own name.
    return serve_blob(found.blob, filename, public=public)


def thumbnail(request, sha256):
    found, public = visible_file(request.user, Voucher.objects.filter(thumbnail_id=sha256))
    name = thumbnail_name(found.filename)
    return serve_blob(found.thumbnail, name, public=public)
