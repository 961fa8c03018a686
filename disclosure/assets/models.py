"""The village's register of collective assets and resources (集体资产、资源).

The working register (Asset, Resource, Photo) is what the clerk keeps up to date. It is disclosed
as a dated snapshot: a posting of kind asset_register whose revision carries frozen copies of the
rows (Snapshot, SnapshotAsset, SnapshotResource), so that a published register never changes while
the working one does. Rows are matched between snapshots by their register number.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.publishing.models import Blob, Revision
from disclosure.regions.models import VillageOwned

number_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$",
    _("A register number has up to 20 letters, digits or hyphens, such as ZC-001."),
)


class AssetsKind(models.TextChoices):
    """The kinds of posting this app publishes (registered in apps.py)."""

    ASSET_REGISTER = "asset_register", _("Register of assets and resources")


class Category(models.TextChoices):
    BUILDINGS = "buildings", _("Buildings")
    EQUIPMENT = "equipment", _("Equipment")
    ROADS = "roads", _("Roads")
    WATER_WORKS = "water_works", _("Water works")
    OTHER = "other", _("Other")


class Disposal(models.TextChoices):
    SOLD = "sold", _("Sold")
    SCRAPPED = "scrapped", _("Scrapped")
    TRANSFERRED = "transferred", _("Transferred")


class ResourceType(models.TextChoices):
    FARMLAND = "farmland", _("Farmland")
    FOREST = "forest", _("Forest")
    POND = "pond", _("Pond")
    WASTELAND = "wasteland", _("Wasteland")
    CONSTRUCTION_LAND = "construction_land", _("Construction land")
    OTHER = "other", _("Other")


class ResourceStatus(models.TextChoices):
    SELF_OPERATED = "self_operated", _("Self-operated")
    CONTRACTED_OUT = "contracted_out", _("Contracted out")
    IDLE = "idle", _("Idle")


def _money_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        **kwargs,
    )


class AssetFields(VillageOwned):
    """What the register says about a fixed asset, in the working register and in snapshots."""

    number = models.CharField(_("register number"), max_length=20, validators=[number_validator])
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    name = models.CharField(_("name"), max_length=100)
    location = models.CharField(_("location"), max_length=200, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    original_value = _money_field(_("original value (yuan)"))
    acquired_on = models.DateField(_("acquisition date"), null=True, blank=True)
    condition = models.CharField(_("condition"), max_length=100, blank=True)
    user = models.CharField(_("used by"), max_length=100, blank=True)
    disposal = models.CharField(_("disposal"), max_length=12, choices=Disposal.choices, blank=True)
    disposed_on = models.DateField(_("disposal date"), null=True, blank=True)
    disposal_reason = models.TextField(_("reason for disposal"), blank=True)
    proceeds = _money_field(_("proceeds (yuan)"), null=True, blank=True)
    # What the disclosure names as the authorising decision: the permalink code of the resolution,
    # or the minutes' number of a decision taken before the portal. Snapshots keep only this text.
    decision_reference = models.CharField(_("authorising decision"), max_length=100, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.number} {self.name}"

    @property
    def is_disposed(self) -> bool:
        return bool(self.disposal)


class ResourceFields(VillageOwned):
    """What the register says about a resource, in the working register and in snapshots."""

    number = models.CharField(_("register number"), max_length=20, validators=[number_validator])
    type = models.CharField(_("type"), max_length=20, choices=ResourceType.choices)
    name = models.CharField(_("name"), max_length=100)
    location = models.CharField(_("location"), max_length=200, blank=True)
    area_mu = models.DecimalField(
        _("area (mu)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    status = models.CharField(_("status"), max_length=20, choices=ResourceStatus.choices)
    user = models.CharField(_("used by"), max_length=100, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.number} {self.name}"


class Asset(AssetFields):
    """A fixed asset in the working register."""

    decision = models.ForeignKey(
        "decisions.Matter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disposed_assets",
        verbose_name=_("authorising decision"),
    )
    updated_at = clock.TimestampField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["village_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "number"],
                name="unique_asset_number",
                violation_error_message=_("This register number is already used in this village."),
            )
        ]
        verbose_name = _("fixed asset")
        verbose_name_plural = _("fixed assets")


class Resource(ResourceFields):
    """A resource in the working register."""

    updated_at = clock.TimestampField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["village_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "number"],
                name="unique_resource_number",
                violation_error_message=_("This register number is already used in this village."),
            )
        ]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")


class Photo(VillageOwned):
    """A photo of an asset or a resource in the working register, stored as a publishing blob."""

    asset = models.ForeignKey(
        Asset,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="photos",
        verbose_name=_("fixed asset"),
    )
    resource = models.ForeignKey(
        Resource,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="photos",
        verbose_name=_("resource"),
    )
    filename = models.CharField(_("file name"), max_length=200)
    blob = models.ForeignKey(
        Blob, on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    thumbnail = models.ForeignKey(
        Blob, on_delete=models.PROTECT, related_name="+", verbose_name=_("thumbnail")
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(asset__isnull=True) ^ models.Q(resource__isnull=True),
                name="photo_of_one_item",
            )
        ]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class Snapshot(VillageOwned):
    """The date a register revision was taken from the working register."""

    revision = models.OneToOneField(
        Revision,
        on_delete=models.CASCADE,
        related_name="asset_snapshot",
        verbose_name=_("revision"),
    )
    taken_on = models.DateField(_("register as of"))

    class Meta:
        verbose_name = _("register snapshot")
        verbose_name_plural = _("register snapshots")


class SnapshotAsset(AssetFields):
    """A frozen copy of a fixed asset, as disclosed in a register revision."""

    revision = models.ForeignKey(
        Revision,
        on_delete=models.CASCADE,
        related_name="snapshot_assets",
        verbose_name=_("revision"),
    )
    # Photos are attachments of the revision (so the chain covers them), named by their hash.
    photos = models.JSONField(_("photos"), default=list, blank=True)

    class Meta:
        ordering = ["revision_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "number"], name="unique_snapshot_asset_number"
            )
        ]
        verbose_name = _("disclosed fixed asset")
        verbose_name_plural = _("disclosed fixed assets")


class SnapshotResource(ResourceFields):
    """A frozen copy of a resource, as disclosed in a register revision."""

    revision = models.ForeignKey(
        Revision,
        on_delete=models.CASCADE,
        related_name="snapshot_resources",
        verbose_name=_("revision"),
    )
    photos = models.JSONField(_("photos"), default=list, blank=True)

    class Meta:
        ordering = ["revision_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "number"], name="unique_snapshot_resource_number"
            )
        ]
        verbose_name = _("disclosed resource")
        verbose_name_plural = _("disclosed resources")
