"""Recording one of the four discussions, with the rule that will judge it shown on the form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from disclosure.regions.access import Action
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import rules, services
from ..forms import StageForm
from ..models import STAGE_NAMES, Body
from .common import matter_for


def rules_of_stage(number: int) -> list[tuple[str, str, str]]:
    """For each meeting that may hold the stage: its name, its quorum and the majority needed."""
    return [
        (Body(body).label, rules.quorum(body).describe(), rules.majority().describe())
        for body in rules.BODIES_OF_STAGE[number]
    ]


@staff_required
def record_stage(request, pk: int):
    matter = matter_for(request, pk, Action.DRAFT)
    number = rules.next_stage(list(matter.stages.all()))
    if number is None or matter.resolution_id:
        messages.error(request, _("All four discussions have been held and the resolution passed."))
        return redirect("decisions_staff:matter", matter.pk)
    form = StageForm(number, request.POST or None)
    if form.is_valid():
        try:
            stage = services.record_stage(
                matter=matter,
                figures=form.figures(),
                minutes=form.cleaned_data["minutes"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            level = messages.SUCCESS if stage.passed else messages.WARNING
            messages.add_message(request, level, stage.outcome)
            return redirect("decisions_staff:matter", matter.pk)
    context = {
        "matter": matter,
        "number": number,
        "stage_name": STAGE_NAMES[number],
        "rules": rules_of_stage(number),
        "form": form,
    }
    return render(request, "decisions/staff/stage.html", context)
