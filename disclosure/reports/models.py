"""Confidential reports (举报) about a village, routed to its township, followed by a code.

Nothing here is ever shown on a public page except through the tracking code: the status, its
dates and the public conclusion. Who made a report is kept apart from what it says so that only
report handlers (HANDLE_REPORTS) ever read it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from disclosure import clock
from disclosure.publishing.models import Blob
from disclosure.regions.models import VillageOwned


class ReportCategory(models.TextChoices):
    LATE = "late", _("Not disclosed on time")
    UNTRUE = "untrue", _("Untrue disclosure")
    FINANCE = "finance", _("Financial problems")
    ASSETS = "assets", pgettext_lazy("report category", "Collective assets and resources")
    PROJECTS = "projects", _("Construction projects")
    BENEFITS = "benefits", _("Policy benefits and subsidies")
    OTHER = "other", _("Other")


class ReportStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    INVESTIGATING = "investigating", _("Under investigation")
    CONCLUDED = "concluded", _("Concluded")


class Report(VillageOwned):
    category = models.CharField(_("report category"), max_length=20, choices=ReportCategory.choices)
    text = models.TextField(_("report text"))
    anonymous = models.BooleanField(_("anonymous"), default=True)
    reporter_name = models.CharField(_("reporter's name"), max_length=50, blank=True)
    reporter_contact = models.CharField(_("reporter's phone or email"), max_length=100, blank=True)
    # Only a hash of the tracking code is kept: the reporter holds the code itself.
    code_hash = models.CharField(_("tracking code hash"), max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.RECEIVED
    )
    conclusion = models.TextField(_("public conclusion"), blank=True)
    received_at = clock.TimestampField(_("received"), auto_now_add=True)
    concluded_at = models.DateTimeField(_("concluded"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["village", "status"])]
        constraints = [
            # An anonymous report carries no name or contact, whatever the form sent.
            models.CheckConstraint(
                condition=Q(anonymous=False) | Q(reporter_name="", reporter_contact=""),
                name="anonymous_report_has_no_identity",
            ),
            models.CheckConstraint(
                condition=Q(anonymous=True) | ~Q(reporter_name=""),
                name="named_report_has_a_name",
            ),
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return _("Report %(number)s") % {"number": self.pk}


class ReportFile(VillageOwned):
    """A photo or document sent with a report; served only to those who may read the report."""

    report = models.ForeignKey(
        Report, on_delete=models.PROTECT, related_name="files", verbose_name=_("report")
    )
    position = models.PositiveIntegerField(_("position"))
    filename = models.CharField(_("file name"), max_length=200)
    blob = models.ForeignKey(
        Blob, on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="unique_report_file")
        ]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")

    @property
    def is_image(self) -> bool:
        return self.blob.content_type.startswith("image/")


class ReportEvent(VillageOwned):
    """A step in the report's history; the code holder sees its status and date, never `by`."""

    report = models.ForeignKey(
        Report, on_delete=models.PROTECT, related_name="events", verbose_name=_("report")
    )
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices)
    at = clock.TimestampField(_("time"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("report event")
        verbose_name_plural = _("report events")


class ReportNote(VillageOwned):
    """The handler's internal note: never shown to the code holder nor to non-handlers."""

    report = models.ForeignKey(
        Report, on_delete=models.PROTECT, related_name="notes", verbose_name=_("report")
    )
    text = models.TextField(_("internal note"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = clock.TimestampField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
