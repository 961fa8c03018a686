"""Signing in and out. Failed logins are counted and, past the limit, paused (see throttling);
an account with a second factor, or one that must have it, finishes logging in with a code."""

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from disclosure.web.addresses import client_ip

from .. import second_factor, throttling
from ..forms import LoginForm

NEXT = "second_factor_next"


class LoginView(auth_views.LoginView):
    template_name = "workspace/login.html"
    authentication_form = LoginForm

    def form_valid(self, form):
        user = form.get_user()
        if second_factor.needs_second_factor(user):
            second_factor.wait_for_code(self.request, user)
            self.request.session[NEXT] = self.get_redirect_url()
            if second_factor.has_second_factor(user):
                return redirect("workspace:verify")
            return redirect("workspace:enrol")
        throttling.record_success(user, client_ip(self.request))
        return super().form_valid(form)


def next_page(request) -> str:
    """Where the staff member was going before the code was asked for."""
    target = request.session.pop(NEXT, "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return "workspace:home"


login = LoginView.as_view()
logout = auth_views.LogoutView.as_view()
