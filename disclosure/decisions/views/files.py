"""Progress photos of matters whose resolution is published. A stored file never changes."""

from disclosure.publishing.serving import serve_blob
from disclosure.web.files import thumbnail_name

from .. import selectors


def photo(request, sha256, filename):
    found = selectors.public_file(sha256, filename)
    return serve_blob(found.blob, filename, public=True)


def thumbnail(request, sha256):
    found = selectors.public_thumbnail(sha256)
    name = thumbnail_name(found.filename)
    return serve_blob(found.thumbnail, name, public=True)
