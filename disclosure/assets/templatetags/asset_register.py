from django import template

register = template.Library()


@register.simple_tag
def photos_of(revision, row) -> list:
    """The revision's attachments that are this row's photos, in the row's order."""
    # One lookup table per revision, so a register of many rows costs one query.
    if not hasattr(revision, "_photos_by_sha256"):
        revision._photos_by_sha256 = {
            attachment.blob_id: attachment
            for attachment in revision.attachments.all()
            if attachment.thumbnail_id
        }
    found = revision._photos_by_sha256
    return [found[sha256] for sha256 in row.photos if sha256 in found]
