"""The township's disbursement files: import one, and see it reconciled with the lists."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from disclosure.regions.access import Action, can, regions_for
from disclosure.regions.models import Level, Region
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import disbursements
from ..deaths import import_deaths, read_deaths
from ..disbursement_files import read_payments
from ..files import table_of
from ..forms import DeathsForm, DisbursementForm
from ..imports import ImportRefused
from ..models import Disbursement, NonReceipt
from ..reconciliation import KINDS, reconcile
from ..selectors import county_benefits


def _townships(user) -> list[Region]:
    return [
        region for region in regions_for(user, Action.OVERSEE) if region.level == Level.TOWNSHIP
    ]


@staff_required
def index(request):
    townships = _townships(request.user)
    if not townships:
        raise Http404
    files = Disbursement.objects.filter(township__in=townships).select_related("township")
    context = {"townships": townships, "files": files[:100]}
    return render(request, "benefits/staff/disbursements.html", context)


@staff_required
def new(request, code: str):
    township = next((t for t in _townships(request.user) if t.code == code), None)
    if township is None:
        raise Http404
    form = DisbursementForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            disbursement = _import(request, township, form)
        except ImportRefused as refused:
            problems = refused.problems
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The file was imported and checked against the lists."))
            return redirect("benefits_staff:disbursement", disbursement.pk)
    context = {"township": township, "form": form, "problems": problems}
    return render(request, "benefits/staff/disbursement_import.html", context)


def _import(request, township, form) -> Disbursement:
    upload = form.cleaned_data["file"]
    payments = read_payments(
        table_of(upload),
        villages=disbursements.villages_by_name_and_code(township),
        county_benefits=county_benefits(township),
    )
    return disbursements.import_disbursement(
        township=township,
        filename=upload.name or "",
        payments=payments,
        lists_from=form.cleaned_data["lists_from"],
        lists_to=form.cleaned_data["lists_to"],
        by=request.user,
        ip=client_ip(request),
    )


@staff_required
def detail(request, pk: int):
    disbursement = get_object_or_404(Disbursement.objects.select_related("township"), pk=pk)
    if not can(request.user, Action.OVERSEE, disbursement.township):
        raise Http404
    result = reconcile(disbursement)
    names = dict(disbursement.township.children.values_list("pk", "name"))
    reported = set(
        NonReceipt.objects.filter(village_id__in=names).values_list("recipient_id", flat=True)
    )
    context = {
        "disbursement": disbursement,
        "totals": [(names.get(t.village_id, ""), t) for t in result.totals],
        "mismatches": [
            (names.get(m.village_id, ""), m, m.listed and m.listed.recipient_id in reported)
            for m in result.mismatches
        ],
        "counts": {kind: sum(m.kind == kind for m in result.mismatches) for kind in KINDS},
    }
    return render(request, "benefits/staff/disbursement.html", context)


@staff_required
def deaths(request, code: str):
    """The township adds deaths from the population register, to find allowances listed after."""
    township = next((t for t in _townships(request.user) if t.code == code), None)
    if township is None:
        raise Http404
    form = DeathsForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            lines = read_deaths(table_of(form.cleaned_data["file"]))
        except ImportRefused as refused:
            problems = refused.problems
        else:
            added = import_deaths(
                township=township, lines=lines, by=request.user, ip=client_ip(request)
            )
            messages.success(request, _("%(count)d deaths added.") % {"count": added})
            return redirect("benefits_staff:disbursements")
    context = {"township": township, "form": form, "problems": problems, "deaths": True}
    return render(request, "benefits/staff/disbursement_import.html", context)
