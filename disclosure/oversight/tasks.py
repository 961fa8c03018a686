"""What oversight puts on a staff member's start page (publishing.tasks). Overdue questions
are there already, from the participation app."""

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.publishing.tasks import Task
from disclosure.regions.access import Action, regions_for, scope

from .models import CorrectionOrder


def correction_orders(user) -> list[Task]:
    """Orders not yet carried out, for those who publish the corrections."""
    if not regions_for(user, Action.CORRECT):
        return []
    count = scope(CorrectionOrder.objects.open(), user, Action.CORRECT).count()
    url = reverse("oversight_staff:orders")
    return [Task(_("Correction orders from the township"), count, url)]
