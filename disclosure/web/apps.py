from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    # An app for its translations only: it has no models, views or templates.
    name = "disclosure.web"
    verbose_name = _("Shared web code")
