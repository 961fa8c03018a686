from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScaleConfig(AppConfig):
    name = "prefecture"
    verbose_name = _("Prefecture-scale data")
