from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedflagsConfig(AppConfig):
    name = "disclosure.redflags"
    verbose_name = _("Red flags and declared relatives")

    def ready(self):
        from disclosure.portal import slots
        from disclosure.publishing import records, tasks

        from .models import Conclusion
        from .tasks import flag_tasks

        tasks.register(flag_tasks)
        records.register(
            "flag_conclusion",
            model=Conclusion,
            public=Conclusion.objects.public,
            document=Conclusion.record_document,
            describe=Conclusion.describe,
            title=_("conclusion on a red flag"),
            related=["posting"],
        )
        slots.add("beside_posting", "redflags/includes/posting_note.html")
