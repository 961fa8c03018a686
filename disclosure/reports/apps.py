from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "disclosure.reports"
    verbose_name = _("Reports")

    def ready(self):
        from disclosure.portal import slots
        from disclosure.publishing.tasks import register

        from .tasks import new_reports

        register(new_reports)
        slots.add("glance_ask", "reports/includes/glance_links.html")
