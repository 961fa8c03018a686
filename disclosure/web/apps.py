from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    # Its one model is the limiter's table of attempts (limits.py).
    name = "disclosure.web"
    verbose_name = _("Shared web code")
