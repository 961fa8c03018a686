"""Reading what villagers may see: only current revisions of published postings, never drafts."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import DecimalField, F, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from disclosure.contracts.models import ContractsKind
from disclosure.publishing.models import Revision, posting_is_in_force

from . import arrears
from .models import Bid, Contract, Payment, ProjectStage


def _paid_subquery():
    paid = (
        Payment.objects.filter(posting=OuterRef("revision__posting"))
        .values("posting")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(
        Subquery(paid, output_field=DecimalField()),
        Value(Decimal("0.00")),
        output_field=DecimalField(),
    )


def current_contracts(village=None):
    """Contracts as their posting's current published revision states them, with what was paid."""
    contracts = Contract.objects.filter(
        posting_is_in_force("revision__posting"),
        revision__posting__current=F("revision"),
    )
    if village is not None:
        contracts = contracts.filter(village=village)
    return (
        contracts.select_related("revision__posting", "village")
        .prefetch_related("revision__instalments", "revision__bids")
        .annotate(paid=_paid_subquery())
        .order_by("end_date", "pk")
    )


@dataclass(frozen=True)
class ContractStatus:
    contract: Contract
    standing: arrears.Standing
    expiring: bool

    @property
    def posting(self):
        return self.contract.revision.posting


def standing_of(contract: Contract, paid: Decimal, today: datetime.date) -> arrears.Standing:
    schedule = [(i.due_date, i.amount) for i in contract.revision.instalments.all()]
    return arrears.standing(schedule, paid, today)


def statuses(contracts, today: datetime.date) -> list[ContractStatus]:
    window = settings.CONTRACTS_EXPIRY_WINDOW_DAYS
    return [
        ContractStatus(
            contract=contract,
            standing=standing_of(contract, contract.paid, today),
            expiring=arrears.expires_within(contract.end_date, today, window),
        )
        for contract in contracts
    ]


def paid_for(posting) -> Decimal:
    total = posting.payments.aggregate(total=Sum("amount"))["total"]
    return total or Decimal("0.00")


def current_projects(village=None):
    """Current published revisions of projects, with their stages and bids."""
    revisions = Revision.objects.published().filter(
        posting_is_in_force("posting"),
        posting__kind=ContractsKind.PROJECT,
        posting__current=F("pk"),
    )
    if village is not None:
        revisions = revisions.filter(village=village)
    stages = ProjectStage.objects.prefetch_related(
        Prefetch("bids", Bid.objects.order_by("position"))
    )
    return (
        revisions.select_related("posting", "village")
        .prefetch_related(Prefetch("stages", stages))
        .order_by("-published_at", "-pk")
    )
