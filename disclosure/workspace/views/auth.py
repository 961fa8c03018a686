"""Signing in and out. Failed logins are counted and, past the limit, paused (see throttling)."""

from django.contrib.auth import views as auth_views

from disclosure.web.addresses import client_ip

from .. import throttling
from ..forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "workspace/login.html"
    authentication_form = LoginForm

    def form_valid(self, form):
        throttling.record_success(form.get_user(), client_ip(self.request))
        return super().form_valid(form)


login = LoginView.as_view()
logout = auth_views.LogoutView.as_view()
