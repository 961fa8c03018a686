from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "disclosure.decisions"
    verbose_name = _("Major decisions")

    def ready(self):
        from django.core import checks

        from . import kinds, rules

        kinds.register()
        checks.register(rules.check_settings)
