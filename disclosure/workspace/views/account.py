"""A staff member's own account: the code asked after the password, setting up the authenticator
app and recovery codes, and changing the password."""

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.publishing.audit import record
from disclosure.regions.accounts import second_factor_required
from disclosure.web.addresses import client_ip
from disclosure.web.decorators import staff_required

from .. import second_factor, throttling
from ..forms import CodeForm, paused
from .auth import next_page

SHOWN_CODES = "recovery_codes_to_show"


def verify(request):
    """The second step of a login: a code from the app, or a recovery code."""
    user = second_factor.waiting_user(request)
    if user is None:
        return redirect("workspace:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        paused_until = throttling.paused_until(user.username, client_ip(request))
        device = None
        if paused_until:
            throttling.record_refusal(user.username, client_ip(request))
            form.add_error(None, paused(paused_until))
        else:
            device = second_factor.check_code(request, user, form.cleaned_data["code"])
        if device is not None:
            second_factor.complete_login(request, user, device)
            return redirect(next_page(request))
        if not paused_until:
            form.add_error("code", _("This code is not right. Type the code the app shows now."))
    context = {"form": form, "demo_code": second_factor.demo_code(user)}
    return render(request, "workspace/verify.html", context)


def _enrolling_user(request):
    """Someone whose login waits for a second factor they must set up, or a signed-in staff
    member setting it up (or replacing the app) from their account page."""
    waiting = second_factor.waiting_user(request)
    if waiting is not None:
        return waiting
    user = request.user
    if user.is_authenticated and (not second_factor.has_second_factor(user) or user.is_verified()):
        return user
    return None


def enrol(request):
    user = _enrolling_user(request)
    if user is None:
        return redirect("workspace:login")
    form = CodeForm(request.POST or None)
    device = second_factor.app_device_to_confirm(user)
    if request.method == "POST" and device is not None and form.is_valid():
        codes = second_factor.confirm_app_device(device, form.cleaned_data["code"])
        if codes is not None:
            if not request.user.is_authenticated:
                second_factor.complete_login(request, user, device)
            request.session[SHOWN_CODES] = codes
            return redirect("workspace:recovery_codes")
        form.add_error("code", _("This code is not right. Type the code the app shows now."))
    if request.method == "GET" or device is None:
        device = second_factor.new_app_device(user)
    context = {
        "form": form,
        "qr": mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4)),  # noqa: S308
        "key": second_factor.key_in_base32(device),
    }
    return render(request, "workspace/enrol.html", context)


@staff_required
def recovery_codes(request):
    """Shown once, right after they are made; afterwards only new ones can be made."""
    codes = request.session.pop(SHOWN_CODES, None)
    if not codes:
        return redirect("workspace:account")
    return render(request, "workspace/recovery_codes.html", {"codes": codes})


@staff_required
@require_POST
def new_recovery_codes(request):
    if not request.user.is_verified():
        messages.error(request, _("Log in with your code first to make new recovery codes."))
        return redirect("workspace:account")
    request.session[SHOWN_CODES] = second_factor.new_recovery_codes(request.user)
    return redirect("workspace:recovery_codes")


@staff_required
def account(request):
    context = {
        "has_second_factor": second_factor.has_second_factor(request.user),
        "required": second_factor_required(request.user),
    }
    return render(request, "workspace/account.html", context)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "workspace/password.html"
    success_url = reverse_lazy("workspace:account")

    def form_valid(self, form):
        response = super().form_valid(form)
        record(by=self.request.user, action="staff.password_changed", ip=client_ip(self.request))
        messages.success(self.request, _("Your password is changed."))
        return response


password = staff_required(PasswordChangeView.as_view())
