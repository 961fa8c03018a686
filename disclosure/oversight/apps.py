from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "disclosure.oversight"
    verbose_name = _("Township oversight")

    def ready(self):
        from disclosure.portal import slots
        from disclosure.publishing import records, tasks

        from .models import CorrectionOrder
        from .tasks import correction_orders

        tasks.register(correction_orders)
        records.register(
            "correction_order",
            model=CorrectionOrder,
            public=CorrectionOrder.objects.public,
            document=CorrectionOrder.record_document,
            describe=CorrectionOrder.describe,
            title=_("correction order"),
            related=["posting"],
        )
        slots.add("beside_posting", "oversight/includes/posting_note.html")
        slots.add("glance", "oversight/includes/glance_alerts.html")
