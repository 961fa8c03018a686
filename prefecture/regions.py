"""The generated prefecture's region tree and staff: counties of twenty townships, villages
spread evenly over the townships, a clerk and a supervisor for each village, an official for
each township. A few big villages (one in a hundred, ten times the books) and log-normal sizes
for the rest give the skew of real places.
"""

import datetime
import math
import random
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.regions.models import Level, Region, Role, RoleKind, User

from . import words
from .copying import Sink
from .publications import Person

TOWNSHIPS_PER_COUNTY = 20
MAX_VILLAGES_PER_TOWNSHIP = 799  # village numbers 201…999
BIG_VILLAGE_SHARE = 0.01
BIG_VILLAGE_FACTOR = 10
PASSWORD = "!generated"  # noqa: S105 (starts with "!": an unusable password, nobody signs in)


@dataclass(frozen=True)
class Place:
    id: int
    code: str
    name: str
    town: str
    weight: float


def last_day(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def person_name(rng: random.Random) -> str:
    return words.person(rng)


def check(options) -> None:
    if not 1 <= options.townships <= TOWNSHIPS_PER_COUNTY * 99:
        raise ValueError(
            _("Give between 1 and %(most)d townships.") % {"most": TOWNSHIPS_PER_COUNTY * 99}
        )
    if not options.townships <= options.villages <= options.townships * MAX_VILLAGES_PER_TOWNSHIP:
        raise ValueError(
            _("Give at least one and at most %(most)d villages per township.")
            % {"most": MAX_VILLAGES_PER_TOWNSHIP}
        )
    if not 1 <= options.years <= 20 or options.entries < 1:
        raise ValueError(_("Give between 1 and 20 years and at least one ledger entry."))
    if options.large_village < 0:
        raise ValueError(_("Give zero or more notices for the large village."))


def write(sink: Sink, options, province: Region, *, prefix: str) -> list[Place]:
    """Every region under `prefix` and its staff; the villages, with their sizes."""
    rng = random.Random(f"regions:{options.seed}")  # noqa: S311 (data, not secrets)
    city = _region(sink, f"{prefix}00000000", "丰源市", Level.CITY, province.id)
    counties = math.ceil(options.townships / TOWNSHIPS_PER_COUNTY)
    weights = village_weights(rng, options.villages)
    villages: list[Place] = []
    township_number = 0
    for county_number in range(1, counties + 1):
        county_code = f"{prefix}{county_number:02d}000000"
        county = _region(sink, county_code, _unique_name(rng, set(), "县"), Level.COUNTY, city)
        names: set[str] = set()
        for index in range(TOWNSHIPS_PER_COUNTY):
            if township_number == options.townships:
                break
            share = _share(options, township_number)
            township_number += 1
            code = f"{county_code[:6]}{101 + index:03d}000"
            town = _unique_name(rng, names, rng.choice("镇乡"))
            township = _region(sink, code, town, Level.TOWNSHIP, county)
            staff_member(
                sink, _place(township, code, town), RoleKind.TOWNSHIP_OFFICIAL, words.person(rng)
            )
            villages += _villages(sink, rng, code, town, township, share, weights)
    return villages


def _share(options, township_number: int) -> int:
    base, extra = divmod(options.villages, options.townships)
    return base + (1 if township_number < extra else 0)


def _villages(sink, rng, township_code, town, township_id, count, weights) -> list[Place]:
    names: set[str] = set()
    places = []
    for number in range(count):
        code = f"{township_code[:9]}{201 + number:03d}"
        name = _unique_name(rng, names, "村")
        region_id = _region(sink, code, name, Level.VILLAGE, township_id)
        places.append(Place(region_id, code, name, town[:2], weights.pop()))
    return places


def _place(region_id: int, code: str, name: str) -> Place:
    return Place(region_id, code, name, name[:2], 1.0)


def village_weights(rng: random.Random, count: int) -> list[float]:
    """Sizes of the villages' books, averaging one: log-normal, and a few ten times bigger."""
    weights = [rng.lognormvariate(0.0, 0.5) for _ in range(count)]
    for index in range(count):
        if rng.random() < BIG_VILLAGE_SHARE:
            weights[index] *= BIG_VILLAGE_FACTOR
    mean = sum(weights) / count
    return [weight / mean for weight in weights]


def _unique_name(rng: random.Random, taken: set[str], suffix: str) -> str:
    while True:
        name = words.place(rng) + suffix
        if name not in taken:
            taken.add(name)
            return name


def _region(sink: Sink, code: str, name: str, level: str, parent_id: int) -> int:
    region_id = sink.new_id(Region)
    sink.add(Region, (region_id, code, name, level, parent_id, False))
    return region_id


def staff_member(sink: Sink, place: Place, kind: str, name: str) -> Person:
    username = f"scale_{place.code}_{kind}"
    user_id = sink.new_id(User)
    sink.add(
        User, (user_id, PASSWORD, False, username, "", "", "", False, True, timezone.now(), name)
    )
    sink.add(Role, (sink.new_id(Role), user_id, place.id, kind))
    return Person(user_id, username, name)


TABLES = (
    (Region, ("id", "code", "name", "level", "parent_id", "second_factor_for_all_staff")),
    (
        User,
        (
            "id",
            "password",
            "is_superuser",
            "username",
            "first_name",
            "last_name",
            "email",
            "is_staff",
            "is_active",
            "date_joined",
            "display_name",
        ),
    ),
    (Role, ("id", "user_id", "region_id", "kind")),
)
