from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("City")
    COUNTY = "county", _("County")
    TOWNSHIP = "township", _("Township")
    VILLAGE = "village", _("Village")


# Digits of the 12-digit statistical division code that identify a node at each level:
# 2 province, 2 city, 2 county, 3 township, 3 village.
PREFIX_LENGTH = {
    Level.PROVINCE: 2,
    Level.CITY: 4,
    Level.COUNTY: 6,
    Level.TOWNSHIP: 9,
    Level.VILLAGE: 12,
}
LEVEL_ORDER = [Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE]

code_validator = RegexValidator(r"^\d{12}$", _("A division code has exactly 12 digits."))


class RegionQuerySet(models.QuerySet):
    def villages(self):
        return self.filter(level=Level.VILLAGE)

    def within(self, region: "Region"):
        """The region itself and every region below it."""
        return self.filter(code__startswith=region.prefix)


class Region(models.Model):
    """A node of the administrative tree, identified by its statistical division code."""

    code = models.CharField(
        _("division code"), max_length=12, unique=True, validators=[code_validator]
    )
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent region"),
    )
    # Nothing is due from a village for days before it was on the portal: a village added today
    # owes no disclosure of last quarter here. Empty for regions there from the start.
    joined_on = models.DateField(
        _("on the portal since"),
        null=True,
        blank=True,
        help_text=_("Nothing is due for the days before. Empty: from the start."),
    )
    # A county's own choice, made by its administrator: administrators, township officials and
    # report handlers always need a second factor; clerks and supervisors when their county says so.
    second_factor_for_all_staff = models.BooleanField(
        _("second factor required of clerks and supervisors"),
        default=False,
        help_text=_("Set on a county: every staff member of its villages must log in with a code."),
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        # Villagers find their village by the start of its name (清河 finds 清河村): a pattern
        # index serves that in any collation, however many villages there are.
        indexes = [
            models.Index(
                fields=["name"], name="region_name_start", opclasses=["varchar_pattern_ops"]
            )
        ]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    @property
    def prefix(self) -> str:
        return self.code[: PREFIX_LENGTH[self.level]]

    @property
    def is_village(self) -> bool:
        return self.level == Level.VILLAGE

    def contains(self, other: "Region") -> bool:
        return other.code.startswith(self.prefix)

    def ancestors(self) -> list["Region"]:
        """From the top of the tree down to the parent of this region."""
        chain = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))


class VillageOwned(models.Model):
    """A row that belongs to one village, which is its tenant key.

    Every table that grows with the villages carries its village (tests/test_tenant_key.py): the
    key a national deployment distributes it by (docs/deploy.md) and `access.scope` filters by.
    A model that needs the village under another related name, or removed with the village,
    declares its own `village` field of this shape instead.
    """

    village = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("village")
    )

    class Meta:
        abstract = True


class User(AbstractUser):
    """A staff member. Villagers read without an account."""

    display_name = models.CharField(_("name shown publicly"), max_length=50, blank=True)

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username

    @property
    def public_name(self) -> str:
        return str(self)


class RoleKind(models.TextChoices):
    CLERK = "clerk", _("Clerk")
    SUPERVISOR = "supervisor", _("Supervision committee member")
    TOWNSHIP_OFFICIAL = "township_official", _("Township official")
    REPORT_HANDLER = "report_handler", _("Report handler (discipline inspection)")
    ADMINISTRATOR = "administrator", _("Administrator")


class Role(models.Model):
    """A staff role held on a region node; it reaches the node and everything below it."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="roles", verbose_name=_("user")
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="roles", verbose_name=_("region")
    )
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "region", "kind"], name="unique_role")
        ]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()} · {self.region}"


class OfficialNumberQuerySet(models.QuerySet):
    def kept_for(self, region: Region) -> frozenset[str]:
        """The numbers shown in full in the texts of this region: its own and those of the
        regions above it (a township's office line appears in its villages' notices)."""
        codes = {region.code[:length].ljust(12, "0") for length in (2, 4, 6, 9, 12)}
        return frozenset(self.filter(region__code__in=codes).values_list("number", flat=True))


class OfficialNumber(models.Model):
    """A telephone number the county registers as official (a village office's hotline, a
    cadre's work mobile), which notices show in full: every other mobile number is masked
    (publishing/masking.py). A private number never belongs here."""

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="official_numbers",
        verbose_name=_("village or office"),
    )
    number = models.CharField(
        _("number"),
        max_length=15,
        validators=[RegexValidator(r"^\d{7,15}$", _("Digits only, as dialled: 7 to 15 of them."))],
        help_text=_("As dialled, digits only: 13800001111 or 057188886666."),
    )
    label = models.CharField(
        _("whose"), max_length=100, help_text=_("For example: 杏花村村委会值班电话.")
    )

    objects = OfficialNumberQuerySet.as_manager()

    class Meta:
        ordering = ["region_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["region", "number"], name="unique_official_number")
        ]
        verbose_name = _("official telephone number")
        verbose_name_plural = _("official telephone numbers")

    def __str__(self):
        return f"{self.label} {self.number}"
