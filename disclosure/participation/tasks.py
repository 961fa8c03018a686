"""What waits for a staff member among questions, for the workspace's start page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing.tasks import Task

from . import selectors


def waiting_questions(user) -> list[Task]:
    url = reverse("participation_staff:index")
    today = clock.today()
    return [
        Task(_("Questions to review"), selectors.to_moderate(user).count(), url + "#moderate"),
        Task(_("Questions to answer"), selectors.to_answer(user).count(), url + "#answer"),
        Task(
            _("Questions overdue in the villages you oversee"),
            selectors.overdue_overseen(user, today).count(),
            url + "#overdue",
        ),
    ]
