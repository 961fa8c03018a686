"""石桥村 and 枫林村 do everything by the book, so the townships' red list has someone on it.

Their road of last year was decided through the four discussions before the first payment,
each payment was linked to the matter once the quarter's books were published, and the result
was disclosed; the rent the contracts demo leaves unpaid in every village was collected. The
contracts demo awards their large leases by auction (contracts/demo.py, EXEMPLARY).
"""

import datetime
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from disclosure import clock
from disclosure.contracts import services as contracts
from disclosure.contracts.selectors import current_contracts
from disclosure.decisions import services as decisions
from disclosure.decisions.models import Body, Category, LinkKind
from disclosure.finance.models import LedgerEntry
from disclosure.regions.models import RoleKind

from . import roads
from .decisions import Demo, Meeting
from .places import EXEMPLARY
from .timeline import Timeline, at

ROAD_PAYMENT = "村道硬化工程款"
# The lease the contracts demo leaves in arrears, and its yearly rent.
UNPAID_LEASE, UNPAID_RENT = "东坡承包地", Decimal("8400.00")


def schedule_roads(timeline: Timeline, *, regions, staff) -> None:
    """Put each exemplary village's road decision and its links on the timeline."""
    year = timezone.localdate(timeline.now).year - 1
    for place in EXEMPLARY:
        demo = Demo(regions[place.code], staff[place.code], timeline.now)
        road = DecidedRoad(demo, year)
        timeline.schedule(at(datetime.date(year, 3, 2), 9), road.decide)
        # Payments of April and June are in the second quarter's books, September's in the
        # third's; each is linked once those books are published.
        timeline.schedule(at(datetime.date(year, 7, 20), 17), lambda r=road: r.link(4, 6))
        timeline.schedule(at(datetime.date(year, 10, 20), 17), lambda r=road: r.link(7, 9))
        timeline.schedule(at(datetime.date(year, 11, 10), 9), road.disclose_result)


class DecidedRoad:
    def __init__(self, demo: Demo, year: int):
        self.demo, self.year = demo, year
        self.today = timezone.localdate(demo.now)
        self.matter = None
        self.spent = Decimal(0)

    def ago(self, month: int, day: int) -> int:
        return (self.today - datetime.date(self.year, month, day)).days

    def decide(self) -> None:
        village = self.demo.village
        road = roads.ROADS[village.code]
        self.matter = self.demo.matter(
            self.ago(2, 3),
            title=road.title(village.name),
            category=Category.PUBLIC_WELFARE,
            amount=road.budget,
            description=f"硬化{road.stretch}村道{road.length_km}公里，公开招标选定施工单位，"
            "按工程进度分三期付款。",
            meetings=[
                Meeting(self.ago(2, 5), 1, Body.PARTY_BRANCH, 5, 5, 5),
                Meeting(self.ago(2, 9), 2, Body.TWO_COMMITTEES, 9, 9, 9),
                Meeting(self.ago(2, 16), 3, Body.PARTY_MEMBERS, 33, 29, 28, 1),
                Meeting(self.ago(2, 24), 4, Body.REPRESENTATIVES, 38, 33, 31, 1, 1, "表决通过。"),
            ],
        )
        self.demo.disclose_resolution(self.matter, self.ago(3, 2))

    def link(self, first_month: int, last_month: int) -> None:
        payments = LedgerEntry.objects.filter(
            village=self.demo.village,
            revision__posting__current=F("revision"),
            summary__startswith=ROAD_PAYMENT,
            date__year=self.year,
            date__month__range=(first_month, last_month),
        ).order_by("date")
        today = clock.today()
        for entry in payments:
            self.spent += entry.expenditure
            done = entry.date.month == 9
            self.demo.progress(
                self.matter,
                (self.today - today).days,
                text=entry.summary,
                percent=100 if done else 40 * entry.date.month // 4,
                spent=self.spent,
                links=[(LinkKind.LEDGER_ENTRY, entry.voucher_no, entry.summary)],
            )

    def disclose_result(self) -> None:
        """Accepted and written up the day before, published on the day."""
        days_ago = (self.today - clock.today()).days
        with self.demo.on(days_ago + 1):
            revision = decisions.prepare_result(
                matter=self.matter,
                body="村道硬化工程已完工并通过验收，决算金额见下表。",
                final_cost=self.spent,
                accepted_on=clock.today(),
                accepted_by=f"乡镇农经站、{self.demo.village.name}村务监督委员会",
                acceptance="工程质量合格，同意验收。",
                by=self.demo.clerk,
            )
        self.demo.publish(revision, days_ago)


def collect_rent(*, regions, staff) -> None:
    """The exemplary villages collect the rent the contracts demo leaves unpaid: run after it."""
    today = clock.today()
    for place in EXEMPLARY:
        contract = current_contracts(regions[place.code]).get(subject=UNPAID_LEASE)
        contracts.record_payment(
            posting=contract.revision.posting,
            paid_on=today,
            amount=UNPAID_RENT,
            ledger_reference=f"记-{today:%y%m}催收",
            by=staff[place.code][RoleKind.CLERK],
        )
