"""Following red flags: each flag the rules raise gets a case the first time it is seen, and the
case keeps the flag's latest figures for as long as the rule raises it.

Cases are made by whoever sees a flag first (the daily job `raise_flags`, the flags pages, the
workspace's start page), so a flag has its case, and its people have been told, on the day it
appears. A case already finished (closed or dismissed) stays finished while its flag is still
raised: it is not shown again as new, which is what kept the same flags showing forever.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from disclosure.publishing.notify import notify_people, people_who_may
from disclosure.regions.access import Action
from disclosure.regions.models import Region

from .flags import Flag
from .models import FINISHED, CaseStatus, FlagCase
from .services import flags_for

# What a case copies of its flag each day it is seen.
COPIED = ("strong", "title", "explanation", "url", "amount", "posting_id")

# Cases waiting for the village, and for the township.
WAITING_FOR_VILLAGE = (CaseStatus.OPEN,)
WAITING_FOR_TOWNSHIP = (CaseStatus.ACKNOWLEDGED, CaseStatus.RECTIFIED)


@dataclass(frozen=True)
class Row:
    """A case with the flag raised today, or None when its rule no longer raises it."""

    case: FlagCase
    flag: Flag | None


def _copy(flag: Flag) -> dict:
    return {name: getattr(flag, name) for name in COPIED}


@transaction.atomic
def track(*, flags: list[Flag], today: date) -> dict[tuple[int, str], FlagCase]:
    """The case of every flag, by (village id, key): new flags get one, and the people who
    answer for a new strong flag are told; known ones take the flag's figures of today."""
    if not flags:
        return {}
    wanted = {(flag.village_id, flag.key): flag for flag in flags}
    village_ids = {village_id for village_id, _key in wanted}
    known = _cases(village_ids, [key for _village, key in wanted])
    new = [
        FlagCase(
            village_id=village_id,
            key=key,
            rule=flag.rule,
            **_copy(flag),
            first_seen_on=today,
            last_seen_on=today,
        )
        for (village_id, key), flag in wanted.items()
        if (village_id, key) not in known
    ]
    # Two readers may see a new flag at once: the second one's row is left out, not an error.
    FlagCase.objects.bulk_create(new, ignore_conflicts=True)
    _refresh(known, wanted, today)
    cases = {**known, **_cases(village_ids, [case.key for case in new])}
    _announce([cases[(case.village_id, case.key)] for case in new if case.strong])
    return cases


def _cases(village_ids, keys) -> dict[tuple[int, str], FlagCase]:
    if not keys:
        return {}
    rows = FlagCase.objects.filter(village_id__in=village_ids, key__in=keys)
    return {(case.village_id, case.key): case for case in rows}


def _refresh(known: dict, wanted: dict, today: date) -> None:
    changed = []
    for identity, case in known.items():
        fresh = {**_copy(wanted[identity]), "last_seen_on": today}
        if any(getattr(case, name) != value for name, value in fresh.items()):
            for name, value in fresh.items():
                setattr(case, name, value)
            changed.append(case)
    FlagCase.objects.bulk_update(changed, [*COPIED, "last_seen_on"])


def answering_people(village: Region) -> list:
    """Who hears of a village's new flags: its clerks, who explain them, its supervision
    committee (those who sign off its postings), which oversees them, and the township."""
    people = people_who_may(Action.EXPLAIN_FLAGS, village)
    people += people_who_may(Action.REVIEW, village)
    people += people_who_may(Action.RESOLVE_FLAGS, village)
    return list({person.pk: person for person in people}.values())


def _announce(cases: list[FlagCase]) -> None:
    by_village: dict[int, list[FlagCase]] = {}
    for case in cases:
        by_village.setdefault(case.village_id, []).append(case)
    for village in Region.objects.filter(pk__in=by_village):
        notify_people(
            answering_people(village),
            "redflags/email/new_flags.txt",
            {"village": village, "cases": by_village[village.pk]},
        )


def rows_for(
    village_ids: Iterable[int], today: date, *, finished: bool = False, record: bool = True
) -> list[Row]:
    """The villages' cases with today's flags: those still to be dealt with, or, with
    `finished`, those closed or dismissed. Flags seen for the first time get their case, unless
    `record` is false (a page that only counts): then they count as open cases not yet saved."""
    village_ids = list(village_ids)
    flags = flags_for(village_ids, today)
    if record:
        track(flags=flags, today=today)
    raised = {(flag.village_id, flag.key): flag for flag in flags}
    cases = FlagCase.objects.filter(village_id__in=village_ids).select_related("village")
    cases = cases.filter(status__in=FINISHED) if finished else cases.exclude(status__in=FINISHED)
    rows = [Row(case, raised.get((case.village_id, case.key))) for case in cases]
    if not record and not finished:
        known = set(
            FlagCase.objects.filter(village_id__in=village_ids).values_list("village_id", "key")
        )
        rows += [
            Row(_unsaved(flag, today), flag)
            for identity, flag in raised.items()
            if identity not in known
        ]
    return sorted(rows, key=lambda r: (r.case.village_id, r.case.first_seen_on, r.case.pk or 0))


def _unsaved(flag: Flag, today: date) -> FlagCase:
    return FlagCase(
        village_id=flag.village_id,
        key=flag.key,
        rule=flag.rule,
        **_copy(flag),
        first_seen_on=today,
        last_seen_on=today,
    )


@transaction.atomic
def announce_overdue(*, village_ids: Iterable[int], today: date) -> int:
    """Tell the person responsible and the township of each rectification past its deadline,
    once per rectification ordered; returns how many were announced."""
    overdue = list(
        FlagCase.objects.select_for_update(of=("self",))
        .filter(
            village_id__in=list(village_ids),
            status=CaseStatus.RECTIFYING,
            deadline__lt=today,
            overdue_notified_on=None,
        )
        .select_related("village", "responsible")
    )
    for case in overdue:
        people = people_who_may(Action.RESOLVE_FLAGS, case.village)
        if case.responsible is not None and case.responsible.is_active:
            people.append(case.responsible)
        notify_people(
            list({person.pk: person for person in people}.values()),
            "redflags/email/overdue.txt",
            {"case": case, "village": case.village, "days": (today - case.deadline).days},
        )
        case.overdue_notified_on = today
    FlagCase.objects.bulk_update(overdue, ["overdue_notified_on"])
    return len(overdue)


# Villages read together by the daily job: few queries, yet a bounded amount of memory.
DAILY_BATCH = 500


def raise_every_flag(today: date) -> tuple[int, int]:
    """The daily job: every village's flags get their cases (new strong ones announced) and
    rectifications past their deadline are announced; returns how many of each."""
    ids = list(Region.objects.villages().order_by("pk").values_list("pk", flat=True))
    new = overdue = 0
    for start in range(0, len(ids), DAILY_BATCH):
        batch = ids[start : start + DAILY_BATCH]
        before = FlagCase.objects.filter(village_id__in=batch).count()
        track(flags=flags_for(batch, today), today=today)
        new += FlagCase.objects.filter(village_id__in=batch).count() - before
        overdue += announce_overdue(village_ids=batch, today=today)
    return new, overdue
