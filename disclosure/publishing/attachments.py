"""Uploaded files: checked by their content, stripped of metadata, stored by content hash."""

import hashlib
import io
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .models import Blob

THUMBNAIL_SIZE = (480, 480)
# Refuse images that would take too much memory to decode (decompression bombs).
MAX_IMAGE_PIXELS = 50_000_000

_SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


def sniff_content_type(head: bytes) -> str | None:
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def read_upload(upload) -> tuple[bytes, str]:
    """The file's bytes with metadata removed, and its type, or a ValidationError saying why not."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size).1f MB; files may be at most %(limit)d MB.")
            % {"name": upload.name, "size": upload.size / 2**20, "limit": limit // 2**20}
        )
    content = upload.read()
    content_type = sniff_content_type(content[:16])
    if content_type is None:
        raise ValidationError(_("%(name)s is not a PDF, JPEG or PNG file.") % {"name": upload.name})
    if content_type.startswith("image/"):
        content = _clean_image(content, content_type, upload.name)
    return content, content_type


def _open_image(content: bytes, name: str) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(content))
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise ValidationError(_("%(name)s has too many pixels.") % {"name": name})
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(
            _("%(name)s is damaged and cannot be read.") % {"name": name}
        ) from None
    return image


def _clean_image(content: bytes, content_type: str, name: str) -> bytes:
    """Re-encode the picture upright and without EXIF, so no location or camera data is kept."""
    image = ImageOps.exif_transpose(_open_image(content, name))
    # Pillow writes some metadata it read back out (a JPEG comment, for one): keep only what the
    # pixels need.
    image.info = {key: image.info[key] for key in ("transparency",) if key in image.info}
    out = io.BytesIO()
    if content_type == "image/jpeg":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def thumbnail_of(content: bytes) -> bytes:
    image = _open_image(content, "")
    image.thumbnail(THUMBNAIL_SIZE)
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=75, optimize=True)
    return out.getvalue()


def blob_path(blob: Blob) -> Path:
    return Path(settings.MEDIA_ROOT) / blob.relative_path


def store_blob(content: bytes, content_type: str) -> Blob:
    sha256 = hashlib.sha256(content).hexdigest()
    blob, created = Blob.objects.get_or_create(
        sha256=sha256, defaults={"size": len(content), "content_type": content_type}
    )
    path = blob_path(blob)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".part")
        temporary.write_bytes(content)
        temporary.replace(path)
    return blob


def blob_matches(blob: Blob) -> bool:
    """Whether the stored file still has the hash it is named by."""
    path = blob_path(blob)
    return path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == blob.sha256
