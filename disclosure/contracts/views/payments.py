"""Recording payments against a published contract, and reversing a mistaken one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure import clock
from disclosure.publishing.models import Posting
from disclosure.regions.access import Action, can, get_for_user
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required
from disclosure.web.forms import show_refusal

from .. import selectors, services
from ..forms import PaymentForm, ReversalForm
from ..models import Payment

CONTRACTS = Posting.objects.filter(kind="contract").select_related("village", "current")


def _page(request, posting, form):
    contract = getattr(posting.current, "contract", None) if posting.current else None
    payments = posting.payments.select_related("recorded_by", "reverses").order_by("pk")
    context = {
        "posting": posting,
        "village": posting.village,
        "contract": contract,
        "standing": contract
        and selectors.standing_of(contract, selectors.paid_for(posting), clock.today()),
        "payments": payments,
        "reversed": set(payments.filter(reverses__isnull=False).values_list("reverses", flat=True)),
        "form": form,
        "may_record": can(request.user, Action.DRAFT, posting) and posting.status == "published",
    }
    return render(request, "contracts/staff/payments.html", context)


@staff_required
def payments(request, code: str):
    action = Action.DRAFT if request.method == "POST" else Action.VIEW_DRAFTS
    posting = get_for_user(CONTRACTS, request.user, action, code=code.upper())
    if request.method != "POST":
        return _page(request, posting, PaymentForm())
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            services.record_payment(
                posting=posting, by=request.user, ip=client_ip(request), **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Payment recorded. Villagers see it at once."))
            return redirect("contracts_staff:payments", posting.code)
    return _page(request, posting, form)


@staff_required
@require_POST
def reverse(request, pk: int):
    payment = get_for_user(
        Payment.objects.select_related("posting", "village"), request.user, Action.DRAFT, pk=pk
    )
    form = ReversalForm(request.POST)
    if form.is_valid():
        try:
            services.reverse_payment(
                payment=payment,
                reason=form.cleaned_data["reason"],
                by=request.user,
                ip=client_ip(request),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The payment has been reversed; both entries stay on record.")
            )
    else:
        messages.error(request, _("Say why the payment is reversed."))
    return redirect("contracts_staff:payments", payment.posting.code)
