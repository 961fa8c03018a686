"""The workspace start page's "red flags" line: how many flags the user's villages have."""

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing.tasks import Task
from disclosure.regions.access import Action, villages_for

from .services import flags_for


def flag_tasks(user) -> list[Task]:
    village_ids = list(villages_for(user, Action.VIEW_FLAGS).values_list("pk", flat=True))
    if not village_ids:
        return []
    count = len(flags_for(village_ids, clock.today()))
    return [Task(label=_("Red flags"), count=count, url=reverse("redflags_staff:index"))]
