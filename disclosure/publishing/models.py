import secrets

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.regions.models import Region, VillageOwned

from . import kinds

# Permalink codes are printed on paper: no 0/O, 1/I/L to misread.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def new_posting_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class PostingStatus(models.TextChoices):
    UNPUBLISHED = "unpublished", _("Not yet published")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The doors to what villagers may read. Every public read goes through them: the managers'
# public(), in_force() and published(), or, for rows reached through a relation, the same
# conditions as Q objects along the path to the posting or the revision (tests/test_doors.py).


def _along(via: str, field: str) -> str:
    return f"{via}__{field}" if via else field


def posting_is_public(via: str = "") -> Q:
    """The posting at `via` is one villagers can see: published, or withdrawn with its notice."""
    return ~Q(**{_along(via, "status"): PostingStatus.UNPUBLISHED})


def posting_is_in_force(via: str = "") -> Q:
    """The posting at `via` is published and not withdrawn."""
    return Q(**{_along(via, "status"): PostingStatus.PUBLISHED})


def revision_is_published(via: str = "") -> Q:
    """The revision at `via` is published (frozen, chained, part of the public record)."""
    return Q(**{_along(via, "state"): RevisionState.PUBLISHED})


class PostingQuerySet(models.QuerySet):
    def public(self):
        """Postings villagers can see: published, or withdrawn with their notice."""
        return self.filter(posting_is_public())

    def in_force(self):
        """Postings published and not withdrawn."""
        return self.filter(posting_is_in_force())


class Posting(models.Model):
    """One disclosure of a village; its content lives in its revisions."""

    village = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="postings", verbose_name=_("village")
    )
    # The kinds are registered by their apps (publishing.kinds), so the column keeps no choices of
    # its own: services accept registered kinds only.
    kind = models.CharField(_("kind"), max_length=30)
    code = models.CharField(_("code"), max_length=12, unique=True, default=new_posting_code)
    status = models.CharField(
        _("status"), max_length=12, choices=PostingStatus.choices, default=PostingStatus.UNPUBLISHED
    )
    current = models.ForeignKey(
        "Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current revision"),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    last_published_at = models.DateTimeField(
        _("last published"), null=True, blank=True, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("created by")
    )
    created_at = clock.TimestampField(_("created"), auto_now_add=True)

    objects = PostingQuerySet.as_manager()

    class Meta:
        ordering = ["-last_published_at", "-created_at"]
        indexes = [
            models.Index(fields=["village", "status", "kind"]),
            models.Index(fields=["village", "-last_published_at"], name="posting_village_latest"),
            models.Index(fields=["-last_published_at", "-id"], name="posting_newest"),
        ]
        verbose_name = _("posting")
        verbose_name_plural = _("postings")

    def __str__(self):
        return self.current.title if self.current else self.code

    @property
    def section(self):
        return kinds.section_of(self.kind)

    @property
    def kind_label(self):
        return kinds.label_of(self.kind)

    def get_absolute_url(self):
        return reverse("portal:posting", args=[self.code])


class RevisionAction(models.TextChoices):
    ORIGINAL = "original", _("First publication")
    CORRECTION = "correction", _("Correction")
    # A running disclosure told further (a project's next stage): nothing earlier was wrong.
    UPDATE = "update", _("Update")
    WITHDRAWAL = "withdrawal", _("Withdrawal")


class RevisionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting sign-off")
    RETURNED = "returned", _("Returned for changes")
    SIGNED_OFF = "signed_off", _("Signed off")
    PUBLISHED = "published", _("Published")


class RevisionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(revision_is_published())

    def open(self):
        return self.exclude(revision_is_published())


class Revision(VillageOwned):
    """A version of a posting. Once published it is permanent: a database trigger refuses change."""

    posting = models.ForeignKey(
        Posting, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("posting")
    )
    number = models.PositiveIntegerField(_("revision number"))
    action = models.CharField(_("action"), max_length=12, choices=RevisionAction.choices)
    state = models.CharField(
        _("state"), max_length=12, choices=RevisionState.choices, default=RevisionState.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    reason = models.TextField(_("reason"), blank=True)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    author_name = models.CharField(_("author's public name"), max_length=50)
    created_at = clock.TimestampField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed off by"),
    )
    signed_off_by_name = models.CharField(_("signer's public name"), max_length=50, blank=True)
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)
    opinion = models.TextField(_("opinion"), blank=True)
    # What the signer saw: the digest of the content document their review page showed.
    reviewed_digest = models.CharField(
        _("digest of the content signed off"), max_length=64, blank=True
    )

    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_by_name = models.CharField(_("publisher's public name"), max_length=50, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    # The village's chain: the version of the canonical form (docs/integrity.md) the revision is
    # described in, its position, the digest before it, and its own.
    format = models.PositiveSmallIntegerField(_("canonical format"), default=2)
    seq = models.PositiveIntegerField(_("position in the chain"), null=True, blank=True)
    prev_digest = models.CharField(_("previous digest"), max_length=64, blank=True)
    digest = models.CharField(_("digest"), max_length=64, blank=True, db_index=True)

    search_vector = SearchVectorField(null=True, editable=False)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["posting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["posting", "number"], name="unique_revision_number"),
            models.UniqueConstraint(fields=["village", "seq"], name="unique_chain_position"),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="revision_search")]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.title} ({self.number})"

    @property
    def is_published(self) -> bool:
        return self.state == RevisionState.PUBLISHED

    @property
    def is_withdrawal(self) -> bool:
        return self.action == RevisionAction.WITHDRAWAL

    def get_absolute_url(self):
        return reverse("portal:revision", args=[self.posting.code, self.number])


class ReviewEvent(VillageOwned):
    """One step of a revision's way to publication, kept for the record."""

    class Step(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for sign-off")
        RETURNED = "returned", _("Returned for changes")
        SIGNED_OFF = "signed_off", _("Signed off")
        PUBLISHED = "published", _("Published")

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="events", verbose_name=_("revision")
    )
    step = models.CharField(_("step"), max_length=12, choices=Step.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = clock.TimestampField(_("time"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")


class PowerItem(VillageOwned):
    """One small power of village cadres (小微权力) in a list-of-powers revision."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="power_items", verbose_name=_("revision")
    )
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("power"), max_length=100)
    steps = models.TextField(_("procedure steps"))
    documents = models.TextField(_("documents needed"), blank=True)
    time_limit = models.CharField(_("time limit"), max_length=100)
    fee = models.CharField(_("fee"), max_length=100)
    responsible = models.CharField(_("person responsible"), max_length=100)

    class Meta:
        ordering = ["revision_id", "position"]
        verbose_name = _("small power")
        verbose_name_plural = _("small powers")

    def canonical(self) -> dict:
        return {
            "name": self.name,
            "steps": self.steps,
            "documents": self.documents,
            "time_limit": self.time_limit,
            "fee": self.fee,
            "responsible": self.responsible,
        }


class Blob(models.Model):
    """Stored file content, named by its SHA-256 so identical files are kept once."""

    sha256 = models.CharField("SHA-256", max_length=64, primary_key=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=50)
    created_at = clock.TimestampField(_("stored"), auto_now_add=True)

    class Meta:
        verbose_name = _("stored file")
        verbose_name_plural = _("stored files")

    @property
    def relative_path(self) -> str:
        return f"blobs/{self.sha256[:2]}/{self.sha256}"


class Attachment(VillageOwned):
    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("revision")
    )
    position = models.PositiveIntegerField(_("position"))
    filename = models.CharField(_("file name"), max_length=200)
    blob = models.ForeignKey(
        Blob, on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    thumbnail = models.ForeignKey(
        Blob,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thumbnail"),
    )

    class Meta:
        ordering = ["revision_id", "position"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def is_image(self) -> bool:
        return self.blob.content_type.startswith("image/")

    def get_absolute_url(self):
        return reverse("portal:attachment", args=[self.blob.sha256, self.filename])


class AuditEntry(models.Model):
    """A staff action: who, what, when and from where. Append-only (enforced in the database)."""

    at = clock.TimestampField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(_("user name"), max_length=150)
    action = models.CharField(_("action"), max_length=50)
    village = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("village"),
    )
    target = models.CharField(_("target"), max_length=200, blank=True)
    # The keyed hash of the client's address (web/addresses.py), never the address.
    address = models.CharField(_("network address (keyed hash)"), max_length=64, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")


class ChangeCount(models.Model):
    """How often what the public sees of one village has changed; scope 0 counts the whole site.

    Public pages are cached under these counts (portal/http.py), so any change to a village makes
    every cached copy of its pages unreachable at once.
    """

    scope = models.BigIntegerField(_("village id, or 0 for the site"), primary_key=True)
    count = models.BigIntegerField(_("changes"), default=0)

    class Meta:
        verbose_name = _("count of public changes")
        verbose_name_plural = _("counts of public changes")


# Defined beside the search that uses it; imported here so that Django finds the model.
from .synonyms import SynonymGroup  # noqa: E402, F401
