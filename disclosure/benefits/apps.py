from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "disclosure.benefits"
    verbose_name = _("Policy benefits")
