"""Progress photos of matters whose resolution is published. A stored file never changes."""

from disclosure.web.files import serve_blob, thumbnail_name

from .. import public


def photo(request, sha256, filename):
    found = public.public_file(sha256, filename)
    return serve_blob(found.blob, filename, public=True, as_attachment=False)


def thumbnail(request, sha256):
    found = public.public_thumbnail(sha256)
    name = thumbnail_name(found.filename)
    return serve_blob(found.thumbnail, name, public=True, as_attachment=False)
