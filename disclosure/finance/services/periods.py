"""Disclosure periods of a village, as its calendar (rules.py) asks for them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from disclosure.regions.access import Action, require

from ..models import Frequency, Period
from . import rules


def get_or_create_period(*, village, year: int, number: int, by, frequency: str = "") -> Period:
    """The village's month or quarter of that number in the year, as its calendar asks for it
    (rules.Rules.schedule), due as the rule in force then says. In a year whose frequency changed,
    a number that is both a month and a quarter of the calendar needs `frequency` to say which."""
    require(by, Action.DRAFT, village)
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Give a year between 2000 and 2100.")})
    owed = [
        due
        for due in rules.rules_of_village(village).schedule(year)
        if due.number == number and frequency in ("", due.frequency)
    ]
    if not owed:
        raise ValidationError({"number": _("There is no such month or quarter.")})
    if len(owed) > 1:
        raise ValidationError(
            {"number": _("The village disclosed both monthly and quarterly that year: say which.")}
        )
    due = owed[0]
    overlapping = Period.objects.filter(village=village, start__lte=due.end, end__gte=due.start)
    if overlapping.exclude(frequency=due.frequency, number=due.number, year=year).exists():
        raise ValidationError({"number": _("Another period already covers these days.")})
    period, _created = Period.objects.get_or_create(
        village=village,
        year=year,
        number=number,
        frequency=due.frequency,
        defaults={"start": due.start, "end": due.end, "due_date": due.due_on},
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
