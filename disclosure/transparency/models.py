"""A county's transparency log: its leaves, the nodes of its Merkle tree, the checkpoints it
signed and the witnesses' cosignatures of them.

Entries, nodes, checkpoints and cosignatures are append-only in the database itself (see the
migration 0002), and the log row may only grow.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.regions.models import Region

from . import notes
from .errors import LogError
from .merkle import EMPTY_ROOT


class Log(models.Model):
    """The Merkle log of one county, into which every village of the county appends."""

    county = models.OneToOneField(
        Region, on_delete=models.PROTECT, related_name="transparency_log", verbose_name=_("county")
    )
    # Fixed when the log is created: it is the first line of every checkpoint and the name its
    # signatures are made under, so it must never change.
    origin = models.CharField(_("origin"), max_length=200, unique=True)
    size = models.BigIntegerField(_("tree size"), default=0)
    root = models.BinaryField(_("root hash"), max_length=32, default=EMPTY_ROOT)
    created_at = clock.TimestampField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("transparency log")
        verbose_name_plural = _("transparency logs")

    def __str__(self):
        return self.origin


class LogEntry(models.Model):
    """One leaf: the data appended, by a village, at a position that never changes."""

    # No index of their own: the unique (log, index) serves the log, and a village's leaves are
    # found by their digest. Fewer indexes keep bulk loads fast.
    log = models.ForeignKey(Log, on_delete=models.PROTECT, related_name="entries", db_index=False)
    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", db_index=False)
    index = models.BigIntegerField(_("index"))
    data = models.BinaryField(_("leaf data"))
    # The digest the leaf data names (a revision's or a record's), so that each finds its leaf.
    digest = models.CharField(_("digest"), max_length=64, db_index=True)
    appended_at = models.DateTimeField(_("appended"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["log", "index"], name="transparency_entry_position")
        ]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")

    def __str__(self):
        return f"{self.log} #{self.index}"


class Node(models.Model):
    """The hash of a complete subtree: the leaves [index·2^level, (index+1)·2^level)."""

    # The unique (log, level, index) is the index nodes are read by.
    log = models.ForeignKey(Log, on_delete=models.PROTECT, related_name="nodes", db_index=False)
    level = models.PositiveSmallIntegerField()
    index = models.BigIntegerField()
    hash = models.BinaryField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["log", "level", "index"], name="transparency_node_position"
            )
        ]


class Checkpoint(models.Model):
    """A signed statement of the tree's size and root, as the log issued it."""

    log = models.ForeignKey(
        Log, on_delete=models.PROTECT, related_name="checkpoints", db_index=False
    )
    size = models.BigIntegerField(_("tree size"))
    root = models.BinaryField(_("root hash"), max_length=32)
    # The signed note: the checkpoint text, a blank line and the log's signature lines.
    note = models.TextField(_("signed note"))
    issued_at = models.DateTimeField(_("issued"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["log", "size"], name="transparency_checkpoint_size")
        ]
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")

    def __str__(self):
        return f"{self.log} @ {self.size}"

    @property
    def text(self) -> str:
        """The checkpoint's note text: origin, size and root hash, each ending in a newline."""
        return notes.parse_note(self.note).text


class Witness(models.Model):
    """Someone outside the portal (the township, the county) who checks that the log only ever
    grows and cosigns its checkpoints. Registered by an administrator."""

    name = models.CharField(_("key name"), max_length=200, unique=True)
    verifier_key = models.CharField(_("verifier key"), max_length=300, unique=True)
    operator = models.CharField(_("run by"), max_length=100, blank=True)
    active = models.BooleanField(_("active"), default=True)
    added_at = clock.TimestampField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("witness")
        verbose_name_plural = _("witnesses")

    def __str__(self):
        return self.operator or self.name

    @property
    def verifier(self) -> notes.Verifier:
        return notes.parse_verifier(self.verifier_key, notes.COSIGNATURE_V1)

    def clean(self):
        try:
            verifier = self.verifier
        except LogError as error:
            raise ValidationError({"verifier_key": error.translated()}) from None
        if verifier.name != self.name:
            raise ValidationError(
                {
                    "name": _("The key name must be the name in the verifier key: %(name)s.")
                    % {"name": verifier.name}
                }
            )


class Cosignature(models.Model):
    """A witness's cosignature of a checkpoint: its signature line, as the witness sent it."""

    checkpoint = models.ForeignKey(
        Checkpoint, on_delete=models.PROTECT, related_name="cosignatures", db_index=False
    )
    witness = models.ForeignKey(Witness, on_delete=models.PROTECT, related_name="cosignatures")
    timestamp = models.BigIntegerField(_("cosigned at (POSIX seconds)"))
    line = models.TextField(_("signature line"))
    received_at = clock.TimestampField(_("received"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["checkpoint", "witness"], name="transparency_one_cosignature_each"
            )
        ]
        verbose_name = _("cosignature")
        verbose_name_plural = _("cosignatures")
