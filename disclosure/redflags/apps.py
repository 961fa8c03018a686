from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedflagsConfig(AppConfig):
    name = "disclosure.redflags"
    verbose_name = _("Red flags and declared relatives")

    def ready(self):
        from disclosure.publishing import tasks

        from .tasks import flag_tasks

        tasks.register(flag_tasks)
