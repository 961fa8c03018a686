"""The flags pages: every flag of the villages the user may VIEW_FLAGS, and one village's."""

from django.http import Http404
from django.shortcuts import render

from disclosure import clock
from disclosure.regions.access import Action, regions_for, villages_for
from disclosure.web.decorators import staff_required

from ..rules import RULES
from ..services import flags_for


def _rows(flags, villages) -> list[dict]:
    names = {village.pk: village for village in villages}
    return [
        {"flag": flag, "village": names[flag.village_id], "rule": RULES[flag.rule][0]}
        for flag in flags
    ]


def _rule_choices():
    return [(code, title) for code, (title, _function) in RULES.items()]


@staff_required
def index(request):
    villages = list(villages_for(request.user, Action.VIEW_FLAGS).order_by("code"))
    rule = request.GET.get("rule", "")
    rule = rule if rule in RULES else ""
    code = request.GET.get("village", "")
    chosen = [village for village in villages if village.code == code]
    if not chosen:
        code, chosen = "", villages
    flags = flags_for([v.pk for v in chosen], clock.today(), [rule] if rule else None)
    context = {
        "rows": _rows(flags, villages),
        "villages": villages,
        "rules": _rule_choices(),
        "rule": rule,
        "village_code": code,
        "may_manage_cadres": bool(regions_for(request.user, Action.MANAGE_CADRES)),
    }
    return render(request, "redflags/index.html", context)


@staff_required
def village(request, code: str):
    place = villages_for(request.user, Action.VIEW_FLAGS).filter(code=code).first()
    if place is None:
        raise Http404
    flags = flags_for([place.pk], clock.today())
    context = {"village": place, "rows": _rows(flags, [place])}
    return render(request, "redflags/village.html", context)
