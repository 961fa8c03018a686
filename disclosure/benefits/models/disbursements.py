"""Disbursement files (一卡通发放明细) a township imports to check what was paid against the lists.

Staff-only. A row keeps the person and the account twice: as values (name, identity number,
account, holder), removed by the daily job when the county's retention period ends, and as keyed
pseudonyms (benefits/slips.py), kept so that the reconciliation still runs afterwards.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.regions.models import Region, VillageOwned

from .lists import BenefitType


class Disbursement(models.Model):
    """One file of payments of a township, and the days whose lists it is checked against."""

    township = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="disbursements",
        limit_choices_to={"level": "township"},
        verbose_name=_("township"),
    )
    filename = models.CharField(_("file name"), max_length=200)
    lists_from = models.DateField(_("lists published from"))
    lists_to = models.DateField(_("lists published until"))
    rows = models.PositiveIntegerField(_("rows"))
    total = models.DecimalField(_("total (yuan)"), max_digits=16, decimal_places=2)
    imported_at = clock.TimestampField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("imported by"),
    )
    personal_removed_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("disbursement file")
        verbose_name_plural = _("disbursement files")

    def __str__(self):
        return self.filename


class DisbursementRow(VillageOwned):
    disbursement = models.ForeignKey(
        Disbursement, on_delete=models.CASCADE, related_name="lines", verbose_name=_("file")
    )
    row = models.PositiveIntegerField(_("row"))
    person_key = models.CharField(_("pseudonym of the identity number"), max_length=64)
    account_key = models.CharField(_("pseudonym of the account"), max_length=64)
    holder_differs = models.BooleanField(_("account holder differs from the payee"))
    benefit_type = models.CharField(_("benefit"), max_length=20, choices=BenefitType.choices)
    item = models.CharField(_("benefit named by the county"), max_length=50, blank=True)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=14, decimal_places=2)
    paid_on = models.DateField(_("paid on"))
    # The values, until the county's retention period ends.
    name = models.CharField(_("name"), max_length=50, blank=True)
    identity_number = models.CharField(_("identity number"), max_length=18, blank=True)
    account = models.CharField(_("account"), max_length=40, blank=True)
    holder = models.CharField(_("account holder"), max_length=50, blank=True)

    class Meta:
        ordering = ["disbursement_id", "row"]
        indexes = [models.Index(fields=["disbursement", "village"])]
        verbose_name = _("disbursement row")
        verbose_name_plural = _("disbursement rows")


class Death(models.Model):
    """A death the township imported from the population register, to find allowances paid on.

    Only a keyed pseudonym of the identity number is kept, never the number itself.
    """

    township = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="deaths",
        limit_choices_to={"level": "township"},
        verbose_name=_("township"),
    )
    person_key = models.CharField(_("pseudonym of the identity number"), max_length=64)
    name = models.CharField(_("name"), max_length=50)
    died_on = models.DateField(_("date of death"))
    imported_at = clock.TimestampField(_("imported"), auto_now_add=True)

    class Meta:
        ordering = ["township_id", "died_on"]
        indexes = [models.Index(fields=["person_key"])]
        constraints = [
            models.UniqueConstraint(fields=["township", "person_key"], name="unique_death")
        ]
        verbose_name = _("death in the population register")
        verbose_name_plural = _("deaths in the population register")
