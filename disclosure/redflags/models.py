"""The register of village cadres (村干部) and the close relatives they declare.

Staff-only: identity numbers are kept in full so that they can be matched against the
counterparties of contracts, and are shown masked everywhere (pages, admin, exports).
A cadre who leaves office keeps their row with the date they left, so past flags stay explainable.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from disclosure.publishing.masking import mask_identity_number
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
