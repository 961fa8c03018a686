"""Voucher images and PDFs attached to ledger entries, through the foundation's file handling:
one file to one entry, or many files at once, each matched to its entry by the voucher number in
its name."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure.publishing import attachments as files
from disclosure.publishing.audit import record
from disclosure.publishing.models import Revision
from disclosure.publishing.services import EDITABLE
from disclosure.regions.access import Action, require

from ..models import LedgerEntry, Voucher

# Characters between the parts of a voucher number in a file name: 记-001, 记_001, 记 001, 记001.
_SEPARATOR = r"[\s\-_－—.·]"
_SEPARATORS = _SEPARATOR + "*"


@dataclass
class Matching:
    """What became of each file of a batch: (file name, voucher number, line) for those attached,
    (file name, why not) for the others."""

    matched: list[tuple[str, str, int]] = field(default_factory=list)
    unmatched: list[tuple[str, str]] = field(default_factory=list)


def _pattern(voucher_no: str) -> re.Pattern:
    """The voucher number as it may be written in a file name, never as part of a longer
    number: 记-001 is in 记-001.jpg and 凭证记001(2).jpg, not in 记-0012.jpg."""
    parts = [re.escape(part) for part in re.split(_SEPARATOR + "+", voucher_no.strip()) if part]
    return re.compile(r"(?<![0-9A-Za-z])" + _SEPARATORS.join(parts) + r"(?![0-9A-Za-z])")


def _stem(filename: str) -> str:
    name = filename.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _locked_draft(revision_id: int, by) -> Revision:
    revision = Revision.objects.select_for_update().get(pk=revision_id)
    require(by, Action.DRAFT, revision)
    if revision.state not in EDITABLE:
        raise ValidationError(_("Vouchers can be added while the period is a draft."))
    return revision


@transaction.atomic
def add_vouchers_by_name(*, revision: Revision, uploads: list, by, ip=None) -> Matching:
    """Attach each file to the entry whose voucher number its name holds (the voucher's first
    line when it has several); a file naming no voucher number, or more than one, or that is not
    a readable photo or PDF is listed with the reason and attaches nothing."""
    revision = _locked_draft(revision.pk, by)
    first_lines: dict[str, LedgerEntry] = {}
    for entry in LedgerEntry.objects.filter(revision=revision).order_by("line"):
        first_lines.setdefault(entry.voucher_no, entry)
    patterns = {number: _pattern(number) for number in first_lines if number.strip()}
    matching = Matching()
    for upload in uploads:
        found = [n for n, pattern in patterns.items() if pattern.search(_stem(upload.name))]
        # 收记-001 names that voucher, not 记-001 as well.
        found = [n for n in found if not any(n != other and n in other for other in found)]
        if len(found) != 1:
            matching.unmatched.append((upload.name, _no_match(found)))
            continue
        try:
            add_voucher(entry=first_lines[found[0]], upload=upload, by=by, ip=ip)
        except ValidationError as error:
            matching.unmatched.append((upload.name, " ".join(error.messages)))
        else:
            matching.matched.append((upload.name, found[0], first_lines[found[0]].line))
    return matching


def _no_match(found: list[str]) -> str:
    if not found:
        return _("No voucher number of this period is in the file name.")
    return _("The file name holds several voucher numbers: %(numbers)s.") % {
        "numbers": "、".join(found)
    }


@transaction.atomic
def add_voucher(*, entry: LedgerEntry, upload, by, ip=None) -> Voucher:
    """Attach a photo (stripped of its metadata) or a PDF to an entry of a draft."""
    revision = _locked_draft(entry.revision_id, by)
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
