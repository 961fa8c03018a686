"""Reading a register from a spreadsheet (Excel or CSV, read as the ledger import reads them),
all or nothing.

The clerk's spreadsheet has a header row with the column names (in Chinese or English), then one
row per asset or resource. Every problem is reported with its row and column, and a workbook with
any problem imports nothing. Rows are matched to the register by their number: a known number
updates that row, a new one adds it.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from disclosure.publishing.audit import record
from disclosure.regions.access import Action, require
from disclosure.spreadsheets import UnreadableFile, parse_amount, parse_date, read_table

from . import services
from .models import Asset, Category, Resource, ResourceStatus, ResourceType

MAX_BYTES = 5 * 2**20
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Column:
    field: str
    headers: tuple[str, ...]
    parse: str  # text, integer, decimal, date, or a choice: category, type, status
    required: bool = False


ASSET_COLUMNS = [
    Column("number", ("编号", "资产编号", "number", "no."), "text", True),
    Column("category", ("类别", "资产类别", "category"), "category", True),
    Column("name", ("名称", "资产名称", "name"), "text", True),
    Column("location", ("坐落位置", "位置", "地点", "location"), "text"),
    Column("quantity", ("数量", "quantity"), "integer"),
    Column("original_value", ("原值", "原值（元）", "原值(元)", "original value"), "decimal", True),
    Column("acquired_on", ("购置日期", "取得日期", "acquisition date", "acquired"), "date"),
    Column("condition", ("状况", "使用状况", "condition"), "text"),
    Column("user", ("使用人", "使用单位", "used by", "user"), "text"),
]
RESOURCE_COLUMNS = [
    Column("number", ("编号", "资源编号", "number", "no."), "text", True),
    Column("type", ("类型", "资源类型", "type"), "type", True),
    Column("name", ("名称", "资源名称", "name"), "text", True),
    Column("location", ("坐落位置", "位置", "地点", "location"), "text"),
    Column("area_mu", ("面积（亩）", "面积(亩)", "面积", "area (mu)", "area"), "decimal", True),
    Column("status", ("状态", "经营状态", "status"), "status", True),
    Column("user", ("使用人", "承包人", "used by", "user"), "text"),
]
REGISTERS = {
    "assets": (ASSET_COLUMNS, Asset, services.save_asset, "asset"),
    "resources": (RESOURCE_COLUMNS, Resource, services.save_resource, "resource"),
}
SHEET_NAMES = {"assets": "固定资产", "resources": "资源"}
REGISTER_LABELS = {
    "assets": gettext_lazy("Fixed assets"),
    "resources": gettext_lazy("Resources"),
}
CHOICES = {"category": Category, "type": ResourceType, "status": ResourceStatus}
# Words clerks' own ledgers use for the same choices, beside the portal's labels.
ALIASES = {
    "category": {
        "房屋": "buildings",
        "房屋建筑": "buildings",
        "建筑物": "buildings",
        "设备": "equipment",
        "机器设备": "equipment",
        "农机具": "equipment",
        "道路": "roads",
        "村道": "roads",
        "水利": "water_works",
        "水利设施": "water_works",
    },
    "type": {
        "耕地": "farmland",
        "林地": "forest",
        "山林": "forest",
        "鱼塘": "pond",
        "坑塘": "pond",
        "水面": "pond",
        "荒地": "wasteland",
        "四荒地": "wasteland",
        "集体建设用地": "construction_land",
    },
    "status": {
        "自营": "self_operated",
        "自主经营": "self_operated",
        "发包": "contracted_out",
        "承包经营": "contracted_out",
        "出租": "contracted_out",
        "闲置": "idle",
    },
}


class ImportRefused(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Parsed:
    register: str
    rows: list[dict] = field(default_factory=list)


def _normal(text) -> str:
    return re.sub(r"\s+", "", str(text or "")).lower()


def _choice_lookup(name: str, choices) -> dict[str, str]:
    """Each choice by its code, its English and Chinese labels, and the ledgers' words."""
    lookup = dict(ALIASES[name])
    for language in ("en", "zh-hans"):
        with translation.override(language):
            lookup.update({_normal(label): value for value, label in choices.choices})
    lookup.update({_normal(value): value for value in choices.values})
    return lookup


def _decimal(value) -> Decimal:
    """Money or an area: the ledger import's reading of amounts, and never below zero."""
    number = parse_amount(value)
    if number is None or number < 0:
        raise ValueError
    return number


def _integer(value) -> int:
    number = _decimal(value)
    if number != number.to_integral_value():
        raise ValueError
    return int(number)


PROBLEMS = {
    "integer": gettext_lazy("a whole number is needed, such as 2"),
    "decimal": gettext_lazy("a number that is not negative is needed, such as 12500.00"),
    "date": gettext_lazy("a date is needed, such as 2024-03-15"),
    "category": gettext_lazy("choose buildings, equipment, roads, water works or other"),
    "type": gettext_lazy("choose farmland, forest, pond, wasteland, construction land or other"),
    "status": gettext_lazy("choose self-operated, contracted out or idle"),
}


def _parse_cell(column: Column, value, lookups: dict):
    if column.parse == "text":
        return str(value).strip() if not isinstance(value, float) else f"{value:g}"
    if column.parse == "integer":
        return _integer(value)
    if column.parse == "decimal":
        return _decimal(value)
    if column.parse == "date":
        return parse_date(value)
    found = lookups[column.parse].get(_normal(value))
    if found is None:
        raise ValueError
    return found


def _rows_of(upload, register: str) -> list:
    """The rows of the sheet named after the register (as in our own download), else the first."""
    if upload.size > MAX_BYTES:
        raise ImportRefused([_("The file is larger than 5 MB.")])
    try:
        book = read_table(upload.read(), getattr(upload, "name", ""))
    except UnreadableFile as error:
        raise ImportRefused([str(error)]) from None
    sheet = next((s for s in book.sheets if s.name == SHEET_NAMES[register]), book.sheets[0])
    return list(islice(sheet.rows, MAX_ROWS + HEADER_SEARCH_ROWS + 1))


def _find_header(rows, columns) -> tuple[int, dict[int, Column]]:
    known = {_normal(header): column for column in columns for header in column.headers}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {i: known[_normal(cell)] for i, cell in enumerate(row) if _normal(cell) in known}
        if any(column.field == "number" for column in found.values()):
            missing = {c.field for c in columns if c.required} - {c.field for c in found.values()}
            if missing:
                names = "、".join(c.headers[0] for c in columns if c.field in missing)
                raise ImportRefused(
                    [
                        _("Row %(row)d: these columns are missing: %(names)s.")
                        % {"row": index + 1, "names": names}
                    ]
                )
            return index, found
    raise ImportRefused(
        [_("No header row found: the first rows must name the columns, starting with 编号.")]
    )


def parse_workbook(*, upload, register: str) -> Parsed:
    """The workbook's rows as register values, or ImportRefused listing every problem."""
    columns = REGISTERS[register][0]
    rows = _rows_of(upload, register)
    header_index, found = _find_header(rows, columns)
    lookups = {name: _choice_lookup(name, choices) for name, choices in CHOICES.items()}
    parsed, problems, seen = Parsed(register), [], {}
    body = rows[header_index + 1 :]
    if len(body) > MAX_ROWS:
        raise ImportRefused([_("A workbook may hold at most 5000 rows.")])
    for offset, row in enumerate(body):
        if all(cell is None or str(cell).strip() == "" for cell in row):
            continue
        number = header_index + offset + 2
        values = {}
        for index, column in found.items():
            value = row[index] if index < len(row) else None
            where = {
                "row": number,
                "column": get_column_letter(index + 1),
                "header": column.headers[0],
            }
            if value is None or str(value).strip() == "":
                if column.required:
                    problems.append(
                        _("Row %(row)d, column %(column)s (%(header)s): this value is required.")
                        % where
                    )
                continue
            try:
                values[column.field] = _parse_cell(column, value, lookups)
            except (ValueError, TypeError):
                problems.append(
                    _("Row %(row)d, column %(column)s (%(header)s): %(problem)s.")
                    % {**where, "problem": PROBLEMS[column.parse]}
                )
        key = str(values.get("number", "")).upper()
        if key and key in seen:
            problems.append(
                _("Row %(row)d: number %(number)s is also used in row %(first)d.")
                % {"row": number, "number": key, "first": seen[key]}
            )
        seen.setdefault(key, number)
        values["_row"] = number
        parsed.rows.append(values)
    if problems:
        raise ImportRefused(problems)
    if not parsed.rows:
        raise ImportRefused([_("The workbook has a header row but no rows under it.")])
    return parsed


def _label(field_or_number) -> str:
    return str(getattr(field_or_number, "verbose_name", field_or_number))


def _stored(values: dict) -> dict:
    return {key: value for key, value in values.items() if not key.startswith("_")}


@transaction.atomic
def import_register(*, village, parsed: Parsed, by, ip=None) -> tuple[int, int]:
    """Write every parsed row, or none: the first refused row undoes the whole import.

    Returns how many rows were added and how many changed.
    """
    require(by, Action.DRAFT, village)
    _columns, model, save, argument = REGISTERS[parsed.register]
    existing = {item.number: item for item in model.objects.filter(village=village)}
    added = changed = 0
    problems = []
    for values in parsed.rows:
        item = existing.get(str(values["number"]).strip().upper())
        try:
            with transaction.atomic():
                save(village=village, values=_stored(values), by=by, ip=ip, **{argument: item})
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                label = values["number"] if name == "__all__" else model._meta.get_field(name)
                for message in messages:
                    problems.append(
                        _("Row %(row)d (%(field)s): %(message)s")
                        % {"row": values["_row"], "field": _label(label), "message": message}
                    )
            continue
        if item is None:
            added += 1
        else:
            changed += 1
    if problems:
        raise ImportRefused(problems)
    record(
        by=by,
        action="asset.import",
        village=village,
        target=parsed.register,
        ip=ip,
        added=added,
        changed=changed,
    )
    return added, changed
