"""A village's budget for a year, and the budget set against what was spent."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from disclosure.finance.models import FinanceKind
from disclosure.publishing import services as publishing
from disclosure.publishing.audit import record
from disclosure.publishing.models import posting_is_in_force
from disclosure.publishing.services import EDITABLE
from disclosure.regions.access import Action, require

from ..models import (
    EXPENDITURE_CATEGORIES,
    INCOME_CATEGORIES,
    Budget,
    BudgetLine,
    Category,
    PeriodTotal,
)

BUDGETED = [*INCOME_CATEGORIES, *EXPENDITURE_CATEGORIES]


@transaction.atomic
def save_budget(*, village, year: int, amounts: dict, by, ip=None):
    """Write the amounts per category into the year's open budget revision, starting the budget
    posting when there is none. Returns the revision."""
    require(by, Action.DRAFT, village)
    unknown = set(amounts) - set(BUDGETED)
    if unknown:
        raise ValidationError(
            _("Unknown budget categories: %(names)s") % {"names": sorted(unknown)}
        )
    if any(Decimal(amount) < 0 for amount in amounts.values()):
        raise ValidationError(_("Budget amounts cannot be negative."))
    budget = Budget.objects.filter(village=village, year=year).select_related("posting").first()
    if budget is None:
        title = _("%(village)s budget for %(year)d") % {"village": village.name, "year": year}
        revision = publishing.create_posting(
            village=village,
            kind=FinanceKind.BUDGET,
            content=publishing.Content(title=title),
            by=by,
            ip=ip,
        )
        Budget.objects.create(village=village, year=year, posting=revision.posting)
    else:
        revision = budget.posting.revisions.open().first()
        if revision is None or revision.state not in EDITABLE:
            raise ValidationError(
                _("The budget is published or awaiting sign-off; start a correction to change it.")
            )
    revision.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(revision=revision, village=village, category=category, amount=amount)
        for category, amount in amounts.items()
    )
    record(by=by, action="finance.budget", village=village, target=str(revision), ip=ip)
    return revision


@dataclass
class BudgetLineActual:
    category: str
    budget: Decimal
    actual: Decimal

    @property
    def label(self):
        return Category(self.category).label

    @property
    def share(self) -> Decimal | None:
        """Actual as a percentage of the budget, or None without a budget."""
        return (self.actual * 100 / self.budget).quantize(Decimal("0.1")) if self.budget else None


def budget_vs_actual(*, village, year: int) -> list[BudgetLineActual]:
    """Per category: the published budget and the published periods' totals so far in the year.
    Empty when no budget for the year is published."""
    budget = Budget.objects.filter(
        posting_is_in_force("posting"), village=village, year=year
    ).select_related("posting")
    budget = budget.first()
    if budget is None:
        return []
    planned = {line.category: line.amount for line in budget.posting.current.budget_lines.all()}
    totals = (
        PeriodTotal.objects.filter(
            posting_is_in_force("revision__posting"),
            revision__posting__finance_period__village=village,
            revision__posting__finance_period__year=year,
            revision__posting__current=F("revision"),
        )
        .values("category")
        .annotate(income=Sum("income"), expenditure=Sum("expenditure"))
    )
    actual = {
        row["category"]: row["income"]
        if row["category"] in INCOME_CATEGORIES
        else row["expenditure"]
        for row in totals
    }
    return [
        BudgetLineActual(
            category, planned.get(category, Decimal("0.00")), actual.get(category, Decimal("0.00"))
        )
        for category in BUDGETED
        if category in planned or category in actual
    ]
