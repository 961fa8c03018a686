"""Voucher images and PDFs attached to ledger entries, through the foundation's file handling."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure.publishing import attachments as files
from disclosure.publishing.audit import record
from disclosure.publishing.models import Revision
from disclosure.publishing.services import EDITABLE
from disclosure.regions.access import Action, require

from ..models import LedgerEntry, Voucher


@transaction.atomic
def add_voucher(*, entry: LedgerEntry, upload, by, ip=None) -> Voucher:
    """Attach a photo (stripped of its metadata) or a PDF to an entry of a draft."""
    revision = Revision.objects.select_for_update().get(pk=entry.revision_id)
    require(by, Action.DRAFT, revision)
    if revision.state not in EDITABLE:
        raise ValidationError(_("Vouchers can be added while the period is a draft."))
    content, content_type = files.read_upload(upload)
    blob = files.store_blob(content, content_type)
    thumbnail = None
    if content_type.startswith("image/"):
        thumbnail = files.store_blob(files.thumbnail_of(content), "image/jpeg")
    voucher = Voucher.objects.create(
        entry=entry,
        revision=revision,
        village=revision.village,
        position=entry.vouchers.count() + 1,
        filename=upload.name.rsplit("/", 1)[-1][-200:],
        blob=blob,
        thumbnail=thumbnail,
    )
    record(
        by=by,
        action="finance.voucher",
        village=revision.village,
        target=f"{revision} {entry.voucher_no}",
        ip=ip,
        sha256=blob.sha256,
    )
    return voucher
