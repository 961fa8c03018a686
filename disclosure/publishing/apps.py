from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "disclosure.publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from disclosure.regions.admin import CountsPublicChanges

        from . import changes, kinds

        CountsPublicChanges.count_row = staticmethod(changes.count_row)
        kinds.register_own_kinds()
