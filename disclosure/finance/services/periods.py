"""Disclosure periods of a village and the settings that shape them."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure.publishing.audit import record
from disclosure.regions.access import Action, require

from ..models import FinanceSettings, Frequency, Period


def settings_of(village) -> FinanceSettings:
    """The village's finance settings; unsaved defaults when it has never changed them."""
    try:
        return village.finance_settings
    except FinanceSettings.DoesNotExist:
        return FinanceSettings(village=village)


@transaction.atomic
def update_settings(*, village, frequency: str, due_days: int, by, ip=None) -> FinanceSettings:
    require(by, Action.DRAFT, village)
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose monthly or quarterly.")})
    if not 1 <= due_days <= 90:
        raise ValidationError({"due_days": _("Give between 1 and 90 days.")})
    current = settings_of(village)
    current.frequency = frequency
    current.due_days = due_days
    current.save()
    record(
        by=by,
        action="finance.settings",
        village=village,
        target=village.name,
        ip=ip,
        frequency=frequency,
        due_days=due_days,
    )
    return current


def bounds(year: int, number: int, frequency: str) -> tuple[datetime.date, datetime.date]:
    """First and last day of a month (1–12) or quarter (1–4)."""
    count = 12 if frequency == Frequency.MONTHLY else 4
    if not 1 <= number <= count:
        raise ValidationError({"number": _("There is no such month or quarter.")})
    first_month = number if frequency == Frequency.MONTHLY else 3 * number - 2
    last_month = number if frequency == Frequency.MONTHLY else 3 * number
    last_day = calendar.monthrange(year, last_month)[1]
    return datetime.date(year, first_month, 1), datetime.date(year, last_month, last_day)


def get_or_create_period(*, village, year: int, number: int, by) -> Period:
    """The village's period of that number in its current frequency, due as its settings say."""
    require(by, Action.DRAFT, village)
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Give a year between 2000 and 2100.")})
    current = settings_of(village)
    start, end = bounds(year, number, current.frequency)
    period, _created = Period.objects.get_or_create(
        village=village,
        year=year,
        number=number,
        frequency=current.frequency,
        defaults={
            "start": start,
            "end": end,
            "due_date": end + datetime.timedelta(days=current.due_days),
        },
    )
    return period


def previous_period(period: Period) -> Period | None:
    return (
        Period.objects.filter(village=period.village, end__lt=period.start).order_by("-end").first()
    )


def period_title(period: Period) -> str:
    """The title of the period's posting, as on the village notice board."""
    if period.frequency == Frequency.MONTHLY:
        return _("%(village)s finances, %(year)d month %(number)d") % {
            "village": period.village.name,
            "year": period.year,
            "number": period.number,
        }
    return _("%(village)s finances, %(year)d quarter %(number)d") % {
        "village": period.village.name,
        "year": period.year,
        "number": period.number,
    }
