"""The ledger import, step by step: upload → sheet → column mapping → check → commit.

Nothing reaches the period until `commit_import` (in committing.py); each step before it only
updates the LedgerImport, so a clerk can go back, change the mapping and check again.
"""

import datetime
import itertools
import pickle
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing.models import Posting, PostingStatus
from disclosure.regions.access import Action, require

from .. import parsing
from ..models import ColumnMapping, Fund, ImportStatus, LedgerImport, Period


def stored_path(ledger_import: LedgerImport) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / ledger_import.stored_name


def rows_path(ledger_import: LedgerImport) -> Path:
    """Where the rows of a workbook's sheets are kept as the upload read them."""
    return stored_path(ledger_import).with_name(f"{ledger_import.stored_name}.rows")


def _keep_rows(ledger_import: LedgerImport, book: parsing.Workbook) -> None:
    """Keep the sheets of a workbook as read, so that choosing a sheet and checking it do not
    read the workbook again (that takes about a second per 100,000 rows). A CSV file and a
    large workbook are read lazily, row by row, and are not kept: a million rows are large."""
    if not all(isinstance(sheet.rows, list) for sheet in book.sheets):
        return
    sheets = [(sheet.name, sheet.rows) for sheet in book.sheets]
    kept = (_file_stamp(ledger_import), sheets)
    rows_path(ledger_import).write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))


def _file_stamp(ledger_import: LedgerImport) -> tuple[int, int]:
    status = stored_path(ledger_import).stat()
    return status.st_size, status.st_mtime_ns


def _kept_sheets(ledger_import: LedgerImport) -> list[parsing.Sheet] | None:
    """The sheets kept at upload, or None when there are none for the stored file as it is."""
    try:
        # Written by _keep_rows from what the upload read, never taken from a visitor.
        stamp, sheets = pickle.loads(rows_path(ledger_import).read_bytes())  # noqa: S301
    except (OSError, EOFError, ValueError, pickle.UnpicklingError):
        # Missing, or cut short by a full disk or a crash: the stored file is read instead.
        return None
    if stamp != _file_stamp(ledger_import):
        return None
    return [parsing.Sheet(name=name, rows=rows) for name, rows in sheets]


def _sheets(ledger_import: LedgerImport, only: str | None = None) -> list[parsing.Sheet]:
    """The sheets of the stored file (with `only`, that one if it is there): as kept at upload,
    else read from the file."""
    sheets = _kept_sheets(ledger_import)
    if sheets is not None:
        return [sheet for sheet in sheets if only is None or sheet.name == only]
    data = stored_path(ledger_import).read_bytes()
    try:
        return parsing.read_table(data, ledger_import.filename, sheet=only).sheets
    except parsing.UnreadableFile as error:
        raise ValidationError(str(error)) from None


def sheet_of(ledger_import: LedgerImport) -> parsing.Sheet:
    """The chosen sheet, as the upload read it; else read from the stored file (the other
    sheets are then not read)."""
    for sheet in _sheets(ledger_import, ledger_import.sheet):
        if sheet.name == ledger_import.sheet:
            return sheet
    raise ValidationError(_("The chosen sheet is no longer in the file; upload it again."))


@transaction.atomic
def start_import(
    *, period: Period, upload, by, fund: str = Fund.BANK, reason: str = ""
) -> LedgerImport:
    """Keep the uploaded file and read its sheets; refuse what is not a readable table. A period
    already published is imported again only as a correction: its reason is asked for here,
    before the clerk maps and checks the file, not at the last step."""
    require(by, Action.DRAFT, period.village)
    reason = reason.strip()
    if _needs_reason(period) and not reason:
        raise ValidationError(
            {
                "reason": _(
                    "This period is published: importing it again corrects it. Say why; "
                    "villagers will read the reason beside the correction."
                )
            }
        )
    limit = settings.LEDGER_IMPORT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size).1f MB; a ledger may be at most %(limit)d MB.")
            % {"name": upload.name, "size": upload.size / 2**20, "limit": limit // 2**20}
        )
    if fund not in Fund.values:
        raise ValidationError(_("Choose the cash or the bank journal."))
    data = upload.read()
    try:
        book = parsing.read_table(data, upload.name)
    except parsing.UnreadableFile as error:
        raise ValidationError(str(error)) from None
    ledger_import = LedgerImport(
        village=period.village,
        period=period,
        created_by=by,
        filename=Path(upload.name).name[-200:],
        sheets=[sheet.name for sheet in book.sheets],
        default_fund=fund,
        reason=reason,
    )
    ledger_import.stored_name = f"{ledger_import.id}"
    path = stored_path(ledger_import)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    _keep_rows(ledger_import, book)
    ledger_import.save()
    if len(book.sheets) == 1:
        _use_sheet(ledger_import, book.sheets[0])
    return ledger_import


def _needs_reason(period: Period) -> bool:
    """Whether importing into the period starts a correction: it is published and no draft of
    it is open."""
    posting = Posting.objects.filter(finance_period__pk=period.pk).first()
    if posting is None or posting.status != PostingStatus.PUBLISHED:
        return False
    return not posting.revisions.open().exists()


def _editable(ledger_import: LedgerImport, by) -> None:
    require(by, Action.DRAFT, ledger_import.village)
    if ledger_import.status == ImportStatus.COMMITTED:
        raise ValidationError(_("This import has already been committed."))


@transaction.atomic
def choose_sheet(*, ledger_import: LedgerImport, sheet: str, by) -> LedgerImport:
    _editable(ledger_import, by)
    for candidate in _sheets(ledger_import):
        if candidate.name == sheet:
            _use_sheet(ledger_import, candidate)
            return ledger_import
    raise ValidationError({"sheet": _("Choose one of the sheets of the file.")})


def _use_sheet(ledger_import: LedgerImport, sheet: parsing.Sheet) -> None:
    """Find the header and start from the mapping the village used for it, else a guess."""
    index = parsing.find_header(sheet.rows)
    header = next(itertools.islice(iter(sheet.rows), index, None), [])
    ledger_import.sheet = sheet.name
    ledger_import.header = ["" if cell is None else str(cell) for cell in header]
    remembered = ColumnMapping.objects.filter(
        village=ledger_import.village, signature=parsing.header_signature(header)
    ).first()
    ledger_import.mapping = remembered.mapping if remembered else parsing.guess_mapping(header)
    ledger_import.status = ImportStatus.UPLOADED
    ledger_import.problems = []
    ledger_import.save()


@transaction.atomic
def set_mapping(*, ledger_import: LedgerImport, mapping: dict[str, int], by) -> LedgerImport:
    """Use the clerk's mapping of fields to column indexes; it must name every needed field."""
    _editable(ledger_import, by)
    width = len(ledger_import.header)
    mapping = {
        name: index
        for name, index in mapping.items()
        if name in parsing.FIELDS and index is not None
    }
    if any(not 0 <= index < width for index in mapping.values()):
        raise ValidationError(_("Choose columns of the file."))
    if len(set(mapping.values())) != len(mapping):
        raise ValidationError(_("Each column can be used for one field only."))
    missing = parsing.missing_fields(mapping)
    if missing:
        labels = "、".join(str(parsing.FIELD_LABELS[name]) for name in missing)
        raise ValidationError(_("Choose a column for: %(fields)s.") % {"fields": labels})
    ledger_import.mapping = mapping
    ledger_import.status = ImportStatus.UPLOADED
    ledger_import.save()
    return ledger_import


def remember_mapping(ledger_import: LedgerImport) -> None:
    ColumnMapping.objects.update_or_create(
        village=ledger_import.village,
        signature=parsing.header_signature(ledger_import.header),
        defaults={"mapping": ledger_import.mapping},
    )


# Uncommitted imports older than this are abandoned: their files and staged entries go.
ABANDONED_AFTER = datetime.timedelta(days=7)


def clear_abandoned(*, older_than: datetime.timedelta = ABANDONED_AFTER) -> int:
    """Remove imports started but never committed; how many."""
    abandoned = LedgerImport.objects.filter(created_at__lt=clock.now() - older_than).exclude(
        status=ImportStatus.COMMITTED
    )
    count = 0
    for ledger_import in abandoned:
        discard_file(ledger_import)
        ledger_import.delete()
        count += 1
    return count


def discard_file(ledger_import: LedgerImport) -> None:
    stored_path(ledger_import).unlink(missing_ok=True)
    rows_path(ledger_import).unlink(missing_ok=True)
