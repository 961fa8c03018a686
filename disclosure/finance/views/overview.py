"""A village's finances over a year: its periods and whether they came on time, the year so
far by category, the trend month by month, and the budget against what was spent."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.portal.http import village_page
from disclosure.regions.models import Region

from .. import threepublic, yearly
from ..charts import Series, bar_chart, trend_chart
from ..services.budgets import budget_vs_actual
from ..yearly import Standing
from .content import category_chart

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _village(code: str) -> Region:
    village = Region.objects.villages().select_related("parent__parent__parent__parent")
    found = village.filter(code=code).first()
    if found is None:
        raise Http404
    return found


def _year(value, this_year: int) -> int:
    """The year asked for, or this year when the address names none or no sensible one."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return this_year
    return year if FIRST_YEAR <= year <= LAST_YEAR else this_year


def _trend(village, rows, year: int):
    income, spent = yearly.monthly_trend(village, year, rows)
    months = [str(month) for month in range(1, 13)]
    title = _("Income and expenditure month by month, %(year)d") % {"year": year}
    chart = trend_chart(
        chart_id="trend",
        title=title,
        labels=months,
        series=[Series(_("Income"), income), Series(_("Expenditure"), spent)],
    )
    table = [(m, i, s) for m, i, s in zip(range(1, 13), income, spent, strict=True) if i or s]
    return chart, table


def _budget(lines):
    if not lines:
        return None
    return bar_chart(
        chart_id="budget",
        title=_("Budget against actual"),
        labels=[line.label for line in lines],
        series=[
            Series(_("Budget"), [line.budget for line in lines]),
            Series(_("Actual"), [line.actual for line in lines]),
        ],
    )


@village_page
def overview(request, code):
    village = _village(code)
    today = clock.today()
    year = _year(request.GET.get("year"), today.year)
    rows = yearly.standings(village, year, today)
    income, spent = yearly.year_to_date(village, year)
    trend, trend_table = _trend(village, rows, year)
    budget = budget_vs_actual(village=village, year=year)
    three_public, three_public_year = threepublic.year_on_year(village, year, rows)
    context = {
        "village": village,
        "places": [*village.ancestors(), village],
        "year": year,
        "years": yearly.years_with_periods(village, today.year),
        "rows": rows,
        "Standing": Standing,
        "income_lines": income,
        "expenditure_lines": spent,
        "year_chart": category_chart(
            income,
            spent,
            chart_id="year",
            title=_("Income and expenditure by category, %(year)d") % {"year": year},
        ),
        "trend": trend,
        "trend_table": trend_table,
        "budget": budget,
        "budget_chart": _budget(budget),
        "three_public": three_public,
        "three_public_year": three_public_year,
    }
    return render(request, "finance/overview.html", context)
