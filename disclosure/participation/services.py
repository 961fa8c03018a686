"""Figures of questions and ratings per village, for the township's dashboard and the portal.

Each function answers for every id asked for (zeros when there is nothing) in a constant number
of queries, however many villages, and returns no personal data.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, QuerySet

from .models import Question, QuestionStatus, Rating, RatingChoice


@dataclass(frozen=True)
class QuestionCounts:
    pending: int = 0
    open: int = 0
    overdue: int = 0
    answered: int = 0
    answered_late: int = 0
    # Awaiting moderation past the committee's deadline; not listed (with a reason).
    listing_overdue: int = 0
    rejected: int = 0

    @property
    def late(self) -> int:
        """Questions left past a deadline: the committee's, or the answer's."""
        return self.overdue + self.listing_overdue


def question_counts(village_ids: Iterable[int], today: date) -> dict[int, QuestionCounts]:
    """Per village: awaiting moderation, listed and unanswered, of those past due, answered,
    answered after their due date, awaiting moderation past the committee's deadline, and not
    listed."""
    ids = list(village_ids)
    status = QuestionStatus
    rows = (
        Question.objects.filter(village_id__in=ids)
        .values("village_id")
        .annotate(
            pending=Count("pk", filter=Q(status=status.PENDING)),
            open=Count("pk", filter=Q(status=status.LISTED)),
            overdue=Count("pk", filter=Q(status=status.LISTED, due_on__lt=today)),
            answered=Count("pk", filter=Q(status=status.ANSWERED)),
            answered_late=Count(
                "pk", filter=Q(status=status.ANSWERED, answered_at__date__gt=F("due_on"))
            ),
            listing_overdue=Count("pk", filter=Q(status=status.PENDING, list_by__lt=today)),
            rejected=Count("pk", filter=Q(status=status.REJECTED)),
        )
        .order_by()
    )
    counts = {village_id: QuestionCounts() for village_id in ids}
    for row in rows:
        village_id = row.pop("village_id")
        counts[village_id] = QuestionCounts(**row)
    return counts


def overdue_questions(village_ids: Iterable[int], today: date) -> QuerySet[Question]:
    """Listed questions still unanswered after their due date, the longest overdue first."""
    return (
        Question.objects.overdue(today)
        .filter(village_id__in=list(village_ids))
        .select_related("village")
        .order_by("due_on", "pk")
    )


def listing_overdue_questions(village_ids: Iterable[int], today: date) -> QuerySet[Question]:
    """Questions the committee has neither listed nor rejected by its deadline, oldest first."""
    return (
        Question.objects.listing_overdue(today)
        .filter(village_id__in=list(village_ids))
        .select_related("village")
        .order_by("list_by", "pk")
    )


def rejected_questions(village_ids: Iterable[int]) -> QuerySet[Question]:
    """Questions the committee did not list, with its reasons, the newest first."""
    return (
        Question.objects.filter(village_id__in=list(village_ids), status=QuestionStatus.REJECTED)
        .select_related("village")
        .order_by("-rejected_at", "-pk")
    )


@dataclass(frozen=True)
class RatingSummary:
    satisfied: int = 0
    basically_satisfied: int = 0
    not_satisfied: int = 0
    total: int = 0
    satisfied_share: Decimal | None = None

    @classmethod
    def of(cls, satisfied: int, basically_satisfied: int, not_satisfied: int) -> "RatingSummary":
        total = satisfied + basically_satisfied + not_satisfied
        return cls(
            satisfied,
            basically_satisfied,
            not_satisfied,
            total,
            share(satisfied + basically_satisfied, total),
        )

    def shares(self) -> list[tuple[str, int, Decimal | None]]:
        """Each choice with its count and its per cent of all ratings, for the public table."""
        counts = [self.satisfied, self.basically_satisfied, self.not_satisfied]
        return [
            (label, count, share(count, self.total))
            for (_, label), count in zip(RatingChoice.choices, counts, strict=True)
        ]


def share(part: int, total: int) -> Decimal | None:
    if not total:
        return None
    return (Decimal(part) * 100 / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


_BY_CHOICE = {choice: Count("pk", filter=Q(choice=choice)) for choice in RatingChoice.values}


def _summaries(ratings: QuerySet, key: str, ids: list[int]) -> dict[int, RatingSummary]:
    rows = ratings.filter(**{f"{key}__in": ids}).values(key).annotate(**_BY_CHOICE).order_by()
    summaries = {pk: RatingSummary() for pk in ids}
    for row in rows:
        pk = row.pop(key)
        summaries[pk] = RatingSummary.of(**row)
    return summaries


def rating_summary(
    village_ids: Iterable[int], since: date | None = None
) -> dict[int, RatingSummary]:
    """Per village, the ratings of its periods' disclosures (those given since a day, if said)."""
    ratings = Rating.objects.all()
    if since is not None:
        ratings = ratings.filter(rated_at__date__gte=since)
    return _summaries(ratings, "village_id", list(village_ids))


def period_ratings(posting_ids: Iterable[int]) -> dict[int, RatingSummary]:
    """Per finance period posting, its ratings."""
    return _summaries(Rating.objects.all(), "posting_id", list(posting_ids))
