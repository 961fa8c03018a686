"""Rule on finance periods: a period whose disclosure was due and is not published."""

from collections import defaultdict
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.finance.models import Frequency, Period
from disclosure.finance.services.rules import rules_of
from disclosure.publishing.models import PostingStatus
from disclosure.regions.models import Region

from ..flags import Flag

PERIOD_NOT_DISCLOSED = "period_not_disclosed"


def _period_name(year: int, number: int, frequency: str) -> str:
    if frequency == Frequency.MONTHLY:
        return _("Finances of %(year)s, month %(number)s") % {"year": year, "number": number}
    return _("Finances of %(year)s, quarter %(number)s") % {"year": year, "number": number}


def _expected(village_rules, today: date) -> list:
    """Periods of last year and this year, as the village's calendar asks for them, already
    past due."""
    return [
        due
        for year in (today.year - 1, today.year)
        for due in village_rules.schedule(year)
        if due.due_on < today
    ]


def period_not_disclosed(village_ids, today: date) -> list[Flag]:
    """A finance period past its due date without a published disclosure: a period created but
    never published (or withdrawn), or one of last year or this year that the village's
    calendar calls for and that was never even created."""
    village_ids = list(village_ids)
    periods = list(
        Period.objects.filter(village_id__in=village_ids)
        .select_related("posting")
        .order_by("village_id", "start")
    )
    villages = Region.objects.filter(pk__in=village_ids).values_list("pk", "code", "joined_on")
    codes = {pk: code for pk, code, _joined in villages}
    joined = {pk: joined_on or date.min for pk, _code, joined_on in villages}
    flags = [
        _flag_period(period, codes[period.village_id], today)
        for period in periods
        if _undisclosed(period, today)
    ]
    own_periods = defaultdict(list)
    for period in periods:
        own_periods[period.village_id].append(period)
    for village_id, village_rules in rules_of(village_ids, codes).items():
        own = own_periods[village_id]
        for due in _expected(village_rules, today):
            # Nothing was due here for days before the village was on the portal.
            if due.end < joined[village_id]:
                continue
            # A period of another frequency covering these days counts as created.
            if not any(p.start <= due.end and due.start <= p.end for p in own):
                name = _period_name(due.year, due.number, due.frequency)
                flags.append(_flag_missing(village_id, codes[village_id], name, due.due_on, today))
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
