"""The workspace start page's "red flags" line: the flags waiting for this person's step."""

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing.tasks import Task
from disclosure.regions.access import Action, villages_for

from .cases import WAITING_FOR_TOWNSHIP, WAITING_FOR_VILLAGE, rows_for
from .models import CaseStatus


def _ids(user, action) -> set[int]:
    return set(villages_for(user, action).values_list("pk", flat=True))


def waits_for(user, case, *, explaining: set, resolving: set, today) -> bool:
    """Whether the case waits for the user: the village's explanation or report of what was
    done, or the township's decision, or its word on a rectification past its deadline."""
    if case.village_id in explaining:
        if case.status in WAITING_FOR_VILLAGE:
            return True
        if case.status == CaseStatus.RECTIFYING and case.responsible_id == user.pk:
            return True
    if case.village_id in resolving:
        return case.status in WAITING_FOR_TOWNSHIP or case.overdue_on(today)
    return False


def flag_tasks(user) -> list[Task]:
    explaining, resolving = _ids(user, Action.EXPLAIN_FLAGS), _ids(user, Action.RESOLVE_FLAGS)
    if not explaining | resolving:
        return []
    today = clock.today()
    # The start page only counts: the flags pages and the daily job give new flags their cases.
    rows = rows_for(explaining | resolving, today, record=False)
    count = sum(
        1
        for row in rows
        if waits_for(user, row.case, explaining=explaining, resolving=resolving, today=today)
    )
    return [Task(label=_("Red flags"), count=count, url=reverse("redflags_staff:index"))]
