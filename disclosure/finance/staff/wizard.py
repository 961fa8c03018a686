"""The import wizard: choose the sheet, map the columns, check, preview and commit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.regions.access import Action, get_for_user
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from ..forms import BalancesForm, MappingForm, SheetForm
from ..models import ImportStatus, LedgerImport
from ..services import checking, committing, imports


def _import_for(request, pk) -> LedgerImport:
    """The import, if the user may draft in its village (404 or 403 otherwise)."""
    imports_ = LedgerImport.objects.select_related("period__posting", "village")
    return get_for_user(imports_, request.user, Action.DRAFT, pk=pk)


def _wizard(request, ledger_import, **forms):
    carried = committing.carried_opening(ledger_import.period)
    context = {
        "ledger_import": ledger_import,
        "period": ledger_import.period,
        "village": ledger_import.village,
        "carried": carried,
        "sheet_form": forms.get("sheet_form")
        or SheetForm(sheets=ledger_import.sheets, initial={"sheet": ledger_import.sheet}),
        "mapping_form": forms.get("mapping_form")
        or MappingForm(header=ledger_import.header, mapping=ledger_import.mapping),
        "balances_form": forms.get("balances_form") or BalancesForm(carried=carried),
    }
    parsed = ledger_import.status == ImportStatus.PARSED
    if parsed and not ledger_import.problems:
        context["preview"] = checking.preview(ledger_import)
        context["movements"] = committing.movements(ledger_import)
    return render(request, "finance/staff/import.html", context)


@staff_required
def wizard(request, pk):
    return _wizard(request, _import_for(request, pk))


@staff_required
@require_POST
def choose_sheet(request, pk):
    ledger_import = _import_for(request, pk)
    form = SheetForm(request.POST, sheets=ledger_import.sheets)
    if form.is_valid():
        try:
            imports.choose_sheet(
                ledger_import=ledger_import, sheet=form.cleaned_data["sheet"], by=request.user
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return redirect("finance_staff:import", pk)
    return _wizard(request, ledger_import, sheet_form=form)


@staff_required
@require_POST
def check(request, pk):
    """Save the column mapping and read the whole file with it."""
    ledger_import = _import_for(request, pk)
    form = MappingForm(request.POST, header=ledger_import.header, mapping=ledger_import.mapping)
    if form.is_valid():
        try:
            imports.set_mapping(
                ledger_import=ledger_import, mapping=form.mapping(), by=request.user
            )
            size = imports.stored_path(ledger_import).stat().st_size
            if size >= checking.BACKGROUND_FROM_BYTES:
                checking.check_in_background(ledger_import=ledger_import, by=request.user)
            else:
                checking.check_import(ledger_import=ledger_import, by=request.user)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return redirect("finance_staff:import", pk)
    return _wizard(request, ledger_import, mapping_form=form)


@staff_required
@require_POST
def commit(request, pk):
    ledger_import = _import_for(request, pk)
    carried = committing.carried_opening(ledger_import.period)
    form = BalancesForm(request.POST, carried=carried)
    if form.is_valid():
        balances = {"opening": form.opening(), "closing": form.closing()}
        try:
            if ledger_import.staged_rows >= committing.BACKGROUND_FROM_ROWS:
                committing.commit_in_background(
                    ledger_import=ledger_import, **balances, by=request.user, ip=client_ip(request)
                )
                return redirect("finance_staff:import", pk)
            revision = committing.commit_import(
                ledger_import=ledger_import, **balances, by=request.user, ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("The ledger is imported. Add vouchers if you have them, then submit it."),
            )
            return redirect("workspace:revision", revision.pk)
    return _wizard(request, ledger_import, balances_form=form)
