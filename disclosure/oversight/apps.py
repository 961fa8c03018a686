from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "disclosure.oversight"
    verbose_name = _("Township oversight")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from disclosure.publishing import records, tasks
        from disclosure.redflags.models import Cadre, Relative

        from .models import CorrectionOrder
        from .summaries import forget_village
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
        for register in (Cadre, Relative):
            for signal in (post_save, post_delete):
                signal.connect(forget_village, sender=register)
