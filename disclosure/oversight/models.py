"""Orders to correct (责令更正) that a township gives on a village's published posting.

Whether an order has been carried out is never stored: it is read from the posting's revisions
(`CorrectionOrderQuerySet.with_closure`), so publishing needs no hook and nothing can go stale.
The dashboard keeps its summaries of villages here too, each stamped with what it read.
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.publishing import records
from disclosure.publishing.models import (
    Posting,
    Revision,
    RevisionAction,
    posting_is_public,
)
from disclosure.regions.models import Region, VillageOwned

# A withdrawal also answers an order: the posting is no longer shown, only its notice.
CLOSING_ACTIONS = (RevisionAction.CORRECTION, RevisionAction.WITHDRAWAL)


def now_to_the_second():
    return clock.now().replace(microsecond=0)


class CorrectionOrderQuerySet(models.QuerySet):
    def with_closure(self):
        """Annotate the first correction (or withdrawal) published after each order.

        Both times are kept to the second; one published in the very second of the order counts
        as after it, since the order cannot be left open by a correction it may have prompted.
        """
        closing = (
            Revision.objects.published()
            .filter(
                posting=OuterRef("posting"),
                action__in=CLOSING_ACTIONS,
                published_at__gte=OuterRef("ordered_at"),
            )
            .order_by("published_at", "pk")
        )
        return self.annotate(
            closed_at=Subquery(closing.values("published_at")[:1]),
            closed_by_action=Subquery(closing.values("action")[:1]),
            closed_by_number=Subquery(closing.values("number")[:1]),
        )

    def public(self):
        """Orders villagers are shown: every one, since only a published posting is ordered
        corrected, and an order carried out stays shown as carried out."""
        return self.filter(posting_is_public("posting"))

    def open(self):
        return self.with_closure().filter(closed_at__isnull=True)

    def closed(self):
        return self.with_closure().filter(~Q(closed_at=None))


class CorrectionOrder(VillageOwned):
    """A township's order on a posting: a public record (publishing/records.py). Whether it was
    carried out is read from the posting's chained revisions, never stored."""

    posting = models.ForeignKey(
        Posting,
        on_delete=models.PROTECT,
        related_name="correction_orders",
        verbose_name=_("posting"),
    )
    reason = models.TextField(_("what must be corrected"))
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ordered by"),
    )
    ordered_by_name = models.CharField(_("public name of who ordered"), max_length=50)
    # Kept to the second, as publication times are, so the two compare fairly.
    ordered_at = models.DateTimeField(_("ordered"), default=now_to_the_second)
    record_digest = models.CharField(
        _("digest of its public state"), max_length=64, blank=True, editable=False
    )

    objects = CorrectionOrderQuerySet.as_manager()

    class Meta:
        ordering = ["-ordered_at", "-pk"]
        indexes = [models.Index(fields=["village", "-ordered_at"])]
        verbose_name = _("correction order")
        verbose_name_plural = _("correction orders")

    def __str__(self):
        return f"{self.posting.code}: {self.reason[:40]}"

    def record_document(self) -> dict:
        """What the posting's page shows of the order, as its record's document."""
        return {
            "posting": self.posting.code,
            "reason": self.reason,
            "ordered_by": self.ordered_by_name,
            "ordered_at": records.timestamp(self.ordered_at),
        }

    def describe(self) -> str:
        return gettext("correction order %(id)d on posting %(posting)s") % {
            "id": self.pk,
            "posting": self.posting.code,
        }

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def closed_by_withdrawal(self) -> bool:
        return self.closed_by_action == RevisionAction.WITHDRAWAL


class VillageSummary(models.Model):
    """What the township dashboard shows of one village for one year, kept so that a request
    reads it instead of computing it (summaries.py).

    It holds while the village's count of public changes (publishing.ChangeCount) is still
    `changes` and the day is still `computed_on`: items fall due and questions overdue with the day.
    """

    village = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    changes = models.BigIntegerField()
    computed_on = models.DateField()
    figures = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["village", "year"], name="one_summary_a_village_year")
        ]
