"""Rule on "three public" spending (三公经费): more spent than in the same months of last year.

Such spending is expected to fall year on year; a rise is not wrong in itself, but the village
should be able to say why, so it is a flag with its figures, followed like any other.
"""

import calendar
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.finance import threepublic
from disclosure.regions.models import Region

from ..flags import Flag, money

THREE_PUBLIC_ROSE = "three_public_rose"


def three_public_rose(village_ids, today: date) -> list[Flag]:
    """Last year's and this year's three-public spending, over the months both it and the year
    before disclosed, above that of the year before."""
    village_ids = list(village_ids)
    years = [today.year - 2, today.year - 1, today.year]
    found = threepublic.spending(village_ids, years)
    codes = dict(Region.objects.filter(pk__in=village_ids).values_list("pk", "code"))
    flags = []
    for village_id in village_ids:
        for year in years[1:]:
            comparison = threepublic.compare(found, village_id, year)
            if comparison is not None and comparison.rose:
                flags.append(_flag(village_id, codes[village_id], comparison))
    return flags


def _flag(village_id: int, code: str, comparison: threepublic.Comparison) -> Flag:
    year, last_month = comparison.year, comparison.months[-1]
    return Flag(
        rule=THREE_PUBLIC_ROSE,
        village_id=village_id,
        strong=True,
        title=_("“Three public” spending of %(year)d") % {"year": year},
        explanation=_(
            "%(amount)s yuan in the %(months)d months disclosed in both years, against %(before)s "
            "yuan in the same months of %(last)d: %(rise)s yuan more."
        )
        % {
            "amount": money(comparison.this_year),
            "months": len(comparison.months),
            "before": money(comparison.last_year),
            "last": year - 1,
            "rise": money(comparison.rise),
        },
        url=f"{reverse('finance:overview', args=[code])}?year={year}",
        on=date(year, last_month, calendar.monthrange(year, last_month)[1]),
        amount=comparison.rise,
        posting_id=None,
        subject=f"three_public/{year}",
    )
