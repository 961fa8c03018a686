"""The statutory calendar (Organic Law of Villagers' Committees, art. 30): what each village had
to disclose in a year, by when, and whether it did.

Four kinds of item, each with the day it is due (the last day on which it is on time):
- finances, per period of the village's calendar (finance.services.rules: monthly or quarterly
  as the rule in force at each quarter's start says, so that a change of frequency never judges
  a past period again and no days are counted twice), due as the period says; a period that was
  never created is missing all the same;
- general village affairs, at least once a quarter: a posting of any section but finances first
  published between the first day of the quarter and FINANCE_DUE_DAYS after its end;
- each major matter: the resolution within OVERSIGHT_RESOLUTION_DUE_DAYS of the villagers'
  resolving meeting (they are to be published at once, 随时公布, and before implementation), and
  the result by DECISIONS_RESULT_DUE_DAYS after implementation ended (decisions.states);
- the list of small powers (小微权力清单): one in force, first published by the day the first
  quarter's general affairs are due.

Only postings that stand published count: a withdrawn one no longer discloses anything. Every
query reads all the villages asked for at once, so the cost does not grow with their number.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.decisions.models import Matter
from disclosure.decisions.states import result_due_on
from disclosure.finance.models import Frequency, Period
from disclosure.finance.services.rules import bounds, rules_of
from disclosure.publishing import kinds
from disclosure.publishing.catalogue import Kind, Section
from disclosure.publishing.models import Posting, PostingStatus
from disclosure.regions.models import Region


class DueStatus(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_YET_DUE = "not_yet_due"


STATUS_LABELS = {
    DueStatus.ON_TIME: gettext_lazy("On time"),
    DueStatus.LATE: gettext_lazy("Late"),
    DueStatus.MISSING: gettext_lazy("Missing"),
    DueStatus.NOT_YET_DUE: gettext_lazy("Not yet due"),
}


class DueSection(StrEnum):
    """The calendar's columns: three catalogue sections and the quarterly general affairs."""

    FINANCE = Section.FINANCE.value
    GENERAL = "general"
    DECISIONS = Section.DECISIONS.value
    POWERS = Section.POWERS.value


SECTION_LABELS = {
    DueSection.FINANCE: Section.FINANCE.label,
    DueSection.GENERAL: gettext_lazy("General village affairs (quarterly)"),
    DueSection.DECISIONS: Section.DECISIONS.label,
    DueSection.POWERS: Section.POWERS.label,
}


# Every section of the catalogue but finances holds general village affairs (村务).
def general_kinds() -> list[str]:
    return [kind for kind in kinds.codes() if kinds.section_of(kind) != Section.FINANCE]


@dataclass(frozen=True)
class DueItem:
    section: str
    label: str
    due_on: datetime.date
    published_on: datetime.date | None
    status: str
    url: str
    # The published posting that disclosed the item, so the township can order its correction.
    posting_code: str = ""
    # A finance item's (frequency, number), to name the period again in another language.
    period: tuple[str, int] | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def judge(due_on: datetime.date, published_on: datetime.date | None, today: datetime.date):
    """On time up to and including the due day; missing only once that day has passed."""
    if published_on is not None:
        return DueStatus.ON_TIME if published_on <= due_on else DueStatus.LATE
    return DueStatus.MISSING if today > due_on else DueStatus.NOT_YET_DUE


def _local_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def _posting_url(code: str) -> str:
    return reverse("portal:posting", args=[code])


def _published_on(posting: Posting | None) -> datetime.date | None:
    if posting is None or posting.status != PostingStatus.PUBLISHED:
        return None
    return _local_date(posting.first_published_at)


def due_items(
    village_ids: Iterable[int], today: datetime.date, year: int
) -> dict[int, list[DueItem]]:
    """Every item each village had to disclose in the year (by due day), with its status."""
    ids = list(village_ids)
    items: dict[int, list[DueItem]] = {pk: [] for pk in ids}
    villages = Region.objects.filter(pk__in=ids).values_list("pk", "code", "joined_on")
    codes = {pk: code for pk, code, _joined in villages}
    joined = {pk: joined_on or datetime.date.min for pk, _code, joined_on in villages}
    for finder in (_finance_items, _general_items, _decision_items, _power_items):
        for village_id, found in finder(ids, codes, today, year, joined).items():
            items[village_id].extend(found)
    for found in items.values():
        found.sort(key=lambda item: (item.due_on, item.section, item.label))
    return items


def _finance_items(ids, codes, today, year, joined) -> dict[int, list[DueItem]]:
    periods = Period.objects.filter(village_id__in=ids, year=year).select_related("posting")
    existing = {(p.village_id, p.frequency, p.number): p for p in periods}
    found = defaultdict(list)
    for village_id, village_rules in rules_of(ids, codes).items():
        for due in village_rules.schedule(year):
            if due.end < joined[village_id]:
                continue
            period = existing.get((village_id, due.frequency, due.number))
            found[village_id].append(_finance_item(period, codes[village_id], due, today))
    return found


def period_label(frequency: str, year: int, number: int) -> str:
    if frequency == Frequency.MONTHLY:
        return _("Finances %(year)d, month %(number)d") % {"year": year, "number": number}
    return _("Finances %(year)d, quarter %(number)d") % {"year": year, "number": number}


def _finance_item(period, code, due, today) -> DueItem:
    due_on = period.due_date if period is not None else due.due_on
    published_on = _published_on(period.posting if period else None)
    posting_code = period.posting.code if published_on else ""
    url = (
        _posting_url(posting_code)
        if published_on
        else reverse("finance_staff:village", args=[code])
    )
    return DueItem(
        DueSection.FINANCE,
        period_label(due.frequency, due.year, due.number),
        due_on,
        published_on,
        judge(due_on, published_on, today),
        url,
        posting_code,
        (due.frequency, due.number),
    )


def _quarters(year: int) -> list[tuple[int, datetime.date, datetime.date]]:
    grace = datetime.timedelta(days=settings.FINANCE_DUE_DAYS)
    return [
        (number, start, end + grace)
        for number in range(1, 5)
        for start, end in [bounds(year, number, Frequency.QUARTERLY)]
    ]


def _general_items(ids, codes, today, year, joined) -> dict[int, list[DueItem]]:
    quarters = _quarters(year)
    first, last = quarters[0][1], quarters[-1][2]
    postings = (
        Posting.objects.in_force()
        .filter(
            village_id__in=ids,
            kind__in=general_kinds(),
            first_published_at__date__range=(first, last),
        )
        .order_by("village_id", "first_published_at")
        .values_list("village_id", "first_published_at", "code")
    )
    dates = defaultdict(list)
    for village_id, moment, code in postings:
        dates[village_id].append((_local_date(moment), code))
    found = defaultdict(list)
    for village_id in ids:
        village_url = reverse("portal:village", args=[codes[village_id]])
        for number, start, due_on in quarters:
            if bounds(year, number, Frequency.QUARTERLY)[1] < joined[village_id]:
                continue
            hit = next(((d, c) for d, c in dates[village_id] if start <= d <= due_on), None)
            published_on, posting_code = hit or (None, "")
            url = _posting_url(posting_code) if hit else village_url
            label = _("General village affairs %(year)d, quarter %(number)d") % {
                "year": year,
                "number": number,
            }
            status = judge(due_on, published_on, today)
            found[village_id].append(
                DueItem(DueSection.GENERAL, label, due_on, published_on, status, url, posting_code)
            )
    return found


def resolution_due_on(resolved_on: datetime.date) -> datetime.date:
    return resolved_on + datetime.timedelta(days=settings.OVERSIGHT_RESOLUTION_DUE_DAYS)


def _decision_items(ids, codes, today, year, joined) -> dict[int, list[DueItem]]:
    resolved = Q(stages__number=4, stages__passed=True)
    matters = (
        Matter.objects.filter(village_id__in=ids)
        .annotate(resolved_on=Max("stages__held_on", filter=resolved))
        .filter(resolved_on__isnull=False)
        .select_related("resolution", "result")
        .order_by("village_id", "resolved_on", "pk")
    )
    found = defaultdict(list)
    for matter in matters:
        staff_url = reverse("decisions_staff:matter", args=[matter.pk])
        due_dates = [
            (_("Resolution: %(title)s"), resolution_due_on(matter.resolved_on), matter.resolution),
            (_("Result: %(title)s"), result_due_on(matter), matter.result),
        ]
        for label, due_on, posting in due_dates:
            if due_on is None or due_on.year != year:
                continue
            published_on = _published_on(posting)
            found[matter.village_id].append(
                DueItem(
                    DueSection.DECISIONS,
                    label % {"title": matter.title},
                    due_on,
                    published_on,
                    judge(due_on, published_on, today),
                    _posting_url(posting.code) if published_on else staff_url,
                    posting.code if published_on else "",
                )
            )
    return found


def _power_due_on(year: int, joined_on: datetime.date) -> datetime.date | None:
    """When the first quarter's general affairs are due, or those of the village's first quarter
    on the portal."""
    quarters = _quarters(year)
    return next(
        (
            due_on
            for number, _start, due_on in quarters
            if bounds(year, number, Frequency.QUARTERLY)[1] >= joined_on
        ),
        None,
    )


def _power_items(ids, codes, today, year, joined) -> dict[int, list[DueItem]]:
    lists = (
        Posting.objects.in_force()
        .filter(village_id__in=ids, kind=Kind.POWER_LIST)
        .order_by("village_id", "first_published_at")
        .values_list("village_id", "first_published_at", "code")
    )
    first = {}
    for village_id, moment, code in lists:
        first.setdefault(village_id, (_local_date(moment), code))
    found = {}
    for village_id in ids:
        due_on = _power_due_on(year, joined[village_id])
        if due_on is None:
            continue
        published_on, code = first.get(village_id, (None, ""))
        url = (
            _posting_url(code)
            if code
            else reverse("portal:section", args=[codes[village_id], Section.POWERS])
        )
        label = _("List of small powers in force in %(year)d") % {"year": year}
        status = judge(due_on, published_on, today)
        found[village_id] = [
            DueItem(DueSection.POWERS, label, due_on, published_on, status, url, code)
        ]
    return found
