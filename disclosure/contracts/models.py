"""Contracts (合同) and construction or purchase projects (项目) of a village.

A contract's terms, schedule and bids are content of a revision of its posting and frozen once
published. Payments accrue afterwards: they belong to the posting (the contracting process), are
append-only in the database, and a mistaken one is undone by a reversing entry.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.publishing import records
from disclosure.publishing.masking import mask_identity_number
from disclosure.publishing.models import Posting, Revision, posting_is_public
from disclosure.regions.models import VillageOwned

MONEY = {"max_digits": 14, "decimal_places": 2}


class ContractsKind(models.TextChoices):
    """The kinds of posting this app publishes (registered in apps.py)."""

    CONTRACT = "contract", _("Contract")
    PROJECT = "project", _("Construction or purchase project")


class CounterpartyKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class Direction(models.TextChoices):
    INCOME = "income", _("Income to the village (lease, contracting out)")
    EXPENDITURE = "expenditure", _("Expenditure of the village (construction, purchase)")


class AwardMethod(models.TextChoices):
    PUBLIC_BIDDING = "public_bidding", _("Public bidding")
    AUCTION = "auction", _("Auction")
    NEGOTIATION = "negotiation", _("Negotiation")
    DIRECT_AWARD = "direct_award", _("Direct award")


def _money(value) -> str | None:
    return None if value is None else f"{value:.2f}"


def _date(value) -> str | None:
    return value.isoformat() if value else None


class Contract(VillageOwned):
    """The terms of one contract, as one revision of its posting states them."""

    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, related_name="contract", verbose_name=_("revision")
    )
    counterparty_kind = models.CharField(
        _("counterparty is"), max_length=12, choices=CounterpartyKind.choices
    )
    counterparty = models.CharField(pgettext_lazy("contract", "counterparty"), max_length=100)
    # Kept for staff; every public surface shows it through masking.mask_identity_number.
    identity_number = models.CharField(_("identity number"), max_length=18, blank=True)
    subject = models.CharField(_("asset or resource concerned"), max_length=200)
    # Links into the working registers and the decisions app help staff; the frozen, digested
    # description is `subject` and `decision_reference`, which no later register edit can change.
    asset = models.ForeignKey(
        "assets.Asset",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name=_("fixed asset"),
    )
    resource = models.ForeignKey(
        "assets.Resource",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name=_("resource"),
    )
    purpose = models.TextField(_("purpose"))
    direction = models.CharField(_("money flow"), max_length=12, choices=Direction.choices)
    start_date = models.DateField(_("start of term"))
    end_date = models.DateField(_("end of term"))
    total_amount = models.DecimalField(_("total amount (yuan)"), **MONEY)
    award_method = models.CharField(
        _("how the counterparty was chosen"), max_length=16, choices=AwardMethod.choices
    )
    matter = models.ForeignKey(
        "decisions.Matter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name=_("authorising major matter"),
    )
    decision_reference = models.CharField(
        pgettext_lazy("contract", "authorising decision"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")

    def __str__(self):
        return f"{self.subject} · {self.counterparty}"

    @property
    def masked_identity_number(self) -> str:
        return mask_identity_number(self.identity_number)

    def canonical(self) -> dict:
        # The chain export is public: only the masked identity number enters the digest.
        return {
            "counterparty_kind": self.counterparty_kind,
            "counterparty": self.counterparty,
            "identity_number": self.masked_identity_number,
            "subject": self.subject,
            "purpose": self.purpose,
            "direction": self.direction,
            "start_date": _date(self.start_date),
            "end_date": _date(self.end_date),
            "total_amount": _money(self.total_amount),
            "award_method": self.award_method,
            "decision_reference": self.decision_reference,
        }


class Instalment(VillageOwned):
    """One due date and amount of a contract's payment schedule."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="instalments", verbose_name=_("revision")
    )
    position = models.PositiveIntegerField(_("position"))
    due_date = models.DateField(pgettext_lazy("contract", "due date"))
    amount = models.DecimalField(_("amount (yuan)"), **MONEY)

    class Meta:
        ordering = ["revision_id", "position"]
        verbose_name = _("scheduled payment")
        verbose_name_plural = _("payment schedule")

    def canonical(self) -> dict:
        return {"due_date": _date(self.due_date), "amount": _money(self.amount)}


class Bid(VillageOwned):
    """A bidder and their price, for a contract awarded by bidding or a project's bidding stage."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="bids", verbose_name=_("revision")
    )
    stage = models.ForeignKey(
        "ProjectStage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bids",
        verbose_name=_("project stage"),
    )
    position = models.PositiveIntegerField(_("position"))
    bidder = models.CharField(_("bidder"), max_length=100)
    price = models.DecimalField(_("bid price (yuan)"), **MONEY)
    won = models.BooleanField(_("won"), default=False)

    class Meta:
        ordering = ["revision_id", "position"]
        verbose_name = _("bid")
        verbose_name_plural = _("bids")

    def canonical(self) -> dict:
        return {"bidder": self.bidder, "price": _money(self.price), "won": self.won}


class Stage(models.TextChoices):
    APPROVAL = "approval", _("Approval")
    BIDDING = "bidding", _("Bidding")
    AWARD = "award", _("Award")
    CONTRACT = "contract", _("Contract")
    CONSTRUCTION = "construction", _("Construction")
    ACCEPTANCE = "acceptance", _("Acceptance")
    FINAL_ACCOUNTS = "final_accounts", _("Final accounts")


STAGE_ORDER = list(Stage.values)


class ProjectStage(VillageOwned):
    """One stage of a project as it was disclosed; each revision carries all stages so far."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="stages", verbose_name=_("revision")
    )
    stage = models.CharField(
        pgettext_lazy("project", "stage"), max_length=16, choices=Stage.choices
    )
    date = models.DateField(_("date"))
    description = models.TextField(_("what happened"))
    amount = models.DecimalField(_("amount (yuan)"), null=True, blank=True, **MONEY)

    class Meta:
        ordering = ["revision_id", "date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "stage"], name="one_stage_per_revision")
        ]
        verbose_name = _("project stage")
        verbose_name_plural = _("project stages")

    def canonical(self) -> dict:
        return {
            "stage": self.stage,
            "date": _date(self.date),
            "description": self.description,
            "amount": _money(self.amount),
            "bids": [bid.canonical() for bid in self.bids.all()],
        }


class PaymentQuerySet(models.QuerySet):
    def public(self):
        """Payments villagers are shown: every one, since only a published contract takes them."""
        return self.filter(posting_is_public("posting"))


def now_to_the_second():
    return clock.now().replace(microsecond=0)


class Payment(VillageOwned):
    """Money received or paid under a published contract. Append-only: the database refuses change.

    A mistake is undone by a reversing entry (a negative amount pointing at the entry it reverses).
    Each is a public record (publishing/records.py): its digest is set before it is inserted.
    """

    posting = models.ForeignKey(
        Posting, on_delete=models.PROTECT, related_name="payments", verbose_name=_("contract")
    )
    paid_on = models.DateField(_("date paid"))
    amount = models.DecimalField(_("amount (yuan)"), **MONEY)
    # Only entries of a published finance period are linked: those are never deleted.
    ledger_entry = models.ForeignKey(
        "finance.LedgerEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contract_payments",
        verbose_name=_("ledger entry"),
    )
    ledger_reference = models.CharField(_("ledger voucher number"), max_length=50, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
        verbose_name=_("reverses"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    # Set before the row is inserted, to the second, as its public document states it.
    recorded_at = models.DateTimeField(_("recorded"), default=now_to_the_second)
    record_digest = models.CharField(
        _("digest of its public state"), max_length=64, blank=True, editable=False
    )

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["paid_on", "pk"]
        indexes = [models.Index(fields=["village", "posting"])]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self):
        return f"{self.paid_on} {self.amount}"

    def record_document(self) -> dict:
        """What villagers read of the payment (the contract page's "paid so far" and arrears,
        the OCDS transactions, the API), as its record's document."""
        return {
            "contract": self.posting.code,
            "paid_on": records.day(self.paid_on),
            "amount": records.money(self.amount),
            "ledger_reference": self.ledger_reference,
            "note": self.note,
            "reverses": self.reverses_id,
            "recorded_at": records.timestamp(self.recorded_at),
        }

    def describe(self) -> str:
        return gettext("payment %(id)d of contract %(posting)s") % {
            "id": self.pk,
            "posting": self.posting.code,
        }
