"""The finance disclosure calendar: who sets it, from when a change applies, what it asks for.

The county sets how often its villages disclose their finances and how many days they have after
a period ends (within the law: at least once a quarter); a village may only be stricter (monthly
instead of quarterly, fewer days). A rule applies from a quarter's first day, so that the periods
it asks for never overlap those of an earlier rule, and a change applies from the next period on:
never to a period already ended, created or published. Only a village's very first rule of its
own, set before it has any period, applies from the start (it is setting up, nothing is judged yet).
"""

import calendar
import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.publishing import changes
from disclosure.publishing.audit import record
from disclosure.regions.access import Action, require
from disclosure.regions.models import Level, Region

from ..models import FinanceRule, Frequency, Period

BEGINNING = datetime.date(2000, 1, 1)
MOST_DUE_DAYS = 90


@dataclass(frozen=True)
class Rule:
    frequency: str
    due_days: int

    def stricter(self, other: "Rule") -> "Rule":
        monthly = Frequency.MONTHLY in (self.frequency, other.frequency)
        return Rule(
            Frequency.MONTHLY if monthly else Frequency.QUARTERLY,
            min(self.due_days, other.due_days),
        )

    def allows(self, other: "Rule") -> bool:
        """Whether `other` is at least as strict as this rule."""
        return self.stricter(other) == other


def national_rule() -> Rule:
    return Rule(Frequency.QUARTERLY, settings.FINANCE_DUE_DAYS)


@dataclass(frozen=True)
class Due:
    """A period a village owes: its (frequency, number) in the year, its days and its due day."""

    frequency: str
    year: int
    number: int
    start: datetime.date
    end: datetime.date
    due_on: datetime.date


class Rules:
    """The history of the rules a village discloses under: its county's and its own."""

    def __init__(self, county_rows: list, own_rows: list):
        self.county_rows = sorted(county_rows, key=lambda row: row.applies_from)
        self.own_rows = sorted(own_rows, key=lambda row: row.applies_from)

    @staticmethod
    def _at(rows, day: datetime.date) -> Rule | None:
        found = None
        for row in rows:
            if row.applies_from <= day:
                found = Rule(row.frequency, row.due_days)
        return found

    def county_at(self, day: datetime.date) -> Rule:
        return self._at(self.county_rows, day) or national_rule()

    def own_at(self, day: datetime.date) -> Rule | None:
        return self._at(self.own_rows, day)

    def at(self, day: datetime.date) -> Rule:
        county = self.county_at(day)
        own = self.own_at(day)
        return county.stricter(own) if own else county

    def schedule(self, year: int) -> list[Due]:
        """Every period of the year, quarter by quarter under the rule in force on its first day."""
        found = []
        for quarter in range(1, 5):
            first = datetime.date(year, 3 * quarter - 2, 1)
            rule = self.at(first)
            if rule.frequency == Frequency.MONTHLY:
                numbers = range(3 * quarter - 2, 3 * quarter + 1)
            else:
                numbers = [quarter]
            for number in numbers:
                start, end = bounds(year, number, rule.frequency)
                due_on = end + datetime.timedelta(days=rule.due_days)
                found.append(Due(rule.frequency, year, number, start, end, due_on))
        return found


def bounds(year: int, number: int, frequency: str) -> tuple[datetime.date, datetime.date]:
    """First and last day of a month (1–12) or quarter (1–4)."""
    count = 12 if frequency == Frequency.MONTHLY else 4
    if not 1 <= number <= count:
        raise ValidationError({"number": _("There is no such month or quarter.")})
    first_month = number if frequency == Frequency.MONTHLY else 3 * number - 2
    last_month = number if frequency == Frequency.MONTHLY else 3 * number
    last_day = calendar.monthrange(year, last_month)[1]
    return datetime.date(year, first_month, 1), datetime.date(year, last_month, last_day)


def county_code(village_code: str) -> str:
    return village_code[:6] + "0" * 6


def rules_of(village_ids: Iterable[int], codes: dict[int, str] | None = None) -> dict[int, Rules]:
    """The rules of each village, in one query whatever their number (two without their codes)."""
    if codes is None:
        codes = dict(Region.objects.filter(pk__in=list(village_ids)).values_list("pk", "code"))
    counties = {county_code(code) for code in codes.values()}
    found = FinanceRule.objects.filter(
        Q(region_id__in=list(codes)) | Q(region__code__in=counties, region__level=Level.COUNTY)
    ).select_related("region")
    own, of_county = defaultdict(list), defaultdict(list)
    for row in found:
        if row.region.level == Level.COUNTY:
            of_county[row.region.code].append(row)
        else:
            own[row.region_id].append(row)
    return {pk: Rules(of_county[county_code(code)], own[pk]) for pk, code in codes.items()}


def rules_of_village(village) -> Rules:
    return rules_of([village.pk])[village.pk]


def _quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _next_quarter_start(day: datetime.date) -> datetime.date:
    start = _quarter_start(day)
    if start.month == 10:
        return datetime.date(start.year + 1, 1, 1)
    return datetime.date(start.year, start.month + 3, 1)


def _applies_from(village, rules: Rules, today: datetime.date) -> datetime.date:
    """This quarter's first day if none of its periods has ended or been created, else the next
    quarter's; the village's first own rule before it has any period applies from the start."""
    has_periods = Period.objects.filter(village=village).exists()
    if not rules.own_rows and not has_periods:
        return BEGINNING
    start = _quarter_start(today)
    running = rules.at(start)
    first_end = bounds(start.year, start.month, Frequency.MONTHLY)[1]
    if running.frequency == Frequency.QUARTERLY:
        first_end = bounds(start.year, (start.month + 2) // 3, Frequency.QUARTERLY)[1]
    created = Period.objects.filter(village=village, end__gte=start).exists()
    if today <= first_end and not created:
        return start
    return _next_quarter_start(today)


def _checked_rule(frequency: str, due_days: int) -> Rule:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose monthly or quarterly.")})
    if not 1 <= due_days <= MOST_DUE_DAYS:
        raise ValidationError({"due_days": _("Give between 1 and 90 days.")})
    return Rule(frequency, due_days)


def _replace_from(region, rule: Rule, applies_from: datetime.date) -> FinanceRule:
    """Rules not yet in force give way to the new one, which applies from `applies_from`."""
    FinanceRule.objects.filter(region=region, applies_from__gte=applies_from).delete()
    return FinanceRule.objects.create(
        region=region, applies_from=applies_from, frequency=rule.frequency, due_days=rule.due_days
    )


@transaction.atomic
def set_village_rule(*, village, frequency: str, due_days: int, by, ip=None) -> FinanceRule:
    """The village's own rule, at least as strict as its county's, from the next period on."""
    require(by, Action.DRAFT, village)
    rule = _checked_rule(frequency, due_days)
    today = clock.today()
    rules = rules_of_village(village)
    applies_from = _applies_from(village, rules, today)
    county = rules.county_at(max(applies_from, today))
    if not county.allows(rule):
        raise ValidationError(
            _(
                "The county asks for %(frequency)s disclosure within %(days)d days of a period's "
                "end; a village may only be stricter."
            )
            % {"frequency": Frequency(county.frequency).label.lower(), "days": county.due_days}
        )
    saved = _replace_from(village, rule, applies_from)
    record(
        by=by,
        action="finance.settings",
        village=village,
        target=village.name,
        ip=ip,
        frequency=frequency,
        due_days=due_days,
        applies_from=applies_from.isoformat(),
    )
    changes.count(village.pk)
    return saved


@transaction.atomic
def set_county_rule(*, county, frequency: str, due_days: int, by, ip=None) -> FinanceRule:
    """The county's rule for its villages, from the next quarter on."""
    require(by, Action.SET_RULES, county)
    if county.level != Level.COUNTY:
        raise ValidationError(_("Disclosure rules are set by a county."))
    rule = _checked_rule(frequency, due_days)
    applies_from = _next_quarter_start(clock.today())
    saved = _replace_from(county, rule, applies_from)
    record(
        by=by,
        action="finance.county_rule",
        village=None,
        target=county.name,
        ip=ip,
        frequency=frequency,
        due_days=due_days,
        applies_from=applies_from.isoformat(),
    )
    for village_id in Region.objects.within(county).villages().values_list("pk", flat=True):
        changes.count(village_id)
    return saved
