"""What the oversight pages share: which regions a user oversees and which year is shown."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.regions.access import Action, regions_for, villages_for
from disclosure.regions.models import Level, Region

FIRST_YEAR = 2000


def overseen_nodes(user) -> list[Region]:
    """Townships and wider regions the user oversees; a role held on a village oversees none."""
    nodes = [node for node in regions_for(user, Action.OVERSEE) if not node.is_village]
    if not nodes:
        raise PermissionDenied
    return sorted(nodes, key=lambda node: node.code)


def overseen_region(user, code: str) -> Region:
    """A township or wider region inside what the user oversees; anything else is not found."""
    region = Region.objects.exclude(level=Level.VILLAGE).filter(code=code).first()
    if region is None or not any(node.contains(region) for node in overseen_nodes(user)):
        raise Http404
    return region


def overseen_villages(user, region: Region):
    return villages_for(user, Action.OVERSEE).filter(code__startswith=region.prefix)


def overseen_village(user, code: str) -> Region:
    """A village inside a township or wider region the user oversees."""
    nodes = overseen_nodes(user)
    village = Region.objects.villages().filter(code=code).first()
    if village is None or not any(node.contains(village) for node in nodes):
        raise Http404
    return village


def chosen_year(request, today: datetime.date) -> int:
    """The year asked for in ?year=, or this year; a year that makes no sense says so."""
    typed = request.GET.get("year", "")
    if not typed:
        return today.year
    if typed.isdigit() and FIRST_YEAR <= int(typed) <= today.year:
        return int(typed)
    messages.error(
        request,
        _("There is no calendar for “%(year)s”: give a year from %(first)s to %(last)s.")
        % {"year": typed[:10], "first": FIRST_YEAR, "last": today.year},
    )
    return today.year


def years(today: datetime.date) -> list[int]:
    return list(range(today.year, today.year - 5, -1))


def local_today() -> datetime.date:
    return clock.today()
