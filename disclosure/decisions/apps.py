from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "disclosure.decisions"
    verbose_name = _("Major decisions")

    def ready(self):
        from . import kinds

        kinds.register()
