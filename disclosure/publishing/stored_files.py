"""Checking the stored files of a published revision (attachments, vouchers and their
thumbnails) and of a public record (the photos of a progress update).

A file is named by its SHA-256, which the revision's canonical document records: the stored
bytes must still have that hash, and the blob's recorded size and type must be those of the
bytes. A thumbnail is derived from its file; since re-encoding is not byte-for-byte repeatable
across image libraries, it is checked by sight: shrunk to a few pixels, it must look like its file.
"""

import hashlib
import io

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from . import kinds
from .attachments import blob_path, sniff_content_type
from .models import Attachment

# Both pictures are shrunk to this many pixels in grey; a thumbnail of another picture differs
# from its file by far more than this mean difference (out of 255).
LIKENESS_SIZE = (16, 16)
LIKENESS_TOLERANCE = 24


def revision_file_problems(revision) -> str | None:
    for row in _rows_with_files(revision):
        problem = file_problem(row)
        if problem is not None:
            return problem
    return None


def file_problem(row) -> str | None:
    """What is wrong with the stored file of a row that has a `filename`, a `blob` and perhaps a
    `thumbnail`, if anything."""
    problem = _blob_problem(row.blob)
    if problem is None and getattr(row, "thumbnail", None) is not None:
        problem = _thumbnail_problem(row.blob, row.thumbnail)
    if problem is None:
        return None
    return _("the stored file “%(name)s”: %(problem)s") % {"name": row.filename, "problem": problem}


def _rows_with_files(revision):
    """Rows of the revision that carry a stored file: its attachments and any kind's (vouchers)."""
    models = [Attachment, *(m for m in kinds.tables() if _has_file(m) and m is not Attachment)]
    for model in models:
        rows = model.objects.filter(revision=revision).select_related("blob", "thumbnail")
        yield from rows.order_by("pk")


def _has_file(model) -> bool:
    names = {field.name for field in model._meta.concrete_fields}
    return {"blob", "filename"} <= names


def _blob_problem(blob) -> str | None:
    path = blob_path(blob)
    if not path.exists():
        return _("it is missing")
    content = path.read_bytes()
    if hashlib.sha256(content).hexdigest() != blob.sha256:
        return _("it does not match its hash")
    if len(content) != blob.size or sniff_content_type(content[:16]) != blob.content_type:
        return _("its recorded size or type is not that of the file")
    return None


def _thumbnail_problem(blob, thumbnail) -> str | None:
    problem = _blob_problem(thumbnail)
    if problem is not None:
        return _("its thumbnail: %(problem)s") % {"problem": problem}
    if not blob.content_type.startswith("image/"):
        return None
    original = _likeness(blob_path(blob).read_bytes())
    small = _likeness(blob_path(thumbnail).read_bytes())
    if original is None or small is None or _difference(original, small) > LIKENESS_TOLERANCE:
        return _("its thumbnail is not a picture of it")
    return None


def _likeness(content: bytes) -> list[int] | None:
    try:
        image = Image.open(io.BytesIO(content))
        image.draft("L", (LIKENESS_SIZE[0] * 8, LIKENESS_SIZE[1] * 8))
        small = image.convert("L").resize(LIKENESS_SIZE, Image.Resampling.BOX)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return None
    return list(small.tobytes())


def _difference(first: list[int], second: list[int]) -> float:
    return sum(abs(a - b) for a, b in zip(first, second, strict=True)) / len(first)
