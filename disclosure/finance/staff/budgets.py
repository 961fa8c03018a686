"""The budget of a year: amounts per category, then the normal lifecycle."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from disclosure.regions.access import Action
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from ..forms import BudgetForm
from ..services.budgets import budget_vs_actual, save_budget
from .common import village_for


@staff_required
def budget(request, code: str, year: int):
    village = village_for(request, code, Action.DRAFT)
    form = BudgetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            revision = save_budget(
                village=village,
                year=year,
                amounts=form.amounts(),
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The budget is saved as a draft. Submit it for sign-off."))
            return redirect("workspace:revision", revision.pk)
    context = {
        "village": village,
        "year": year,
        "form": form,
        "comparison": budget_vs_actual(village=village, year=year),
    }
    return render(request, "finance/staff/budget.html", context)
