"""Rule on finance periods: a period whose disclosure was due and is not published."""

from collections import defaultdict
from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.finance.models import FinanceSettings, Frequency, Period, default_due_days
from disclosure.finance.services.periods import bounds
from disclosure.publishing.models import PostingStatus
from disclosure.regions.models import Region

from ..flags import Flag

PERIOD_NOT_DISCLOSED = "period_not_disclosed"


def _period_name(year: int, number: int, frequency: str) -> str:
    if frequency == Frequency.MONTHLY:
        return _("Finances of %(year)s, month %(number)s") % {"year": year, "number": number}
    return _("Finances of %(year)s, quarter %(number)s") % {"year": year, "number": number}


def _expected(frequency: str, due_days: int, today: date) -> list[tuple]:
    """Periods of last year and this year, by the village's frequency, already past due:
    (year, number, first day, last day, due date)."""
    count = 12 if frequency == Frequency.MONTHLY else 4
    expected = []
    for year in (today.year - 1, today.year):
        for number in range(1, count + 1):
            start, end = bounds(year, number, frequency)
            due = end + timedelta(days=due_days)
            if due < today:
                expected.append((year, number, start, end, due))
    return expected


def period_not_disclosed(village_ids, today: date) -> list[Flag]:
    """A finance period past its due date without a published disclosure: a period created but
    never published (or withdrawn), or one of last year or this year that the village's
    frequency calls for and that was never even created."""
    village_ids = list(village_ids)
    periods = list(
        Period.objects.filter(village_id__in=village_ids)
        .select_related("posting")
        .order_by("village_id", "start")
    )
    configured = {
        row.village_id: row for row in FinanceSettings.objects.filter(village_id__in=village_ids)
    }
    codes = dict(Region.objects.filter(pk__in=village_ids).values_list("pk", "code"))
    flags = [
        _flag_period(period, codes[period.village_id], today)
        for period in periods
        if _undisclosed(period, today)
    ]
    own_periods = defaultdict(list)
    for period in periods:
        own_periods[period.village_id].append(period)
    for village_id in village_ids:
        own = own_periods[village_id]
        setting = configured.get(village_id)
        frequency = setting.frequency if setting else Frequency.QUARTERLY
        due_days = setting.due_days if setting else default_due_days()
        for year, number, start, end, due in _expected(frequency, due_days, today):
            # A period of another frequency covering these days counts as created.
            if not any(p.start <= end and start <= p.end for p in own):
                name = _period_name(year, number, frequency)
                flags.append(_flag_missing(village_id, codes[village_id], name, due, today))
    return sorted(flags, key=lambda flag: (flag.village_id, flag.on))


def _undisclosed(period: Period, today: date) -> bool:
    posting = period.posting
    disclosed = posting is not None and posting.status == PostingStatus.PUBLISHED
    return not disclosed and period.due_date < today


def _flag_period(period: Period, code: str, today: date) -> Flag:
    name = _period_name(period.year, period.number, period.frequency)
    withdrawn = period.posting is not None and period.posting.status == PostingStatus.WITHDRAWN
    if withdrawn:
        state = _("its disclosure was withdrawn")
    else:
        state = _("its disclosure has not been published")
    url = (
        reverse("workspace:revision", args=[period.posting.current_id])
        if period.posting is not None and period.posting.current_id
        else reverse("finance_staff:village", args=[code])
    )
    return Flag(
        rule=PERIOD_NOT_DISCLOSED,
        village_id=period.village_id,
        strong=True,
        title=name,
        explanation=_("Due by %(due)s, %(days)s days ago: %(state)s.")
        % {
            "due": period.due_date.isoformat(),
            "days": (today - period.due_date).days,
            "state": state,
        },
        url=url,
        on=period.due_date,
        amount=None,
        posting_id=period.posting_id,
        subject=f"period/{period.due_date}",
    )


def _flag_missing(village_id: int, code: str, name: str, due: date, today: date) -> Flag:
    return Flag(
        rule=PERIOD_NOT_DISCLOSED,
        village_id=village_id,
        strong=True,
        title=name,
        explanation=_("Due by %(due)s, %(days)s days ago: no ledger was ever imported for it.")
        % {"due": due.isoformat(), "days": (today - due).days},
        url=reverse("finance_staff:village", args=[code]),
        on=due,
        amount=None,
        posting_id=None,
        subject=f"period/{due}",
    )
