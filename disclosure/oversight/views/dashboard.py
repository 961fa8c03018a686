"""The township dashboard, the county's view above it and the drill-down to one village."""

from django.conf import settings
from django.shortcuts import redirect, render

from disclosure.participation.services import (
    listing_overdue_questions,
    overdue_questions,
    rejected_questions,
)
from disclosure.redflags.services import flags_for
from disclosure.regions.access import Action, can
from disclosure.regions.models import Level, Region
from disclosure.web.decorators import staff_required

from ..calendar import SECTION_LABELS, DueSection, due_items
from ..models import CorrectionOrder
from ..risk import DAY_CAP, TERMS
from ..scoring import Standing
from ..services import by_score, township_summaries
from ..summaries import dashboard_rows
from . import sorting
from .common import (
    chosen_year,
    local_today,
    overseen_nodes,
    overseen_region,
    overseen_village,
    overseen_villages,
    years,
)

# The newest questions not listed that the drill-down shows with their reasons.
REJECTED_SHOWN = 20


def _rules() -> dict:
    return {
        "red_score": settings.OVERSIGHT_RED_LIST_SCORE,
        "black_score": settings.OVERSIGHT_BLACK_LIST_SCORE,
        "risk_terms": TERMS,
        "day_cap": DAY_CAP,
    }


@staff_required
def index(request):
    nodes = overseen_nodes(request.user)
    if len(nodes) == 1:
        return redirect("oversight_staff:region", nodes[0].code)
    return render(request, "oversight/index.html", {"nodes": nodes})


@staff_required
def region(request, code: str):
    place = overseen_region(request.user, code)
    today = local_today()
    year = chosen_year(request, today)
    rows = dashboard_rows(overseen_villages(request.user, place), request.user, today, year)
    column, order = sorting.chosen(request.GET)
    show_reports = any(row.reports is not None for row in rows)
    listed = by_score(rows)
    context = {
        "region": place,
        "year": year,
        "years": years(today),
        "rows": sorting.sort_rows(rows, column, order),
        "headers": sorting.headers(request.GET, column, order, reports=show_reports),
        "sorted_ascending": order == sorting.ASCENDING,
        "red_rows": [row for row in listed if row.judgement.standing == Standing.RED],
        "black_rows": [row for row in listed if row.judgement.standing == Standing.BLACK],
        "sections": [(section.value, SECTION_LABELS[section]) for section in DueSection],
        "show_reports": show_reports,
        "rules": _rules(),
    }
    if place.level == Level.TOWNSHIP:
        return render(request, "oversight/township.html", context)
    townships = Region.objects.filter(level=Level.TOWNSHIP, code__startswith=place.prefix)
    context["townships"] = township_summaries(townships.order_by("code"), rows)
    return render(request, "oversight/county.html", context)


@staff_required
def village(request, code: str):
    place = overseen_village(request.user, code)
    today = local_today()
    year = chosen_year(request, today)
    # The row's figures from the kept summary, as on the township's page; the items afresh.
    (row,) = dashboard_rows([place], request.user, today, year)
    orders = (
        CorrectionOrder.objects.filter(village=place)
        .with_closure()
        .select_related("posting__current")
    )
    context = {
        "village": place,
        "township": place.parent,
        "year": year,
        "years": years(today),
        "row": row,
        "items": due_items([place.pk], today, year)[place.pk],
        "questions": overdue_questions([place.pk], today),
        "waiting_questions": listing_overdue_questions([place.pk], today),
        "rejected_questions": rejected_questions([place.pk])[:REJECTED_SHOWN],
        "flags": flags_for([place.pk], today),
        "orders": orders,
        "may_order": can(request.user, Action.ORDER_CORRECTION, place),
        "rules": _rules(),
    }
    return render(request, "oversight/village.html", context)
