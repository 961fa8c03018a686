"""The flags pages: the cases of every flag of the villages the user may VIEW_FLAGS, and one
village's. Those still to be dealt with by default; closed and dismissed ones on request."""

from django.http import Http404
from django.shortcuts import render

from disclosure import clock
from disclosure.regions.access import Action, regions_for, villages_for
from disclosure.web.decorators import staff_required

from ..cases import rows_for
from ..rules import RULES

FINISHED = "finished"


def rule_title(code: str) -> str:
    """The title of a rule, or its code for a rule no longer in the registry."""
    return RULES[code][0] if code in RULES else code


def _rule_choices():
    return [(code, title) for code, (title, _function) in RULES.items()]


def _rows(villages, *, finished: bool, rule: str = "") -> list[dict]:
    rows = rows_for([v.pk for v in villages], clock.today(), finished=finished)
    return [
        {"case": row.case, "flag": row.flag, "rule": rule_title(row.case.rule)}
        for row in rows
        if not rule or row.case.rule == rule
    ]


@staff_required
def index(request):
    villages = list(villages_for(request.user, Action.VIEW_FLAGS).order_by("code"))
    rule = request.GET.get("rule", "")
    rule = rule if rule in RULES else ""
    code = request.GET.get("village", "")
    chosen = [village for village in villages if village.code == code]
    if not chosen:
        code, chosen = "", villages
    finished = request.GET.get("state") == FINISHED
    context = {
        "rows": _rows(chosen, finished=finished, rule=rule),
        "villages": villages,
        "rules": _rule_choices(),
        "rule": rule,
        "village_code": code,
        "finished": finished,
        "may_manage_cadres": bool(regions_for(request.user, Action.MANAGE_CADRES)),
    }
    return render(request, "redflags/index.html", context)


@staff_required
def village(request, code: str):
    place = villages_for(request.user, Action.VIEW_FLAGS).filter(code=code).first()
    if place is None:
        raise Http404
    finished = request.GET.get("state") == FINISHED
    context = {
        "village": place,
        "rows": _rows([place], finished=finished),
        "finished": finished,
    }
    return render(request, "redflags/village.html", context)
