"""What oversight puts on a staff member's start page (publishing.tasks)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.participation.services import question_counts
from disclosure.publishing.tasks import Task
from disclosure.regions.access import Action, regions_for, scope, villages_for

from .models import CorrectionOrder


def correction_orders(user) -> list[Task]:
    """Orders not yet carried out, for those who publish the corrections."""
    if not regions_for(user, Action.CORRECT):
        return []
    count = scope(CorrectionOrder.objects.open(), user, Action.CORRECT).count()
    url = reverse("oversight_staff:orders")
    return [Task(_("Correction orders from the township"), count, url)]


def overdue_questions(user) -> list[Task]:
    """Questions left unanswered past their deadline, for those who oversee the villages."""
    if not [node for node in regions_for(user, Action.OVERSEE) if not node.is_village]:
        return []
    ids = list(villages_for(user, Action.OVERSEE).values_list("pk", flat=True))
    counts = question_counts(ids, timezone.localdate())
    count = sum(counts[pk].overdue for pk in ids)
    return [Task(_("Questions overdue for an answer"), count, reverse("oversight_staff:index"))]
