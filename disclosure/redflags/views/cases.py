"""A flag's case: what the rule found, the history of its steps, the steps the user may take."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from disclosure import clock
from disclosure.regions.access import Action, can, scope
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import case_forms, lifecycle
from ..models import CaseStatus, FlagCase
from .flags import rule_title

# Each step: its form, its service, who may take it, and the states it starts from.
STEPS = {
    "acknowledge": (case_forms.AcknowledgeForm, lifecycle.acknowledge, Action.EXPLAIN_FLAGS,
                    (CaseStatus.OPEN,)),
    "rectify": (case_forms.RectifyForm, lifecycle.order_rectification, Action.RESOLVE_FLAGS,
                (CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED, CaseStatus.RECTIFIED)),
    "report": (case_forms.ReportForm, lifecycle.report_rectified, Action.EXPLAIN_FLAGS,
               (CaseStatus.RECTIFYING,)),
    "close": (case_forms.CloseForm, lifecycle.close, Action.RESOLVE_FLAGS,
              (CaseStatus.ACKNOWLEDGED, CaseStatus.RECTIFYING, CaseStatus.RECTIFIED)),
    "dismiss": (case_forms.DismissForm, lifecycle.dismiss, Action.RESOLVE_FLAGS,
                (CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED)),
    "reopen": (case_forms.ReopenForm, lifecycle.reopen, Action.RESOLVE_FLAGS,
               (CaseStatus.CLOSED, CaseStatus.DISMISSED)),
}  # fmt: skip
TITLES = {
    "acknowledge": gettext_lazy("Explain the flag"),
    "rectify": gettext_lazy("Order a rectification"),
    "report": gettext_lazy("Report the rectification"),
    "close": gettext_lazy("Close with a conclusion"),
    "dismiss": gettext_lazy("Dismiss as unfounded"),
    "reopen": gettext_lazy("Reopen"),
}


def _case_for(user, pk: int) -> FlagCase:
    cases = FlagCase.objects.select_related("village", "responsible", "posting")
    case = scope(cases, user, Action.VIEW_FLAGS).filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def _form(step: str, case, data=None):
    form_class = STEPS[step][0]
    if form_class is case_forms.RectifyForm:
        return form_class(data, case=case)
    return form_class(data)


def _open_forms(user, case) -> dict:
    return {
        step: _form(step, case)
        for step, (_form_class, _service, action, before) in STEPS.items()
        if case.status in before and can(user, action, case)
    }


def _render(request, case, forms: dict, status=200):
    context = {
        "case": case,
        "rule": rule_title(case.rule),
        "steps": lifecycle.steps_of(case),
        "conclusions": list(case.conclusions.all()),
        "overdue": case.overdue_on(clock.today()),
        "forms": [(step, TITLES[step], form) for step, form in forms.items()],
    }
    return render(request, "redflags/case.html", context, status=status)


@staff_required
def case(request, pk: int):
    found = _case_for(request.user, pk)
    return _render(request, found, _open_forms(request.user, found))


@staff_required
@require_POST
def step(request, pk: int, step: str):
    found = _case_for(request.user, pk)
    if step not in STEPS:
        raise Http404
    _form_class, service, action, _before = STEPS[step]
    if not can(request.user, action, found):
        raise PermissionDenied
    form = _form(step, found, request.POST)
    if form.is_valid():
        try:
            service(case=found, **form.cleaned_data, by=request.user, ip=client_ip(request))
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Saved. The step is in the flag's history."))
            return redirect("redflags_staff:case", found.pk)
    forms = {**_open_forms(request.user, found), step: form}
    return _render(request, found, forms, status=400)
