"""The register of village cadres (村干部) and the close relatives they declare.

Staff-only: identity numbers are kept in full so that they can be matched against the
counterparties of contracts, and are shown masked everywhere (pages, admin, exports).
A cadre who leaves office keeps their row with the date they left, so past flags stay explainable.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from disclosure.clock import TimestampField
from disclosure.publishing import records
from disclosure.publishing.masking import mask_identity_number
from disclosure.publishing.models import Posting, posting_is_public
from disclosure.regions.models import Region, VillageOwned


class Relation(models.TextChoices):
    SPOUSE = "spouse", _("Spouse")
    PARENT = "parent", _("Parent")
    CHILD = "child", _("Child")
    SIBLING = "sibling", _("Brother or sister")
    CHILD_SPOUSE = "child_spouse", _("Spouse of a child")
    SPOUSE_PARENT = "spouse_parent", _("Parent of the spouse")
    GRANDPARENT = "grandparent", _("Grandparent or grandchild")
    OTHER = "other", _("Other close relative")


class Cadre(models.Model):
    village = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="cadres", verbose_name=_("village")
    )
    name = models.CharField(_("name"), max_length=50)
    position = models.CharField(_("position"), max_length=50)
    identity_number = models.CharField(_("identity number"), max_length=18, blank=True)
    started_on = models.DateField(_("in office since"))
    ended_on = models.DateField(_("left office on"), null=True, blank=True)

    class Meta:
        ordering = ["village_id", "ended_on", "name", "pk"]
        indexes = [models.Index(fields=["village", "name"])]
        verbose_name = _("cadre")
        verbose_name_plural = _("cadres")

    def __str__(self):
        return f"{self.name}（{self.position}）"

    @property
    def masked_identity_number(self) -> str:
        return mask_identity_number(self.identity_number)


class Relative(VillageOwned):
    """A close relative a cadre declared; matched for as long as the cadre is in office."""

    cadre = models.ForeignKey(
        Cadre, on_delete=models.PROTECT, related_name="relatives", verbose_name=_("cadre")
    )
    name = models.CharField(_("name"), max_length=50)
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    identity_number = models.CharField(_("identity number"), max_length=18, blank=True)

    class Meta:
        ordering = ["cadre_id", "pk"]
        indexes = [models.Index(fields=["village", "name"])]
        verbose_name = _("declared relative")
        verbose_name_plural = _("declared relatives")

    def __str__(self):
        return self.name

    @property
    def masked_identity_number(self) -> str:
        return mask_identity_number(self.identity_number)


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open: waiting for the village's explanation")
    ACKNOWLEDGED = "acknowledged", _("Explained by the village")
    RECTIFYING = "rectifying", _("Under rectification")
    RECTIFIED = "rectified", _("Rectification reported")
    CLOSED = "closed", _("Closed")
    DISMISSED = "dismissed", _("Dismissed")


# A case in one of these states needs nothing more unless the township reopens it.
FINISHED = (CaseStatus.CLOSED, CaseStatus.DISMISSED)


class FlagCase(VillageOwned):
    """What is done about one red flag: the flag is computed afresh every day (rules/), its case
    follows it by key from the day it was first seen to the township's conclusion.

    The title, explanation and figures are those of the day the flag was last seen, so that a case
    still reads whole once the rule no longer raises its flag (the rent was paid).
    """

    rule = models.CharField(_("rule"), max_length=60)
    key = models.CharField(_("key"), max_length=300)
    strong = models.BooleanField(_("strong"))
    title = models.CharField(_("title"), max_length=300)
    explanation = models.TextField(_("explanation"))
    url = models.CharField(_("link"), max_length=200)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    posting = models.ForeignKey(
        Posting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="flag_cases",
        verbose_name=_("posting"),
    )
    first_seen_on = models.DateField(_("first seen"))
    last_seen_on = models.DateField(_("last seen"))
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    village_explanation = models.TextField(_("the village's explanation"), blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible for the rectification"),
    )
    deadline = models.DateField(_("rectify by"), null=True, blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    # The day the overdue rectification was announced, so that it is announced once.
    overdue_notified_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["village_id", "first_seen_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["village", "key"], name="one_case_a_flag")]
        indexes = [models.Index(fields=["village", "status"])]
        verbose_name = _("red flag case")
        verbose_name_plural = _("red flag cases")

    def __str__(self):
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    def overdue_on(self, today) -> bool:
        return (
            self.status == CaseStatus.RECTIFYING
            and self.deadline is not None
            and self.deadline < today
        )


class CaseStep(VillageOwned):
    """One step of a case, as the township reads its history: append-only."""

    case = models.ForeignKey(
        FlagCase, on_delete=models.PROTECT, related_name="steps", verbose_name=_("case")
    )
    status = models.CharField(_("status after the step"), max_length=20, choices=CaseStatus.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = TimestampField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["case_id", "at", "pk"]
        verbose_name = _("step of a case")
        verbose_name_plural = _("steps of cases")


class ConclusionQuerySet(models.QuerySet):
    def public(self):
        """Every conclusion is shown from the moment it is given, as an order to correct is."""
        return self.filter(posting_is_public("posting"))


class Conclusion(VillageOwned):
    """The township's word on a flag about published money, shown beside the item: a public record
    (publishing/records.py). Append-only: a case reopened later gets a new one saying so."""

    case = models.ForeignKey(
        FlagCase, on_delete=models.PROTECT, related_name="conclusions", verbose_name=_("case")
    )
    posting = models.ForeignKey(
        Posting,
        on_delete=models.PROTECT,
        related_name="flag_conclusions",
        verbose_name=_("posting"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=CaseStatus.choices)
    title = models.CharField(_("what was flagged"), max_length=300)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    text = models.TextField(_("conclusion"))
    by_name = models.CharField(_("public name of who concluded"), max_length=50)
    at = models.DateTimeField(_("concluded"))
    record_digest = models.CharField(
        _("digest of its public state"), max_length=64, blank=True, editable=False
    )

    objects = ConclusionQuerySet.as_manager()

    class Meta:
        ordering = ["posting_id", "at", "pk"]
        verbose_name = _("published conclusion on a red flag")
        verbose_name_plural = _("published conclusions on red flags")

    def __str__(self):
        return self.title

    def record_document(self) -> dict:
        return {
            "posting": self.posting.code,
            "outcome": self.outcome,
            "title": self.title,
            "amount": records.money(self.amount),
            "text": self.text,
            "by": self.by_name,
            "at": records.timestamp(self.at),
        }

    def describe(self) -> str:
        return gettext("conclusion %(id)d on a red flag of posting %(posting)s") % {
            "id": self.pk,
            "posting": self.posting.code,
        }
