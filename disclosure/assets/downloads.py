"""A published snapshot as files: CSV per register, one XLSX with a sheet per register, JSON.

The CSV and XLSX columns are those the import reads, so a downloaded register can be imported
again. Personal values pass through the masking rule like every public output.
"""

from decimal import Decimal

from disclosure.publishing.masking import mask_text
from disclosure.spreadsheets import writing

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
    return writing.as_csv([header, *rows])


def as_xlsx(revision) -> bytes:
    sheets = []
    for register, title in (("assets", "固定资产"), ("resources", "资源")):
        header, rows = table(revision, register)
        sheets.append(writing.Sheet(title, [header, *(_for_excel(row) for row in rows)]))
    return writing.as_xlsx(sheets)


def _for_excel(row: list) -> list:
    """Amounts and areas as numbers; dates as the text the import reads back."""
    return [value if isinstance(value, int | Decimal) else str(value) for value in row]


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
