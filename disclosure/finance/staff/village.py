"""A village's finance page for staff: its periods and their state, settings, new imports."""

from dataclasses import asdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure import clock
from disclosure.regions.access import Action, can
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import parsing
from ..forms import NewImportForm, SettingsForm
from ..models import Budget, Frequency, Period
from ..services import imports, periods, rules
from .common import village_for

TEMPLATE_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _periods_with_latest_revision(village) -> list:
    """Each period with the newest revision of its posting (None before the first import)."""
    found = Period.objects.filter(village=village).prefetch_related("posting__revisions")
    rows = []
    for period in found:
        revisions = list(period.posting.revisions.all()) if period.posting else []
        rows.append((period, revisions[-1] if revisions else None))
    return rows


def _calendar(village) -> dict:
    """The rule the village discloses under today, its county's, and a change still to come."""
    today = clock.today()
    village_rules = rules.rules_of_village(village)
    pending = [row for row in village_rules.own_rows if row.applies_from > today]
    county = village_rules.county_at(today)
    return {
        "rule": village_rules.at(today),
        "county_rule": county,
        "county_frequency": Frequency(county.frequency).label,
        "pending_rule": pending[-1] if pending else None,
    }


def _village_page(request, village, **forms):
    calendar = _calendar(village)
    context = {
        **calendar,
        "village": village,
        "periods": _periods_with_latest_revision(village),
        "budgets": Budget.objects.filter(village=village).select_related("posting__current"),
        "may_draft": can(request.user, Action.DRAFT, village),
        "import_form": forms.get("import_form") or NewImportForm(),
        "settings_form": forms.get("settings_form")
        or SettingsForm(initial=asdict(calendar["rule"])),
    }
    return render(request, "finance/staff/village.html", context)


@staff_required
def village(request, code: str):
    return _village_page(request, village_for(request, code))


@staff_required
@require_POST
def settings(request, code: str):
    village = village_for(request, code, Action.DRAFT)
    form = SettingsForm(request.POST)
    if form.is_valid():
        try:
            rules.set_village_rule(
                village=village,
                frequency=form.cleaned_data["frequency"],
                due_days=form.cleaned_data["due_days"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("The finance settings are saved; they apply from the next period on.")
            )
            return redirect("finance_staff:village", code)
    return _village_page(request, village, settings_form=form)


@staff_required
@require_POST
def new_import(request, code: str):
    village = village_for(request, code, Action.DRAFT)
    form = NewImportForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            period = periods.get_or_create_period(
                village=village,
                year=data["year"],
                number=data["number"],
                frequency=data["frequency"],
                by=request.user,
            )
            ledger_import = imports.start_import(
                period=period,
                upload=data["file"],
                by=request.user,
                fund=data["fund"],
                reason=data["reason"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return redirect("finance_staff:import", ledger_import.pk)
    return _village_page(request, village, import_form=form)


@staff_required
def template(request, code: str, format: str):
    village_for(request, code)
    if format not in TEMPLATE_TYPES:
        raise Http404
    response = HttpResponse(parsing.build_template(format), content_type=TEMPLATE_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="ledger-template.{format}"'
    return response
