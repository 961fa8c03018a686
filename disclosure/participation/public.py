"""What villagers see of questions: only those the supervision committee listed."""

from django.db.models import Count, QuerySet, Window

from .models import Question
from .subjects import POSTING, Subject


def posting_questions(posting) -> QuerySet[Question]:
    """Listed questions shown on a posting's page: about it, its entries, or its matter."""
    return Question.objects.public().filter(posting=posting)


def questions_about(subject: Subject) -> QuerySet[Question]:
    """A posting's page gathers every question it shows; an entry or a matter its own."""
    if subject.kind == POSTING:
        return posting_questions(subject.obj)
    return Question.objects.public().filter(
        subject_type=subject.content_type, subject_id=subject.obj.pk
    )


def matter_questions(matter) -> QuerySet[Question]:
    # Named through the join, so the page spends no query on looking up the content type.
    return Question.objects.public().filter(
        subject_type__app_label="decisions", subject_type__model="matter", subject_id=matter.pk
    )


def latest(questions: QuerySet[Question], limit: int) -> tuple[list[Question], int]:
    """The newest questions and how many there are in all, in one query."""
    rows = list(questions.annotate(total=Window(Count("pk")))[:limit])
    return rows, rows[0].total if rows else 0
