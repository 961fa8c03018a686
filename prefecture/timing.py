"""Times of generated events: office hours in Asia/Shanghai, to the second as the chain records."""

import datetime
import random
import zoneinfo

from django.conf import settings


def moment(rng: random.Random, day: datetime.date) -> datetime.datetime:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime(
        day.year,
        day.month,
        day.day,
        rng.randint(8, 17),
        rng.randrange(60),
        rng.randrange(60),
        tzinfo=zone,
    )
