"""查询本户: the household lookup and "I did not receive this".

Nothing here may be kept by any cache or indexed: every response is private and marked noindex,
the answer is the result of a POST and never has an address of its own. The entries a household
proved are remembered in its session only, so that it can report one of them.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from disclosure.reports import codes
from disclosure.reports.web import private
from disclosure.web.addresses import client_ip
from disclosure.web.forms import show_refusal

from .. import household
from ..forms import HouseholdForm, NotReceivedForm

PROVEN_KEY = "benefits_household"
REPORTED_KEY = "benefits_reported"


def _render(request, context, status=200):
    response = render(request, "benefits/household.html", context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return private(response)


@require_http_methods(["GET", "POST"])
def lookup(request):
    if request.method == "GET":
        return _render(request, {"form": HouseholdForm()})
    form = HouseholdForm(request.POST)
    if not form.is_valid():
        return _render(request, {"form": form}, status=400)
    if form.is_robot():
        return _render(request, {"form": HouseholdForm(), "searched": True, "entries": []})
    try:
        entries = household.find_household(
            name=form.cleaned_data["name"],
            identity_number=form.cleaned_data["identity_number"],
            code=form.cleaned_data["code"],
            ip=client_ip(request),
        )
    except ValidationError as error:
        show_refusal(form, error)
        return _render(request, {"form": form}, status=400)
    request.session[PROVEN_KEY] = [entry.recipient_id for entry in entries]
    context = {
        "form": HouseholdForm(),
        "searched": True,
        "entries": entries,
        "report_form": NotReceivedForm(),
    }
    return _render(request, context)


@require_http_methods(["POST"])
def not_received(request):
    form = NotReceivedForm(request.POST)
    proven = request.session.get(PROVEN_KEY, [])
    if not form.is_valid():
        return redirect("benefits:household")
    try:
        _, code = household.report_not_received(
            recipient_id=form.cleaned_data["entry"],
            proven=proven,
            note=form.cleaned_data["note"],
            ip=client_ip(request),
        )
    except ValidationError as error:
        context = {"form": HouseholdForm(), "refusal": " ".join(error.messages)}
        return _render(request, context, status=400)
    request.session[PROVEN_KEY] = []
    return _render(request, {"form": HouseholdForm(), "tracking_code": codes.shown(code)})
