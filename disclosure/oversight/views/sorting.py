"""Sorting the township's table by any column, with links in its headers: no script needed.

`?sort=<column>&order=asc|desc`; anything else is the ranking by risk. Rows whose value is
missing (no score, no ratings, reports not shown) go last whichever the order.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from ..services import VillageRow

ASCENDING, DESCENDING = "asc", "desc"


def _measure(key: str):
    return lambda row: row.risk.measures[key].amount


def _open_reports(row: VillageRow):
    if row.reports is None:
        return None
    return row.reports["received"] + row.reports["investigating"]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    value: object  # the row's value to sort by
    first: str  # the order of the first click: the worst first


COLUMNS = [
    Column("village", _("Village"), lambda row: row.village.code, ASCENDING),
    Column("risk", _("Risk"), lambda row: row.risk.points, DESCENDING),
    Column("score", _("Score"), lambda row: row.score, ASCENDING),
    Column("strong_flags", _("Strong flags open"), _measure("strong_flags"), DESCENDING),
    Column(
        "rectifications",
        _("Rectifications overdue"),
        _measure("overdue_rectifications"),
        DESCENDING,
    ),
    Column(
        "questions",
        _("Questions open / overdue"),
        lambda row: (row.questions.late, row.questions.open),
        DESCENDING,
    ),
    Column("reports", _("Reports received / investigating / concluded"), _open_reports, DESCENDING),
    Column("satisfied", _("Satisfied"), lambda row: row.satisfaction.satisfied_share, ASCENDING),
    Column("orders", _("Open correction orders"), lambda row: row.open_orders, DESCENDING),
]
BY_KEY = {column.key: column for column in COLUMNS}


@dataclass(frozen=True)
class Header:
    key: str
    label: str
    url: str
    # aria-sort: "ascending", "descending", or "" for a column the table is not sorted by.
    sorted: str


def chosen(params) -> tuple[Column, str]:
    column = BY_KEY.get(params.get("sort", ""), BY_KEY["risk"])
    order = params.get("order", "")
    return column, order if order in (ASCENDING, DESCENDING) else column.first


def sort_rows(rows: list[VillageRow], column: Column, order: str) -> list[VillageRow]:
    present = [row for row in rows if column.value(row) is not None]
    missing = [row for row in rows if column.value(row) is None]
    # Rows come ranked by risk, and the sort is stable (even reversed): ties keep that ranking.
    if column.key == "risk":
        return rows if order == DESCENDING else rows[::-1]
    present.sort(key=column.value, reverse=order == DESCENDING)
    return present + missing


def headers(params, column: Column, order: str, *, reports: bool) -> dict[str, Header]:
    """Each column's header link: the column's first order, or the other one if sorted by it.
    The reports' column only for those who may see reports."""
    kept = {name: params[name] for name in ("year",) if params.get(name)}
    found = {}
    for each in COLUMNS:
        if each.key == "reports" and not reports:
            continue
        if each is column:
            following = ASCENDING if order == DESCENDING else DESCENDING
            state = "ascending" if order == ASCENDING else "descending"
        else:
            following, state = each.first, ""
        query = urlencode({**kept, "sort": each.key, "order": following})
        found[each.key] = Header(each.key, str(each.label), f"?{query}", state)
    return found
