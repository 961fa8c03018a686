"""Villagers' pages: file a report, receive its code once, follow it by the code.

None of these pages may be cached anywhere: each carries a form token, a code or a report's
status, meant for one person only.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from disclosure.portal.http import absolute_url
from disclosure.regions.models import Level, Region
from disclosure.web.addresses import client_ip
from disclosure.web.forms import show_refusal

from . import codes, services
from .forms import ReportForm, TownshipForm, TrackForm
from .web import private

RECEIPT_KEY = "reports_receipt"
NO_SUCH_CODE = _(
    "No report has this code. Please check it: 12 letters and digits, like JB7K-MQ4P-X2HR."
)


def _chosen(request) -> tuple[Region | None, Region | None]:
    """The township asked for, and the village when a village page led here."""
    params = request.GET
    village = Region.objects.villages().filter(code=params.get("village", "")).first()
    if village is not None:
        return village.parent, village
    township = Region.objects.filter(level=Level.TOWNSHIP, code=params.get("township", ""))
    return township.select_related("parent").first(), None


def _townships():
    return Region.objects.filter(level=Level.TOWNSHIP).select_related("parent").order_by("code")


@require_http_methods(["GET", "POST"])
def report(request):
    township, village = _chosen(request)
    if township is None:
        form = TownshipForm(townships=_townships())
        return private(render(request, "reports/choose_township.html", {"form": form}))
    villages = list(township.children.filter(level=Level.VILLAGE).order_by("code"))
    if request.method == "GET":
        initial = {"village": village.code} if village else {}
        form = ReportForm(villages=villages, initial=initial)
        return _render_form(request, township, form)
    form = ReportForm(request.POST, request.FILES, villages=villages)
    if form.is_valid():
        if form.is_robot():
            return redirect("reports:receipt")
        try:
            _, code = services.file_report(
                filing=form.filing(), uploads=form.cleaned_data["files"], ip=client_ip(request)
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            request.session[RECEIPT_KEY] = code
            return redirect("reports:receipt")
    return _render_form(request, township, form, status=400)


def _render_form(request, township, form, status=200):
    context = {"township": township, "form": form, "files_max": services.FILES_MAX}
    return private(render(request, "reports/report.html", context, status=status))


def receipt(request):
    """The tracking code, shown once: it is kept nowhere else, so it cannot be shown again."""
    code = request.session.pop(RECEIPT_KEY, None)
    context = {
        "code": codes.shown(code) if code else None,
        "track_url": absolute_url(request, reverse("reports:track")),
    }
    return private(render(request, "reports/receipt.html", context))


@require_http_methods(["GET", "POST"])
def track(request):
    if request.method == "GET":
        return private(render(request, "reports/track.html", {"form": TrackForm()}))
    form = TrackForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            found = services.track(form.cleaned_data["code"], ip=client_ip(request))
        except ValidationError as error:
            form.add_error(None, error)
            status = 429
        else:
            if found is not None:
                return _render_status(request, found)
            form.add_error("code", NO_SUCH_CODE)
    return private(render(request, "reports/track.html", {"form": form}, status=status))


def _render_status(request, found):
    context = {
        "report": found,
        "history": services.public_history(found),
        "track_url": reverse("reports:track"),
    }
    return private(render(request, "reports/status.html", context))
