"""The supervision committee lists or rejects objections; the clerk or a supervisor answers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.regions.access import Action, get_for_user
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from .. import objections
from ..forms import AnswerForm
from ..models import Objection


def _objection(request, pk: int, action: Action) -> Objection:
    return get_for_user(Objection.objects.select_related("matter"), request.user, action, pk=pk)


@staff_required
@require_POST
def moderate(request, pk: int):
    objection = _objection(request, pk, Action.REVIEW)
    approve = request.POST.get("decision") == "approve"
    try:
        objections.moderate_objection(
            objection=objection, approve=approve, by=request.user, ip=client_ip(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The objection is listed publicly.")
            if approve
            else _("The objection is not listed."),
        )
    return redirect("decisions_staff:matter", objection.matter_id)


@staff_required
@require_POST
def answer(request, pk: int):
    objection = _objection(request, pk, Action.VIEW_DRAFTS)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please write the answer."))
        return redirect("decisions_staff:matter", objection.matter_id)
    try:
        objections.answer_objection(
            objection=objection,
            text=form.cleaned_data["answer"],
            by=request.user,
            ip=client_ip(request),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The answer is published beside the objection."))
    return redirect("decisions_staff:matter", objection.matter_id)
