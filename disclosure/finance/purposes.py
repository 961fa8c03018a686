"""Spending in plain words: what each expenditure of a period was for (干部报酬和补贴, 保洁和环境,
道路和水利 …), beside the accounting categories that hide it ("管理费用").

Which purpose an entry serves is read from its words (summary, account name) and, failing that,
its account code. The purposes are data: a national default set (region empty, loaded by a data
migration), which a county, a township or a village replaces with a set of its own in the admin.
The grouping is worked out when a period's page is rendered, from the entries of a revision
checked against its digest; its rendering is kept under the digest and the version of the set
(`presentation_key`), so that an edited set shows at once and never alters the proof.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import Count, Max, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.regions.models import LEVEL_ORDER, PREFIX_LENGTH, Region

ZERO = Decimal("0.00")


def _split(text: str) -> list[str]:
    return [part for part in text.replace("，", " ").replace(",", " ").split() if part]


class SpendingPurpose(models.Model):
    """A plain purpose spending is grouped under on a period's page, for the villages of
    `region` (empty: the national default)."""

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applies to"),
        help_text=_(
            "The county, township or village whose periods it groups; empty for the national "
            "default. A region with purposes of its own uses only its own."
        ),
    )
    name = models.CharField(_("purpose"), max_length=30)
    position = models.PositiveSmallIntegerField(
        _("position"), help_text=_("Purposes are tried in this order; the first that fits wins.")
    )
    words = models.TextField(
        _("words"),
        blank=True,
        help_text=_("Words of an entry's summary or account name, separated by spaces."),
    )
    account_prefixes = models.CharField(
        _("account code prefixes"),
        max_length=200,
        blank=True,
        help_text=_("Used when no purpose's words fit; separated by spaces. The longest wins."),
    )
    changed_at = clock.TimestampField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["region_id", "position", "pk"]
        verbose_name = _("spending purpose")
        verbose_name_plural = _("spending purposes")

    def __str__(self):
        return self.name

    @property
    def word_list(self) -> list[str]:
        return _split(self.words)

    @property
    def prefix_list(self) -> list[str]:
        return _split(self.account_prefixes)


def _codes_above(village) -> list[str]:
    """The division codes of the village and of every region above it, from its own code."""
    return [village.code[:length].ljust(12, "0") for length in PREFIX_LENGTH.values()]


def _sets_for(village) -> list[dict]:
    """The sets of purposes that could apply to the village, nearest first: each with its
    region, how many purposes it has and when one last changed. One query."""
    sets = (
        SpendingPurpose.objects.filter(
            Q(region__code__in=_codes_above(village)) | Q(region__isnull=True)
        )
        .values("region_id", "region__level")
        .annotate(newest=Max("changed_at"), count=Count("pk"))
        .order_by()
    )
    depth = {level: index for index, level in enumerate(LEVEL_ORDER)}
    return sorted(sets, key=lambda found: depth.get(found["region__level"], -1), reverse=True)


def purposes_for(village) -> list[SpendingPurpose]:
    sets = _sets_for(village)
    if not sets:
        return []
    return list(SpendingPurpose.objects.filter(region_id=sets[0]["region_id"]))


def presentation_key(revision) -> str:
    """What a period's rendering depends on besides its digest: the set of purposes in force."""
    sets = _sets_for(revision.village)
    if not sets:
        return "none"
    nearest = sets[0]
    newest = nearest["newest"].isoformat() if nearest["newest"] else ""
    return f"{nearest['region_id']}:{nearest['count']}:{newest}"


def purpose_of(entry, purposes: list[SpendingPurpose]) -> str | None:
    text = f"{entry.summary} {entry.account_name}"
    for purpose in purposes:
        if any(word in text for word in purpose.word_list):
            return purpose.name
    matches = [
        (len(prefix), purpose.name)
        for purpose in purposes
        for prefix in purpose.prefix_list
        if entry.account_code.startswith(prefix)
    ]
    return max(matches)[1] if matches else None


@dataclass(frozen=True)
class PurposeLine:
    name: str
    amount: Decimal
    entries: int
    share: int  # per cent of the period's spending, rounded


def spending_by_purpose(revision, entries) -> list[PurposeLine]:
    """The period's spending by purpose, largest first, with what fits none last."""
    purposes = purposes_for(revision.village)
    amounts: dict[str | None, list] = {}
    for entry in entries:
        line = amounts.setdefault(purpose_of(entry, purposes), [ZERO, 0])
        line[0] += entry.expenditure
        line[1] += 1
    total = sum((amount for amount, _count in amounts.values()), ZERO)
    other = amounts.pop(None, None)
    lines = sorted(amounts.items(), key=lambda item: item[1][0], reverse=True)
    if other:
        lines.append((gettext("Other spending"), other))
    return [
        PurposeLine(name, amount, count, round(amount * 100 / total) if total else 0)
        for name, (amount, count) in lines
    ]


def expenditure_entries(revision):
    from .models import EXPENDITURE_CATEGORIES, LedgerEntry

    return (
        LedgerEntry.objects.filter(revision=revision, category__in=EXPENDITURE_CATEGORIES)
        .exclude(expenditure=0)
        .only("summary", "account_name", "account_code", "expenditure")
    )
