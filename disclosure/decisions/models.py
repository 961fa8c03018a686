"""Major matters (重大事项) through the four discussions and two disclosures (四议两公开).

A matter's four discussions are Stage rows, recorded before any disclosure exists. The resolution
disclosure (a posting of kind "resolution") copies them into ResolutionStage rows of its revision,
which PostgreSQL refuses to change once published; a correction copies them again, as for any kind.
Public pages show the ResolutionStage rows of the published revision, never the working Stage rows.
The result disclosure (kind "decision_result") carries one ResultRow. The state of a matter is
never stored: `disclosure.decisions.states.state_of` derives it from these records and the clock.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.publishing import records
from disclosure.publishing.masking import mask_name
from disclosure.publishing.models import Blob, Posting, PostingStatus, Revision
from disclosure.regions.models import Region, VillageOwned


class DecisionsKind(models.TextChoices):
    """The kinds of posting this app publishes (registered in apps.py)."""

    RESOLUTION = "resolution", _("Resolution of a major matter")
    DECISION_RESULT = "decision_result", _("Result of a major matter")


class Category(models.TextChoices):
    """The matters art. 24 of the Organic Law of Villagers' Committees puts before the villagers."""

    WORK_ALLOWANCES = (
        "work_allowances",
        _("Work-loss allowances: who receives them and at what rate"),
    )
    COLLECTIVE_INCOME = "collective_income", _("Use of collective income")
    PUBLIC_WELFARE = "public_welfare", _("Public-welfare project: funding and contracting")
    LAND_CONTRACTING = "land_contracting", _("Land contracting plan")
    ECONOMIC_PROJECT = "economic_project", _("Collective economic project")
    HOMESTEAD = "homestead", _("Homestead allocation")
    REQUISITION_COMPENSATION = (
        "requisition_compensation",
        _("Use and distribution of land-requisition compensation"),
    )
    COLLECTIVE_PROPERTY = (
        "collective_property",
        _("Lending, leasing or otherwise disposing of collective property"),
    )
    OTHER = "other", _("Other matter")


class Matter(models.Model):
    """A major matter of a village that needs the four discussions before it is carried out."""

    village = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="matters", verbose_name=_("village")
    )
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    amount = models.DecimalField(
        _("amount involved (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    # Both disclosures go through the one publication lifecycle; discarding a draft of one
    # (which deletes its never-published posting) lets the clerk prepare it again.
    resolution = models.OneToOneField(
        Posting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resolved_matter",
        verbose_name=_("resolution disclosure"),
    )
    result = models.OneToOneField(
        Posting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="result_of_matter",
        verbose_name=_("result disclosure"),
    )
    # Fixed when the resolution disclosure is prepared, so a later change of the setting does
    # not move the deadline of a notice already given.
    notice_days = models.PositiveSmallIntegerField(
        _("public-notice period (days)"), null=True, blank=True
    )
    implementation_ended_on = models.DateField(_("implementation ended"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("created by")
    )
    created_at = clock.TimestampField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["village", "-created_at"])]
        verbose_name = _("major matter")
        verbose_name_plural = _("major matters")

    def __str__(self):
        return self.title


class Body(models.TextChoices):
    """Who meets at each of the four discussions."""

    PARTY_BRANCH = "party_branch", _("Party branch committee meeting")
    TWO_COMMITTEES = "two_committees", _("Joint meeting of the two committees")
    PARTY_MEMBERS = "party_members", _("Party members' meeting")
    REPRESENTATIVES = "representatives", _("Villagers' representative meeting")
    VILLAGERS = "villagers", _("Villagers' meeting (adult villagers)")
    HOUSEHOLDS = "households", _("Villagers' meeting (household representatives)")


STAGE_NAMES = {
    1: _("1. The party branch proposes"),
    2: _("2. The two committees discuss"),
    3: _("3. The party members' meeting deliberates"),
    4: _("4. The villagers' representative meeting or villagers' meeting resolves"),
}


class StageFigures(models.Model):
    """What a discussion records: which meeting, when, who came, how they voted, the minutes."""

    number = models.PositiveSmallIntegerField(_("stage"))
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    body = models.CharField(_("meeting"), max_length=20, choices=Body.choices)
    held_on = models.DateField(_("date"))
    eligible = models.PositiveIntegerField(_("number entitled to attend"))
    present = models.PositiveIntegerField(_("number present"))
    votes_for = models.PositiveIntegerField(_("votes for"))
    votes_against = models.PositiveIntegerField(_("votes against"))
    abstentions = models.PositiveIntegerField(_("abstentions"))
    minutes = models.TextField(_("minutes"), blank=True)
    # Decided by the rules when the stage is recorded, never typed in.
    passed = models.BooleanField(_("passed"))
    outcome = models.TextField(_("outcome explained"), blank=True)

    FIGURES = (
        "number",
        "attempt",
        "body",
        "held_on",
        "eligible",
        "present",
        "votes_for",
        "votes_against",
        "abstentions",
        "minutes",
        "passed",
        "outcome",
    )

    class Meta:
        abstract = True
        ordering = ["number", "attempt", "pk"]

    @property
    def stage_name(self) -> str:
        return STAGE_NAMES[self.number]

    def canonical(self) -> dict:
        return {
            "stage": self.number,
            "attempt": self.attempt,
            "body": self.body,
            "held_on": self.held_on.isoformat(),
            "eligible": self.eligible,
            "present": self.present,
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "abstentions": self.abstentions,
            "minutes": self.minutes,
            "passed": self.passed,
            "outcome": self.outcome,
        }


def _stage_constraints(prefix: str) -> list:
    return [
        models.CheckConstraint(condition=Q(number__gte=1, number__lte=4), name=f"{prefix}_number"),
        models.CheckConstraint(condition=Q(present__lte=F("eligible")), name=f"{prefix}_present"),
        models.CheckConstraint(
            condition=Q(votes_for__lte=F("present") - F("votes_against") - F("abstentions")),
            name=f"{prefix}_votes",
        ),
    ]


class Stage(VillageOwned, StageFigures):
    """One attempt at one of the four discussions; a failed attempt stays beside the next one."""

    matter = models.ForeignKey(
        Matter, on_delete=models.PROTECT, related_name="stages", verbose_name=_("matter")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = clock.TimestampField(_("recorded"), auto_now_add=True)

    class Meta(StageFigures.Meta):
        constraints = _stage_constraints("decision_stage")
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self):
        return f"{self.matter} – {self.get_body_display()}"


class ResolutionStage(VillageOwned, StageFigures):
    """A discussion as the resolution disclosure published it: a frozen copy of a Stage."""

    revision = models.ForeignKey(
        Revision,
        on_delete=models.CASCADE,
        related_name="decision_stages",
        verbose_name=_("revision"),
    )
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="+", verbose_name=_("discussion")
    )

    class Meta(StageFigures.Meta):
        constraints = _stage_constraints("decision_resolution_stage")
        verbose_name = _("published discussion")
        verbose_name_plural = _("published discussions")


class Phase(models.TextChoices):
    BEFORE = "before", _("Before")
    DURING = "during", _("During")
    AFTER = "after", _("After")


# A posting once published stays on record, withdrawn or not.
DISCLOSED = (PostingStatus.PUBLISHED, PostingStatus.WITHDRAWN)


class ProgressQuerySet(models.QuerySet):
    def public(self):
        """Updates villagers are shown: every one, since work is reported only once the
        resolution is published (implementation.py)."""
        return self.filter(matter__resolution__status__in=DISCLOSED)


class ProgressUpdate(VillageOwned):
    """A step of carrying out a resolved matter, as the clerk reports it: a public record
    (publishing/records.py) with its photos and links."""

    matter = models.ForeignKey(
        Matter, on_delete=models.PROTECT, related_name="progress", verbose_name=_("matter")
    )
    on = models.DateField(_("date"))
    description = models.TextField(_("description"))
    percent = models.PositiveSmallIntegerField(_("progress (%)"))
    spent = models.DecimalField(
        _("money spent so far (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = clock.TimestampField(_("recorded"), auto_now_add=True)
    record_digest = models.CharField(
        _("digest of its public state"), max_length=64, blank=True, editable=False
    )

    objects = ProgressQuerySet.as_manager()

    class Meta:
        ordering = ["on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="decision_progress_percent")
        ]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def record_document(self) -> dict:
        """What the matter's page and the API show of the update, as its record's document:
        with its photos and links (those of its own matter and village), in the order added."""
        mine = {"matter_id": self.matter_id, "village_id": self.village_id}
        photos = self.photos.filter(**mine).select_related("blob").order_by("pk")
        links = self.links.filter(**mine).order_by("pk")
        return {
            "matter": self.matter_id,
            "on": records.day(self.on),
            "description": self.description,
            "percent": self.percent,
            "spent": records.money(self.spent),
            "photos": [
                {"phase": photo.phase, **records.file_member(photo.filename, photo.blob)}
                for photo in photos
            ],
            "links": [
                {"kind": link.kind, "reference": link.reference, "label": link.label}
                for link in links
            ],
        }

    def describe(self) -> str:
        return gettext("progress update %(id)d of the major matter “%(matter)s”") % {
            "id": self.pk,
            "matter": self.matter.title,
        }

    def stored_files(self):
        return self.photos.select_related("blob", "thumbnail").order_by("pk")


class LinkKind(models.TextChoices):
    LEDGER_ENTRY = "ledger_entry", _("Ledger entry")
    CONTRACT = "contract", _("Contract")
    POSTING = "posting", _("Other disclosure")


class ImplementationLink(VillageOwned):
    """A record elsewhere that carries out the matter: a ledger entry, a contract, a posting.

    The reference is a plain string (an entry number, a contract code, a permalink code) so the
    finance and contracts apps can fill and resolve it without this app knowing their tables.
    """

    matter = models.ForeignKey(
        Matter, on_delete=models.PROTECT, related_name="links", verbose_name=_("matter")
    )
    progress = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="links",
        verbose_name=_("progress update"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=LinkKind.choices)
    reference = models.CharField(_("reference"), max_length=100)
    label = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        ordering = ["kind", "reference"]
        indexes = [models.Index(fields=["kind", "reference"])]
        verbose_name = _("implementation link")
        verbose_name_plural = _("implementation links")


class MatterFile(VillageOwned):
    """A file of a matter: on the matter itself, on one discussion, or a progress photo."""

    matter = models.ForeignKey(
        Matter, on_delete=models.PROTECT, related_name="files", verbose_name=_("matter")
    )
    stage = models.ForeignKey(
        Stage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="files",
        verbose_name=_("discussion"),
    )
    progress = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="photos",
        verbose_name=_("progress update"),
    )
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices, blank=True)
    filename = models.CharField(_("file name"), max_length=200)
    blob = models.ForeignKey(Blob, on_delete=models.PROTECT, related_name="+")
    thumbnail = models.ForeignKey(
        Blob, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    added_at = clock.TimestampField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    @property
    def is_image(self) -> bool:
        return self.blob.content_type.startswith("image/")


class ResultRow(VillageOwned):
    """The figures of a result disclosure (实施结果公开): cost against resolution, acceptance."""

    revision = models.ForeignKey(
        Revision,
        on_delete=models.CASCADE,
        related_name="decision_results",
        verbose_name=_("revision"),
    )
    resolved_amount = models.DecimalField(
        _("amount resolved (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    final_cost = models.DecimalField(_("final cost (yuan)"), max_digits=14, decimal_places=2)
    completed_on = models.DateField(_("implementation ended"))
    accepted_on = models.DateField(_("accepted on"))
    accepted_by = models.CharField(_("accepted by"), max_length=200)
    acceptance = models.TextField(_("acceptance opinion"))

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def canonical(self) -> dict:
        return {
            "resolved_amount": None if self.resolved_amount is None else str(self.resolved_amount),
            "final_cost": str(self.final_cost),
            "completed_on": self.completed_on.isoformat(),
            "accepted_on": self.accepted_on.isoformat(),
            "accepted_by": self.accepted_by,
            "acceptance": self.acceptance,
        }


class ObjectionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Listed")
    REJECTED = "rejected", _("Not listed")


class ObjectionQuerySet(models.QuerySet):
    def listed(self):
        """Objections villagers can see: those the supervision committee approved."""
        return self.filter(status=ObjectionStatus.APPROVED)

    def public(self):
        return self.listed()

    def unanswered(self):
        return self.filter(answer="")


class Objection(VillageOwned):
    """A villager's objection to a resolution during its public-notice period (公示期). Once
    listed, a public record (publishing/records.py), answered or not."""

    matter = models.ForeignKey(
        Matter, on_delete=models.PROTECT, related_name="objections", verbose_name=_("matter")
    )
    name = models.CharField(_("name (optional)"), max_length=50, blank=True)
    text = models.TextField(_("objection"))
    lodged_at = clock.TimestampField(_("lodged"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
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

    objects = ObjectionQuerySet.as_manager()

    class Meta:
        ordering = ["lodged_at", "pk"]
        verbose_name = _("objection")
        verbose_name_plural = _("objections")

    def record_document(self) -> dict:
        """What the matter's page and the API show of a listed objection and its answer, as its
        record's document: the objector's name masked as the page shows it, never the network
        address."""
        return {
            "matter": self.matter_id,
            "name": self.public_name,
            "text": self.text,
            "lodged_at": records.timestamp(self.lodged_at),
            "answer": self.answer,
            "answered_by": self.answered_by_name,
            "answered_at": records.timestamp(self.answered_at),
        }

    @property
    def public_name(self) -> str:
        """As villagers see it, like an asker's: the surname and one *."""
        return mask_name(self.name)

    def describe(self) -> str:
        return gettext("objection %(id)d to the major matter “%(matter)s”") % {
            "id": self.pk,
            "matter": self.matter.title,
        }
