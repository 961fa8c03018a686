from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "disclosure.publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from . import kinds

        kinds.register_power_list()
