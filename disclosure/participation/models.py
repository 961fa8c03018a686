"""Villagers' questions (质询) about what the village published, and their ratings (满意度测评).

Neither needs an account. The asker's network address is kept only as a keyed hash, enough to
limit how often one address may write and no more.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from disclosure.publishing import records
from disclosure.publishing.masking import mask_name
from disclosure.publishing.models import Posting
from disclosure.regions.models import VillageOwned


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    LISTED = "listed", _("Listed, awaiting an answer")
    ANSWERED = "answered", _("Answered")
    REJECTED = "rejected", _("Not listed")


class QuestionQuerySet(models.QuerySet):
    def public(self):
        """What villagers see: questions the supervision committee listed, answered or not."""
        return self.filter(status__in=[QuestionStatus.LISTED, QuestionStatus.ANSWERED])

    def overdue(self, today):
        return self.filter(status=QuestionStatus.LISTED, due_on__lt=today)

    def listing_overdue(self, today):
        """Questions the supervision committee has neither listed nor rejected in time."""
        return self.filter(status=QuestionStatus.PENDING, list_by__lt=today)


class Question(VillageOwned):
    """A villager's question about a posting, a ledger entry or a major matter.

    Once answered, question and answer are permanent: a database trigger refuses to change or
    delete them (migration 0002).
    """

    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind of subject")
    )
    subject_id = models.PositiveBigIntegerField(_("subject"))
    subject = GenericForeignKey("subject_type", "subject_id")
    # The posting whose page shows the question; a matter without a published resolution has none.
    posting = models.ForeignKey(
        Posting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("posting"),
    )
    # Frozen when asked, so the question keeps naming what it was about whatever follows.
    subject_label = models.CharField(_("about"), max_length=200)
    subject_url = models.CharField(_("address of the subject"), max_length=200)
    name = models.CharField(_("name (optional)"), max_length=30, blank=True)
    phone = models.CharField(_("phone (optional, never shown)"), max_length=11, blank=True)
    text = models.TextField(_("question"))
    asked_at = models.DateTimeField(_("asked"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    listed_at = models.DateTimeField(_("listed"), null=True, blank=True)
    # The day by which the supervision committee must list or reject it.
    list_by = models.DateField(_("to be listed or rejected by"), null=True, blank=True)
    # Only a hash of the tracking code is kept: the asker holds the code itself.
    code_hash = models.CharField(
        _("tracking code hash"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    # The day the township was told the question was left past a deadline; cleared on listing,
    # so that an answer left late is escalated too.
    escalated_on = models.DateField(_("escalated to the township"), null=True, blank=True)
    rejected_at = models.DateTimeField(_("rejected"), null=True, blank=True)
    reject_reason = models.TextField(_("reason for not listing"), blank=True)
    due_on = models.DateField(_("answer due by"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_by_name = models.CharField(_("answerer's public name"), max_length=50, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    record_digest = models.CharField(
        _("digest of its public state"), max_length=64, blank=True, editable=False
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_at", "-pk"]
        indexes = [
            models.Index(fields=["village", "status", "due_on"]),
            models.Index(fields=["posting", "status"]),
            models.Index(fields=["subject_type", "subject_id", "status"]),
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return f"{self.subject_label}: {self.text[:30]}"

    def record_document(self) -> dict:
        """What villagers read of a listed question and its answer, as its record's document:
        the asker's name only as pages show it (王*), never the phone or the network address."""
        return {
            "posting": self.posting.code if self.posting_id else None,
            "subject_type": f"{self.subject_type.app_label}.{self.subject_type.model}",
            "subject_id": self.subject_id,
            "subject_label": self.subject_label,
            "subject_url": self.subject_url,
            "asked_by": mask_name(self.name),
            "text": self.text,
            "asked_at": records.timestamp(self.asked_at),
            "listed_at": records.timestamp(self.listed_at),
            "due_on": records.day(self.due_on),
            "status": self.status,
            "answer": self.answer,
            "answered_by": self.answered_by_name,
            "answered_at": records.timestamp(self.answered_at),
        }

    def describe(self) -> str:
        return gettext("question %(id)d about “%(subject)s”") % {
            "id": self.pk,
            "subject": self.subject_label,
        }

    def is_overdue(self, today) -> bool:
        return (
            self.status == QuestionStatus.LISTED
            and self.due_on is not None
            and (self.due_on < today)
        )

    def is_listing_overdue(self, today) -> bool:
        return (
            self.status == QuestionStatus.PENDING
            and self.list_by is not None
            and self.list_by < today
        )


class RatingChoice(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    BASICALLY_SATISFIED = "basically_satisfied", _("Basically satisfied")
    NOT_SATISFIED = "not_satisfied", _("Not satisfied")


class Rating(VillageOwned):
    """One villager's rating of a period's finance disclosure. Append-only (migration 0002)."""

    posting = models.ForeignKey(
        Posting, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("period")
    )
    choice = models.CharField(_("rating"), max_length=20, choices=RatingChoice.choices)
    # Seen only by the village's staff and the township, masked; never public.
    comment = models.TextField(_("comment (optional)"), blank=True)
    rated_at = models.DateTimeField(_("rated"), default=timezone.now)

    class Meta:
        ordering = ["-rated_at", "-pk"]
        indexes = [
            models.Index(fields=["village", "rated_at"]),
        ]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")

    def __str__(self):
        return f"{self.posting_id}: {self.choice}"
