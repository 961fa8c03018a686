"""Questions left past a deadline go up to the township: one left by the supervision committee
neither listed nor rejected in time, and one listed and not answered in time. The township's
overseers are told once for each deadline missed (the daily job, jobs.py)."""

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.db.models import Q

from disclosure.publishing.notify import notify
from disclosure.regions.access import Action

from .models import Question, QuestionStatus
from .questions import staff_url


@transaction.atomic
def escalate_late_questions(*, today: date) -> int:
    """Tell the township of each question newly past a deadline; returns how many."""
    late = (
        Question.objects.select_for_update(of=("self",))
        .filter(escalated_on=None)
        .filter(
            Q(status=QuestionStatus.PENDING, list_by__lt=today)
            | Q(status=QuestionStatus.LISTED, due_on__lt=today)
        )
        .select_related("village")
        .order_by("village_id", "pk")
    )
    by_village = defaultdict(list)
    for question in late:
        by_village[question.village].append(question)
    for village, found in by_village.items():
        notify(
            Action.OVERSEE,
            village,
            "participation/emails/questions_escalated.txt",
            {"village": village, "questions": [(q, staff_url(q)) for q in found]},
        )
    escalated = [question for found in by_village.values() for question in found]
    Question.objects.filter(pk__in=[q.pk for q in escalated]).update(escalated_on=today)
    return len(escalated)
