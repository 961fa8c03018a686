from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "disclosure.decisions"
    verbose_name = _("Major decisions")

    def ready(self):
        from django.core import checks

        from disclosure.portal import slots
        from disclosure.publishing import records
        from disclosure.publishing.catalogue import Section

        from . import kinds, rules
        from .models import ImplementationLink, MatterFile, Objection, ProgressUpdate

        kinds.register()
        checks.register(rules.check_settings)
        records.register(
            "objection",
            model=Objection,
            public=Objection.objects.public,
            document=Objection.record_document,
            describe=Objection.describe,
            title=_("objection"),
            related=["matter"],
        )
        records.register(
            "progress",
            model=ProgressUpdate,
            public=ProgressUpdate.objects.public,
            document=ProgressUpdate.record_document,
            describe=ProgressUpdate.describe,
            title=_("progress update"),
            parts={MatterFile: "progress", ImplementationLink: "progress"},
            files=ProgressUpdate.stored_files,
            related=["matter"],
        )
        slots.add(
            "section_end", "decisions/public/includes/village_link.html", section=Section.DECISIONS
        )
