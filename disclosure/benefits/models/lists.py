"""Lists of benefit recipients (惠农补贴、低保 and other assistance).

A recipient row is content of its revision and frozen with it; it holds the name and the
identity number only as salted commitments. The values and their salts live in
`PersonalValues`, which is not frozen, so they can be removed when the publicity window ends
while the revision, its digest and the village's chain stay intact.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosure.publishing.models import Revision
from disclosure.regions.models import Region, VillageOwned

DEFAULT_WINDOW_DAYS = 90


class BenefitsKind(models.TextChoices):
    """The kinds of posting this app publishes (registered in apps.py)."""

    BENEFIT_LIST = "benefit_list", _("List of benefit recipients")


class BenefitType(models.TextChoices):
    FARMLAND = "farmland", _("Farmland protection subsidy")
    GRAIN_ONE_OFF = "grain_one_off", _("One-off grain-growing subsidy")
    GRAIN_OTHER = "grain_other", _("Other grain subsidy")
    MACHINERY = "machinery", _("Farm machinery purchase subsidy")
    COMPREHENSIVE = "comprehensive", _("Comprehensive agricultural subsidy")
    INSURANCE_PREMIUM = "insurance_premium", _("Agricultural insurance premium subsidy")
    INSURANCE = "insurance", _("Agricultural insurance claim")
    PENSION = "pension", _("Basic pension for rural and urban residents")
    MINIMUM_LIVING = "minimum_living", _("Minimum living allowance")
    EXTREME_POVERTY = "extreme_poverty", _("Extreme-poverty support")
    MEDICAL = "medical", _("Medical assistance")
    TEMPORARY = "temporary", _("Temporary assistance")
    DISABILITY = "disability", _("Two subsidies for people with disabilities")
    HOUSING = "housing", _("Dangerous-house renovation")
    OTHER = "other", _("Other")


class Unit(models.TextChoices):
    """What an amount is paid per, so that it can be checked against area or household size."""

    MU = "mu", _("per mu")
    PERSON = "person", _("per person")
    HOUSEHOLD = "household", _("per household")


UNITS = {
    BenefitType.FARMLAND: Unit.MU,
    BenefitType.GRAIN_ONE_OFF: Unit.MU,
    BenefitType.GRAIN_OTHER: Unit.MU,
    BenefitType.MACHINERY: Unit.HOUSEHOLD,
    BenefitType.COMPREHENSIVE: Unit.MU,
    BenefitType.INSURANCE_PREMIUM: Unit.MU,
    BenefitType.INSURANCE: Unit.HOUSEHOLD,
    BenefitType.PENSION: Unit.PERSON,
    BenefitType.MINIMUM_LIVING: Unit.HOUSEHOLD,
    BenefitType.EXTREME_POVERTY: Unit.PERSON,
    BenefitType.MEDICAL: Unit.PERSON,
    BenefitType.TEMPORARY: Unit.HOUSEHOLD,
    BenefitType.DISABILITY: Unit.PERSON,
    BenefitType.HOUSING: Unit.HOUSEHOLD,
    BenefitType.OTHER: Unit.HOUSEHOLD,
}


def benefit_label(benefit_type: str, item: str = "") -> str:
    """A county's own name for an "other" benefit, else the benefit's label."""
    return item or str(BenefitType(benefit_type).label)


class NameDisplay(models.TextChoices):
    SURNAME = "surname", _("Surname and an asterisk (张*)")
    FULL = "full", _("Full name")


class CountyPolicy(models.Model):
    """How a county publishes benefit lists: how names are shown and for how long."""

    county = models.OneToOneField(
        Region,
        on_delete=models.PROTECT,
        related_name="benefit_policy",
        limit_choices_to={"level": "county"},
        verbose_name=_("county"),
    )
    name_display = models.CharField(
        _("names on public pages"),
        max_length=10,
        choices=NameDisplay.choices,
        default=NameDisplay.SURNAME,
    )
    window_days = models.PositiveIntegerField(
        _("publicity window in days"),
        default=DEFAULT_WINDOW_DAYS,
        help_text=_("After this many days the recipients' names leave every public page."),
    )
    household_ceiling = models.DecimalField(
        _("most one household may draw in a year (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A household listed for more in one year is flagged; empty: no ceiling."),
    )

    class Meta:
        verbose_name = _("county benefit list policy")
        verbose_name_plural = _("county benefit list policies")

    def __str__(self):
        return str(self.county)


class CountyBenefit(models.Model):
    """A benefit a county names itself, imported as "other" under this name, with its unit."""

    county = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="benefits",
        limit_choices_to={"level": "county"},
        verbose_name=_("county"),
    )
    name = models.CharField(_("name"), max_length=50)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)

    class Meta:
        ordering = ["county_id", "name"]
        constraints = [
            models.UniqueConstraint(fields=["county", "name"], name="unique_county_benefit")
        ]
        verbose_name = _("benefit named by the county")
        verbose_name_plural = _("benefits named by the county")

    def __str__(self):
        return self.name


class BenefitList(VillageOwned):
    """The publicity window of one revision of a benefit list, and whether it has ended."""

    revision = models.OneToOneField(
        Revision,
        on_delete=models.CASCADE,
        related_name="benefit_list",
        verbose_name=_("revision"),
    )
    public_from = models.DateField(
        _("publicity started"),
        null=True,
        blank=True,
        help_text=_("Empty: the publicity starts on the day the list is published."),
    )
    expired_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("benefit list")
        verbose_name_plural = _("benefit lists")

    def __str__(self):
        return str(self.revision)

    def start_date(self) -> datetime.date | None:
        if self.public_from:
            return self.public_from
        published = self.revision.published_at
        return timezone.localdate(published) if published else None


class Recipient(VillageOwned):
    """One line of a published benefit list: everything but the personal values themselves."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("revision")
    )
    position = models.PositiveIntegerField(_("position"))
    group = models.CharField(_("village group"), max_length=50)
    benefit_type = models.CharField(_("benefit"), max_length=20, choices=BenefitType.choices)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=14, decimal_places=2)
    period = models.CharField(_("period"), max_length=50)
    # The county's own name of an "other" benefit; empty for the benefits every county has.
    item = models.CharField(_("benefit named by the county"), max_length=50, blank=True)
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, blank=True)
    name_commitment = models.CharField(_("commitment to the name"), max_length=64)
    identity_commitment = models.CharField(_("commitment to the identity number"), max_length=64)

    class Meta:
        ordering = ["revision_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "position"], name="unique_recipient_position"
            )
        ]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")

    def canonical(self) -> dict:
        row = {
            "position": self.position,
            "group": self.group,
            "benefit_type": self.benefit_type,
            "amount": f"{self.amount:.2f}",
            "period": self.period,
            "name_commitment": self.name_commitment,
            "identity_commitment": self.identity_commitment,
        }
        # Members added later appear only when set, so earlier revisions keep their bytes.
        if self.item:
            row["item"] = self.item
        if self.quantity is not None:
            row["quantity"] = f"{self.quantity:.2f}"
        if self.unit:
            row["unit"] = self.unit
        return row

    @property
    def label(self) -> str:
        return benefit_label(self.benefit_type, self.item)


class PersonalValues(VillageOwned):
    """A recipient's name and identity number with the salts of their commitments.

    Not frozen: these rows are deleted when the list's publicity window ends.
    """

    recipient = models.OneToOneField(
        Recipient,
        on_delete=models.CASCADE,
        related_name="personal",
        verbose_name=_("recipient"),
    )
    name = models.CharField(_("name"), max_length=50)
    name_salt = models.CharField(_("salt of the name"), max_length=32)
    identity_number = models.CharField(_("identity number"), max_length=18)
    identity_salt = models.CharField(_("salt of the identity number"), max_length=32)

    class Meta:
        verbose_name = _("personal values of a recipient")
        verbose_name_plural = _("personal values of recipients")


class Slip(VillageOwned):
    """What lets a household find and prove its own row: never public, never frozen.

    `person_key` is a keyed pseudonym of the identity number; `sealed` holds the row's two salts,
    readable only with the identity number and the household's slip code (benefits/slips.py).
    Both stay when the list's personal values are removed, so the household still finds its row.
    """

    recipient = models.OneToOneField(
        Recipient, on_delete=models.CASCADE, related_name="slip", verbose_name=_("recipient")
    )
    person_key = models.CharField(_("pseudonym of the identity number"), max_length=64)
    sealed = models.TextField(_("sealed salts"))

    class Meta:
        indexes = [models.Index(fields=["person_key"])]
        verbose_name = _("slip")
        verbose_name_plural = _("slips")


class NonReceipt(VillageOwned):
    """A household said, from its own entries, that it did not receive this payment."""

    recipient = models.ForeignKey(
        Recipient, on_delete=models.PROTECT, related_name="non_receipts", verbose_name=_("entry")
    )
    report = models.OneToOneField(
        "reports.Report",
        on_delete=models.PROTECT,
        related_name="non_receipt",
        verbose_name=_("report"),
    )

    class Meta:
        verbose_name = _("payment reported as not received")
        verbose_name_plural = _("payments reported as not received")
