"""Files of a matter, stored like every attachment: checked, stripped of metadata, kept once."""

from disclosure.publishing import attachments


def _safe_filename(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "file"
    return "".join(ch for ch in name if ch.isprintable())[:200]


def store_upload(upload) -> dict:
    """The stored file, its thumbnail (for images) and a safe name, as MatterFile fields."""
    content, content_type = attachments.read_upload(upload)
    thumbnail = None
    if content_type.startswith("image/"):
        thumbnail = attachments.store_blob(attachments.thumbnail_of(content), "image/jpeg")
    return {
        "filename": _safe_filename(upload.name),
        "blob": attachments.store_blob(content, content_type),
        "thumbnail": thumbnail,
    }
