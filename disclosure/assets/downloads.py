"""A published snapshot as files: CSV per register, one XLSX with a sheet per register, JSON.

The CSV and XLSX columns are those the import reads, so a downloaded register can be imported
again. Personal values pass through the masking rule like every public output.
"""

import csv
import io

from openpyxl import Workbook

from disclosure.publishing.masking import mask_text

from .imports import ASSET_COLUMNS, RESOURCE_COLUMNS
from .snapshots import canonical_rows

ASSET_EXTRA = [
    ("disposal", "处置方式"),
    ("disposed_on", "处置日期"),
    ("disposal_reason", "处置原因"),
    ("proceeds", "处置收入（元）"),
    ("decision_reference", "批准决策"),
]


def _columns(register: str) -> list[tuple[str, str]]:
    if register == "assets":
        return [(c.field, c.headers[0]) for c in ASSET_COLUMNS] + ASSET_EXTRA
    return [(c.field, c.headers[0]) for c in RESOURCE_COLUMNS]


def _cell(row, name: str):
    value = getattr(row, name)
    display = getattr(row, f"get_{name}_display", None)
    if display and value:
        return str(display())
    if value is None:
        return ""
    if name in ("user", "disposal_reason", "name", "location", "condition"):
        return mask_text(str(value))
    return value


def table(revision, register: str) -> tuple[list[str], list[list]]:
    columns = _columns(register)
    rows = revision.snapshot_assets if register == "assets" else revision.snapshot_resources
    header = [title for _name, title in columns]
    return header, [[_cell(row, name) for name, _title in columns] for row in rows.all()]


def as_csv(revision, register: str) -> bytes:
    header, rows = table(revision, register)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    # The byte-order mark lets Excel on Chinese Windows read the file as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(revision) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for register, title in (("assets", "固定资产"), ("resources", "资源")):
        sheet = workbook.create_sheet(title)
        header, rows = table(revision, register)
        sheet.append(header)
        for row in rows:
            sheet.append([str(value) if not isinstance(value, int) else value for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def as_json(revision) -> dict:
    """The snapshot's canonical rows (as the chain digests them), with where they were published."""
    rows = canonical_rows(revision)
    for row in rows:
        for name in ("user", "disposal_reason"):
            if row.get(name):
                row[name] = mask_text(row[name])
    return {
        "village": revision.village.code,
        "posting": revision.posting.code,
        "revision": revision.number,
        "published_at": revision.published_at.isoformat(),
        "digest": revision.digest,
        "rows": rows,
    }
