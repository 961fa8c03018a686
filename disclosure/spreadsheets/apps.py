from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpreadsheetsConfig(AppConfig):
    # An app for its translations only: it has no models.
    name = "disclosure.spreadsheets"
    verbose_name = _("Spreadsheets")
