"""The township's import of a simple death register (姓名, 身份证号, 死亡日期), all or nothing."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.publishing.audit import record
from disclosure.regions.access import Action, require
from disclosure.regions.models import Region
from disclosure.spreadsheets import normalise, parse_date

from .imports import ImportRefused, Problem
from .models import Death
from .slips import normalise_identity, person_key

COLUMNS = {
    "name": ("姓名", "name"),
    "identity_number": ("身份证号", "身份证号码", "公民身份号码", "identity number"),
    "died_on": ("死亡日期", "注销日期", "date of death"),
}
LABELS = {
    "name": gettext_lazy("name"),
    "identity_number": gettext_lazy("identity number"),
    "died_on": gettext_lazy("date of death"),
}


@dataclass(frozen=True)
class Line:
    name: str
    identity_number: str
    died_on: date


def _cell(value) -> str:
    return "" if value is None else normalise(str(value))


def _header(table) -> tuple[int, dict]:
    wanted = {word.lower(): key for key, words in COLUMNS.items() for word in words}
    for index, row in enumerate(table[:10]):
        found = {}
        for position, cell in enumerate(row):
            key = wanted.get(_cell(cell).lower())
            if key and key not in found:
                found[key] = position
        if len(found) == len(COLUMNS):
            return index, found
    return -1, {}


def read_deaths(table: list[list]) -> list[Line]:
    index, columns = _header(table)
    if index < 0:
        names = "、".join(str(label) for label in LABELS.values())
        raise ImportRefused(
            [Problem(None, None, _("The file has no column for: %(names)s.") % {"names": names})]
        )
    lines, problems = [], []
    for number, row in enumerate(table[index + 1 :], start=index + 2):
        cells = {key: row[place] if place < len(row) else None for key, place in columns.items()}
        if not any(_cell(value) for value in cells.values()):
            continue
        identity = normalise_identity(_cell(cells["identity_number"]))
        if identity is None:
            problems.append(
                Problem(
                    number,
                    columns["identity_number"] + 1,
                    _("This is not a valid identity number."),
                )
            )
        try:
            died_on = parse_date(cells["died_on"])
        except ValueError as error:
            problems.append(Problem(number, columns["died_on"] + 1, str(error)))
            continue
        if identity:
            lines.append(Line(_cell(cells["name"])[:50], identity, died_on))
    if problems or not lines:
        raise ImportRefused(problems or [Problem(None, None, _("The file lists no deaths."))])
    return lines


@transaction.atomic
def import_deaths(*, township: Region, lines: list[Line], by, ip=None) -> int:
    """Add the deaths the township does not have yet; returns how many were added."""
    require(by, Action.OVERSEE, township)
    deaths = [
        Death(
            township=township,
            person_key=person_key(line.identity_number),
            name=line.name,
            died_on=line.died_on,
        )
        for line in lines
    ]
    before = Death.objects.filter(township=township).count()
    Death.objects.bulk_create(deaths, ignore_conflicts=True)
    added = Death.objects.filter(township=township).count() - before
    record(by=by, action="benefits.deaths_import", target=township.code, ip=ip, added=added)
    return added
