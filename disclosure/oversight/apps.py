from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "disclosure.oversight"
    verbose_name = _("Township oversight")

    def ready(self):
        from disclosure.publishing import tasks

        from .tasks import correction_orders

        tasks.register(correction_orders)
