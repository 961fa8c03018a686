"""Ordering a correction of a posting, and the list of orders for the staff they concern."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.publishing.models import Posting
from disclosure.regions.access import Action, get_for_user, scope, villages_for
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import orders
from ..models import CorrectionOrder

ORDERS_SHOWN = 100


class OrderForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("What must be corrected"),
        help_text=gettext_lazy("Villagers will read this on the posting's page."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=orders.REASON_MAX_CHARS,
    )


@staff_required
def order(request, code: str):
    postings = Posting.objects.select_related("village", "current")
    posting = get_for_user(postings, request.user, Action.ORDER_CORRECTION, code=code)
    form = OrderForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            orders.order_correction(
                posting=posting,
                reason=form.cleaned_data["reason"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("The correction is ordered. Villagers see it on the posting until it is done."),
            )
            return redirect("oversight_staff:village", posting.village.code)
    context = {"posting": posting, "form": form, "existing": orders.orders_of(posting)}
    return render(request, "oversight/order_form.html", context)


def _visible_orders(user):
    everything = CorrectionOrder.objects.with_closure()
    return scope(everything, user, Action.VIEW_DRAFTS) | scope(everything, user, Action.OVERSEE)


@staff_required
def order_list(request):
    rows = list(
        _visible_orders(request.user)
        .select_related("village", "posting__current")
        .order_by("-ordered_at", "-pk")[:ORDERS_SHOWN]
    )
    correcting = set(villages_for(request.user, Action.CORRECT).values_list("pk", flat=True))
    for row in rows:
        row.may_correct = row.is_open and row.village_id in correcting
    return render(request, "oversight/orders.html", {"orders": rows})
