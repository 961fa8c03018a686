"""Reading questions and ratings: what villagers see (only questions the supervision committee
listed), and what a staff member works on (each list scoped by the one access module)."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Window

from disclosure.publishing.models import Posting
from disclosure.regions.access import Action, regions_for, scope

from .models import Question, QuestionStatus, Rating
from .subjects import POSTING, Subject

RECENT = 30


def _questions() -> QuerySet[Question]:
    return Question.objects.select_related("village")


def to_moderate(user) -> QuerySet[Question]:
    pending = _questions().filter(status=QuestionStatus.PENDING).order_by("asked_at", "pk")
    return scope(pending, user, Action.MODERATE_QUESTIONS)


def to_answer(user) -> QuerySet[Question]:
    """Listed and unanswered, the answer due soonest (or overdue longest) first."""
    listed = _questions().filter(status=QuestionStatus.LISTED).order_by("due_on", "pk")
    return scope(listed, user, Action.ANSWER_QUESTIONS)


def _overseen(queryset: QuerySet, user) -> QuerySet:
    """Rows of villages the user oversees from a township or the county.

    Oversight is held above a village: a role wrongly given on a village oversees nothing.
    """
    condition = Q()
    for node in regions_for(user, Action.OVERSEE):
        if not node.is_village:
            condition |= Q(village__code__startswith=node.prefix)
    return queryset.filter(condition) if condition else queryset.none()


def overdue_overseen(user, today) -> QuerySet[Question]:
    return _overseen(_questions().overdue(today).order_by("due_on", "pk"), user)


def recently_done(user) -> QuerySet[Question]:
    done = _questions().filter(status__in=[QuestionStatus.ANSWERED, QuestionStatus.REJECTED])
    done = done.order_by("-asked_at", "-pk")
    return scope(done, user, Action.ANSWER_QUESTIONS)[:RECENT]


def oversees(user) -> bool:
    return any(not node.is_village for node in regions_for(user, Action.OVERSEE))


def may_read_ratings(user) -> bool:
    """The village's staff and the township read rating comments; nobody else."""
    return bool(regions_for(user, Action.ANSWER_QUESTIONS)) or oversees(user)


def rating_comments(user) -> QuerySet[Rating]:
    ratings = Rating.objects.exclude(comment="").select_related("village", "posting__current")
    answerable = scope(ratings, user, Action.ANSWER_QUESTIONS).values("pk")
    overseen = _overseen(ratings, user).values("pk")
    return ratings.filter(Q(pk__in=answerable) | Q(pk__in=overseen))[: RECENT * 3]


def rated_periods(user) -> QuerySet[Posting]:
    """Finance periods with ratings in villages whose ratings the user may read, newest first."""
    rated = Posting.objects.filter(Exists(Rating.objects.filter(posting=OuterRef("pk"))))
    rated = rated.select_related("village", "current").order_by("-first_published_at", "-pk")
    answerable = scope(rated, user, Action.ANSWER_QUESTIONS).values("pk")
    overseen = _overseen(rated, user).values("pk")
    return rated.filter(Q(pk__in=answerable) | Q(pk__in=overseen))


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
