"""Rules on who should not be on a benefit list.

- a cadre or a declared relative of a cadre of the village, in office when the list went public:
  by identity number (strong, through its pseudonym), or by name alone (weak: a namesake, and only
  while the list keeps its names);
- the same person on two lists that exclude each other (低保 and 特困) for the same period;
- the same person listed for the same benefit and period in two villages of the county;
- a household listed for more, in one year, than its county's ceiling (CountyPolicy);
- a person listed on a list that went public after the day the township's death register
  (benefits.Death) says they died.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from disclosure.benefits.entries import ListedEntry, current_entries
from disclosure.benefits.models import BenefitType, CountyPolicy, Death
from disclosure.benefits.slips import person_key
from disclosure.regions.models import Region

from ..flags import Flag, money, revision_url
from .related import Person, register

BENEFIT_RECIPIENTS = "benefit_recipients"
EXCLUSIVE = {BenefitType.MINIMUM_LIVING, BenefitType.EXTREME_POVERTY}


def _flag(entry: ListedEntry, explanation: str, strong: bool = True) -> Flag:
    return Flag(
        rule=BENEFIT_RECIPIENTS,
        village_id=entry.village_id,
        strong=strong,
        title=_("Line %(position)d of “%(title)s”: %(benefit)s")
        % {"position": entry.position, "title": entry.title, "benefit": entry.benefit},
        explanation=explanation,
        url=revision_url(entry.revision_id),
        on=entry.start,
        amount=entry.amount,
        posting_id=entry.posting_id,
    )


def _describe(entry: ListedEntry) -> dict:
    return {
        "benefit": entry.benefit,
        "period": entry.period,
        "amount": money(entry.amount),
    }


def _cadre_flags(entries, people: list[Person]) -> list[Flag]:
    keyed = {person_key(p.identity_number): p for p in people if p.identity_number}
    named = defaultdict(list)
    for person in people:
        if not person.identity_number:
            named[person.name].append(person)
    flags = []
    for entry in entries:
        person = keyed.get(entry.person_key)
        candidates = [(person, True)] if person else [(p, False) for p in named.get(entry.name, [])]
        for match, strong in candidates:
            if match.cadre.village_id != entry.village_id or not match.serves(
                entry.start, entry.start
            ):
                continue
            values = {**_describe(entry), "person": match.describe()}
            if strong:
                sentence = _(
                    "%(benefit)s of %(amount)s yuan for %(period)s is listed for the identity "
                    "number of %(person)s."
                )
            else:
                sentence = _(
                    "%(benefit)s of %(amount)s yuan for %(period)s is listed for someone with the "
                    "name of %(person)s. Only the name matches, not an identity number: this is a "
                    "weaker flag, as it may be a namesake."
                )
            flags.append(_flag(entry, sentence % values, strong))
    return flags


def _exclusive_flags(entries) -> list[Flag]:
    by_person = defaultdict(list)
    for entry in entries:
        if entry.benefit_type in EXCLUSIVE and entry.person_key:
            by_person[(entry.person_key, entry.period)].append(entry)
    flags = []
    for listed in by_person.values():
        if len({entry.benefit_type for entry in listed}) < 2:
            continue
        for entry in listed:
            others = [e for e in listed if e.benefit_type != entry.benefit_type]
            sentence = _(
                "The same person is listed for %(benefit)s and for %(other)s for %(period)s; "
                "the two exclude each other."
            ) % {**_describe(entry), "other": others[0].benefit}
            flags.append(_flag(entry, sentence))
    return flags


def _twice_flags(entries, county_entries, names: dict[int, str]) -> list[Flag]:
    places = defaultdict(set)
    for entry in county_entries:
        if entry.person_key:
            places[(entry.person_key, entry.benefit_type, entry.period)].add(entry.village_id)
    flags = []
    for entry in entries:
        villages = places[(entry.person_key, entry.benefit_type, entry.period)] - {entry.village_id}
        if entry.person_key and villages:
            sentence = _(
                "The same person is also listed for %(benefit)s for %(period)s in %(villages)s."
            ) % {
                **_describe(entry),
                "villages": "、".join(sorted(names.get(v, "") for v in villages)),
            }
            flags.append(_flag(entry, sentence))
    return flags


def _ceiling_flags(entries, county_entries, ceilings: dict[str, Decimal]) -> list[Flag]:
    drawn = defaultdict(Decimal)
    for entry in county_entries:
        if entry.person_key:
            drawn[(entry.person_key, entry.start.year)] += entry.amount
    flags = []
    for entry in entries:
        ceiling = ceilings.get(entry.village_id)
        total = drawn[(entry.person_key, entry.start.year)]
        if ceiling is not None and entry.person_key and total > ceiling:
            sentence = _(
                "The household of this line is listed for %(total)s yuan in %(year)d, above the "
                "county's ceiling of %(ceiling)s yuan."
            ) % {"total": money(total), "year": entry.start.year, "ceiling": money(ceiling)}
            flags.append(_flag(entry, sentence))
    return flags


def _death_flags(entries) -> list[Flag]:
    keys = {entry.person_key for entry in entries if entry.person_key}
    died = dict(Death.objects.filter(person_key__in=keys).values_list("person_key", "died_on"))
    flags = []
    for entry in entries:
        died_on = died.get(entry.person_key)
        if died_on is not None and entry.start > died_on:
            sentence = _(
                "%(benefit)s of %(amount)s yuan for %(period)s is listed for a person the "
                "population register records as dead since %(died)s; the list went public on "
                "%(start)s."
            ) % {**_describe(entry), "died": died_on.isoformat(), "start": entry.start.isoformat()}
            flags.append(_flag(entry, sentence))
    return flags


def benefit_recipients(village_ids, today: date) -> list[Flag]:
    village_ids = list(village_ids)
    entries = current_entries(village_ids=village_ids)
    if not entries:
        return []
    county_entries = current_entries(person_keys={e.person_key for e in entries if e.person_key})
    villages = Region.objects.filter(pk__in={e.village_id for e in county_entries})
    names = dict(villages.values_list("pk", "name"))
    county_of = {pk: code[:6] for pk, code in villages.values_list("pk", "code")}
    # Only villages of the same county count as "across villages of the county".
    counties = {county_of[entry.village_id] for entry in entries}
    county_entries = [e for e in county_entries if county_of[e.village_id] in counties]
    ceilings = {
        policy.county.code[:6]: policy.household_ceiling
        for policy in CountyPolicy.objects.select_related("county")
        if policy.household_ceiling is not None
    }
    flags = _cadre_flags(entries, register(village_ids))
    flags += _exclusive_flags(entries)
    flags += _twice_flags(entries, county_entries, names)
    by_village = {pk: ceilings.get(code) for pk, code in county_of.items()}
    flags += _ceiling_flags(entries, county_entries, by_village)
    flags += _death_flags(entries)
    return flags
