"""The questions and ratings a staff member works on, each list scoped by the one access module."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from disclosure.publishing.models import Posting
from disclosure.regions.access import Action, regions_for, scope

from .models import Question, QuestionStatus, Rating

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


def overdue_overseen(user, today) -> QuerySet[Question]:
    return scope(_questions().overdue(today).order_by("due_on", "pk"), user, Action.OVERSEE)


def recently_done(user) -> QuerySet[Question]:
    done = _questions().filter(status__in=[QuestionStatus.ANSWERED, QuestionStatus.REJECTED])
    done = done.order_by("-asked_at", "-pk")
    return scope(done, user, Action.ANSWER_QUESTIONS)[:RECENT]


def may_read_ratings(user) -> bool:
    """The village's staff and the township read rating comments; nobody else."""
    return bool(regions_for(user, Action.ANSWER_QUESTIONS) or regions_for(user, Action.OVERSEE))


def rating_comments(user) -> QuerySet[Rating]:
    ratings = Rating.objects.exclude(comment="").select_related("village", "posting__current")
    answerable = scope(ratings, user, Action.ANSWER_QUESTIONS).values("pk")
    overseen = scope(ratings, user, Action.OVERSEE).values("pk")
    return ratings.filter(Q(pk__in=answerable) | Q(pk__in=overseen))[: RECENT * 3]


def rated_periods(user) -> QuerySet[Posting]:
    """Finance periods with ratings in villages whose ratings the user may read, newest first."""
    rated = Posting.objects.filter(Exists(Rating.objects.filter(posting=OuterRef("pk"))))
    rated = rated.select_related("village", "current").order_by("-first_published_at", "-pk")
    answerable = scope(rated, user, Action.ANSWER_QUESTIONS).values("pk")
    overseen = scope(rated, user, Action.OVERSEE).values("pk")
    return rated.filter(Q(pk__in=answerable) | Q(pk__in=overseen))
