"""A village's money at a glance, for the top of its page: this year's income, spending and what
is left, last year's beside them, and the year's largest spendings.

The figures are those stored with each published period revision (PeriodSummary), read only
after the revision has been checked against its digest, and kept under that digest, as
portal/content.py keeps a rendering: the page never adds up figures the proof no longer covers.
A period that fails its check is left out of the sums and named, and the page is kept by no cache.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import caches

from disclosure.publishing import verification
from disclosure.publishing.models import Posting

from .models import FinanceKind, PeriodSummary

LARGEST = 3
ZERO = Decimal("0.00")


@dataclass
class YearMoney:
    year: int
    income: Decimal = ZERO
    expenditure: Decimal = ZERO
    periods: int = 0

    @property
    def left(self) -> Decimal:
        return self.income - self.expenditure


@dataclass(frozen=True)
class Spending:
    date: datetime.date
    summary: str
    amount: Decimal
    url: str


@dataclass
class MoneyGlance:
    this_year: YearMoney
    last_year: YearMoney
    # The largest spendings of this year, or of last year before this year has a period.
    largest: list[Spending] = field(default_factory=list)
    largest_year: int | None = None
    # Titles of the periods whose content no longer matches its digest.
    unverified: list[str] = field(default_factory=list)


def _period_postings(village, years):
    return (
        Posting.objects.in_force()
        .filter(village=village, kind=FinanceKind.FINANCE_PERIOD, finance_period__year__in=years)
        .select_related("current", "finance_period", "village")
        .order_by("finance_period__start")
    )


def checked_figures(posting) -> dict | None:
    """The stored figures of the posting's current revision, or None when the revision no longer
    matches its digest."""
    revision = posting.current
    revision.posting = posting
    kept = caches["revisions"]
    key = f"glance:{revision.digest}"
    figures = kept.get(key)
    if figures is None:
        if verification.revision_problem(revision) is not None:
            return None
        summary = PeriodSummary.objects.get(revision=revision)
        figures = {
            "income": summary.income,
            "expenditure": summary.expenditure,
            "largest": summary.largest_expenditures,
        }
        kept.set(key, figures)
    return figures


def _spendings(posting, largest: list[dict]) -> list[Spending]:
    url = posting.get_absolute_url()
    return [
        Spending(
            datetime.date.fromisoformat(item["date"]),
            item["summary"],
            Decimal(item["amount"]),
            url,
        )
        for item in largest
    ]


def money_glance(village, today: datetime.date) -> MoneyGlance:
    years = {today.year: YearMoney(today.year), today.year - 1: YearMoney(today.year - 1)}
    glance = MoneyGlance(years[today.year], years[today.year - 1])
    spendings = {year: [] for year in years}
    for posting in _period_postings(village, list(years)):
        figures = checked_figures(posting)
        if figures is None:
            glance.unverified.append(posting.current.title)
            continue
        year = years[posting.finance_period.year]
        year.income += figures["income"]
        year.expenditure += figures["expenditure"]
        year.periods += 1
        spendings[year.year] += _spendings(posting, figures["largest"])
    glance.largest_year = today.year if glance.this_year.periods else today.year - 1
    chosen = spendings[glance.largest_year]
    glance.largest = sorted(chosen, key=lambda s: s.amount, reverse=True)[:LARGEST]
    return glance
