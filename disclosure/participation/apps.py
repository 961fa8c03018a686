from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "disclosure.participation"
    verbose_name = _("Questions and ratings")

    def ready(self):
        from disclosure.portal import slots
        from disclosure.publishing import records, tasks

        from .models import Question
        from .tasks import waiting_questions

        tasks.register(waiting_questions)
        records.register(
            "question",
            model=Question,
            public=Question.objects.public,
            document=Question.record_document,
            describe=Question.describe,
            title=_("question"),
            related=["posting", "subject_type"],
        )
        slots.add("beside_posting", "participation/includes/beside_posting.html")
