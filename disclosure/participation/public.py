"""What villagers see of questions: only those the supervision committee listed."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

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
    return Question.objects.public().filter(
        subject_type=ContentType.objects.get_for_model(matter), subject_id=matter.pk
    )
