"""Loading the region tree from the statistical division codes (统计用区划代码).

A 12-digit code says where a node sits: 2 digits province, 2 city, 2 county, 3 township,
3 village. The level is that of the last group that is not all zeros, and the parent is the code
with that group zeroed, so a file needs only codes and names.
"""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure import clock

from .models import LEVEL_ORDER, PREFIX_LENGTH, Level, Region

CODE_COLUMNS = ("code", "区划代码", "统计用区划代码", "代码")
NAME_COLUMNS = ("name", "名称", "区划名称")
NAME_MAX_LENGTH = Region._meta.get_field("name").max_length


def level_of(code: str) -> Level:
    """The level of a well-formed code; ValidationError if it has no valid shape."""
    if len(code) != 12 or not code.isascii() or not code.isdigit():
        raise ValidationError(_("“%(code)s” is not a 12-digit division code.") % {"code": code})
    start = 0
    deepest = None
    for level in LEVEL_ORDER:
        end = PREFIX_LENGTH[level]
        if code[start:end].strip("0"):
            deepest = level
        start = end
    if deepest is None or not code[:2].strip("0"):
        raise ValidationError(_("“%(code)s” names no province.") % {"code": code})
    return deepest


def parent_code_of(code: str) -> str | None:
    """The code with its last non-zero group zeroed; None for a province."""
    level = level_of(code)
    if level == Level.PROVINCE:
        return None
    start = LEVEL_ORDER[LEVEL_ORDER.index(level) - 1]
    return code[: PREFIX_LENGTH[start]].ljust(12, "0")


@dataclass
class LoadResult:
    created: int = 0
    renamed: int = 0
    unchanged: int = 0


def decode(content: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) or, failing that, GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("The file is neither UTF-8 nor GB18030 text."))


def read_rows(text: str) -> list[tuple[int, str, str]]:
    """(row number, code, name) for every non-empty row; the header is row 1."""
    try:
        return _read_rows(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise ValidationError(
            _("The file cannot be read as CSV: %(error)s") % {"error": error}
        ) from None


def _read_rows(rows) -> list[tuple[int, str, str]]:
    header = [cell.strip().lower() for cell in next(rows, [])]
    code_at = _column(header, CODE_COLUMNS)
    name_at = _column(header, NAME_COLUMNS)
    if code_at is None or name_at is None:
        raise ValidationError(_("Row 1 must name the columns “code” and “name” (区划代码, 名称)."))
    found = []
    for number, cells in enumerate(rows, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        cells = cells + [""] * (max(code_at, name_at) + 1 - len(cells))
        found.append((number, cells[code_at].strip(), cells[name_at].strip()))
    return found


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _row_errors(rows, existing: dict[str, Region]) -> list[str]:
    errors = []
    seen: dict[str, int] = {}
    codes = {code for _number, code, _name in rows}
    for number, code, name in rows:
        problems = _problems(code, name, seen, codes, existing)
        errors.extend(
            _("Row %(row)d: %(problem)s") % {"row": number, "problem": problem}
            for problem in problems
        )
        seen.setdefault(code, number)
    return errors


def _problems(code, name, seen, codes, existing) -> list[str]:
    problems = []
    try:
        parent = parent_code_of(code)
    except ValidationError as error:
        problems.extend(error.messages)
        parent = None
    if parent and parent not in codes and parent not in existing:
        problems.append(
            _("the region %(parent)s above %(code)s is neither in the file nor loaded.")
            % {"parent": parent, "code": code}
        )
    if code in seen:
        problems.append(
            _("the code %(code)s already appears in row %(row)d.")
            % {"code": code, "row": seen[code]}
        )
    if not name:
        problems.append(_("the name is empty."))
    elif len(name) > NAME_MAX_LENGTH:
        problems.append(
            _("the name is longer than %(limit)d characters.") % {"limit": NAME_MAX_LENGTH}
        )
    return problems


def load_regions(*, content: bytes) -> LoadResult:
    """Load a CSV of codes and names: all rows or none. Running it again changes nothing."""
    rows = read_rows(decode(content))
    existing = {region.code: region for region in Region.objects.all()}
    errors = _row_errors(rows, existing)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return _save(rows, existing)


def _save(rows, existing: dict[str, Region]) -> LoadResult:
    result = LoadResult()
    renamed = []
    today = clock.today()
    # Parents first, so that every child finds its parent's id.
    for level in LEVEL_ORDER:
        new = []
        for _number, code, name in rows:
            if level_of(code) != level:
                continue
            region = existing.get(code)
            if region is None:
                parent_code = parent_code_of(code)
                parent = existing[parent_code] if parent_code else None
                new.append(
                    Region(code=code, name=name, level=level, parent=parent, joined_on=today)
                )
            elif region.name != name:
                region.name = name
                renamed.append(region)
            else:
                result.unchanged += 1
        for region in Region.objects.bulk_create(new, batch_size=1000):
            existing[region.code] = region
        result.created += len(new)
    Region.objects.bulk_update(renamed, ["name"], batch_size=1000)
    result.renamed = len(renamed)
    return result
