"""Two years of ledgers for the demo villages, imported the way a clerk imports them: a CSV file
per period through the import, a few voucher photos, then submission, sign-off and publication,
so that the totals, the chain and the audit log are those the portal would have recorded.

Each period is scheduled on the demo's timeline (timeline.py): imported two days
before it is published, and published 4 to 8 days after it ends, within its due window, so the
township's calendar finds the villages on time.

Some villages disclose monthly, the others quarterly. To show what oversight looks for, 高坪村
never imported its newest due period (overdue); 柳湾村's newest period awaits sign-off while its
due window lasts and is published late once it has passed; and 杏花村 corrected a published
period after villagers asked about an office purchase.
"""

import csv
import datetime
import io
import random
from dataclasses import replace
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure.finance.models import Frequency, Fund, LedgerEntry, Period
from disclosure.finance.parsing.template import HEADINGS
from disclosure.finance.services import (
    budgets,
    checking,
    committing,
    imports,
    mapping,
    periods,
    rules,
    vouchers,
)
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.regions.models import RoleKind

from . import roads
from .ledger_lines import Row, month_rows, three_public_rows, top_up
from .places import COUNTY, GAOPING, LIUWAN, LONGQUAN, VILLAGES, XINGHUA
from .stories import DEFAULT_OPINION
from .timeline import Timeline, at
from .voucher_photos import voucher_photo

MONTHLY_VILLAGES = {XINGHUA.code, LONGQUAN.code}
OVERDUE_VILLAGE = GAOPING.code
AWAITING_VILLAGE = LIUWAN.code
CORRECTED_VILLAGE = XINGHUA.code
REVERSAL_VILLAGE = XINGHUA.code
# 云溪县 counts work meals and its vehicle hire account (53108 交通费) as three-public spending;
# 杏花村 spent more on them this year than last (a red flag), the others less.
THREE_PUBLIC_WORDS = "招待\n接待\n工作餐\n会议费\n公务用车\n出国"
THREE_PUBLIC_ACCOUNTS = "53108"
THREE_PUBLIC_RISE_VILLAGE = XINGHUA.code
DUE_DAYS = 15
CASH = Decimal("1200.00")
# Who approves payments in each village (村委会主任); the clerk handles them.
APPROVERS = ["陈志远", "黄德林", "徐大勇", "罗正平", "谢光明", "韩春生"]
CATEGORY_OF_ACCOUNT = {
    "501": "operating_income",
    "511": "investment_income",
    "521": "subsidy_income",
    "522": "other_income",
    "502": "operating_expenditure",
    "531": "management_expenses",
    "532": "public_welfare",
}


def schedule(timeline: Timeline, *, regions, staff) -> None:
    """Put every village's books on the timeline, each period disclosed on its own dates."""
    today = timezone.localdate(timeline.now)
    admin = staff[COUNTY.code][RoleKind.ADMINISTRATOR]
    timeline.schedule(
        at(datetime.date(today.year - 1, 1, 2), 9),
        lambda: mapping.set_three_public_scope(
            county=regions[COUNTY.code],
            words=THREE_PUBLIC_WORDS,
            account_prefixes=THREE_PUBLIC_ACCOUNTS,
            by=admin,
        ),
    )
    for place, approver in zip(VILLAGES, APPROVERS, strict=True):
        people = staff[place.code]
        books = VillageBooks(
            regions[place.code], people[RoleKind.CLERK], people[RoleKind.SUPERVISOR], approver
        )
        books.schedule(timeline, today)


def _ended_periods(frequency: str, today: datetime.date) -> list[tuple[int, int]]:
    count = 12 if frequency == Frequency.MONTHLY else 4
    ended = []
    for year in (today.year - 1, today.year):
        for number in range(1, count + 1):
            if rules.bounds(year, number, frequency)[1] < today:
                ended.append((year, number))
    return ended


class VillageBooks:
    def __init__(self, village, clerk, supervisor, approver):
        self.village, self.clerk, self.supervisor, self.approver = (
            village,
            clerk,
            supervisor,
            approver,
        )
        self.rng = random.Random(village.code)  # noqa: S311 - invented figures, not secrets
        self.bank = Decimal(self.rng.randint(150, 400) * 1000)
        self.actual: dict[int, dict[str, Decimal]] = {}

    def schedule(self, timeline: Timeline, today: datetime.date) -> None:
        code = self.village.code
        frequency = Frequency.MONTHLY if code in MONTHLY_VILLAGES else Frequency.QUARTERLY
        self.first_year = today.year - 1
        first_day = datetime.date(today.year - 1, 1, 4)
        timeline.schedule(at(first_day, 9), lambda: self._settle(frequency))
        ended = _ended_periods(frequency, today)
        if code == OVERDUE_VILLAGE:
            ended = ended[:-1]
        for index, (year, number) in enumerate(ended):
            newest = index == len(ended) - 1
            end = rules.bounds(year, number, frequency)[1]
            due = end + datetime.timedelta(days=DUE_DAYS)
            if newest and code == AWAITING_VILLAGE:
                self._schedule_awaiting(timeline, year, number, end, due, today)
                continue
            # Books are closed and disclosed a few days after the period ends, in its due window.
            published = end + datetime.timedelta(days=4 + index % 5)
            timeline.schedule(
                at(published, 16), self._disclose(timeline, year, number, end, published, newest)
            )
            if code == CORRECTED_VILLAGE and index == 1:
                later = published + datetime.timedelta(days=20)
                timeline.schedule(
                    at(later, 16),
                    lambda year=year, number=number: self._correct(
                        self._published_revision(year, number)
                    ),
                )
        # The budgets are set once the first year's books are closed.
        budgets_day = datetime.date(today.year, 1, 20)
        timeline.schedule(at(budgets_day, 16), lambda: self._budgets(today.year))

    def _settle(self, frequency: str) -> None:
        rules.set_village_rule(
            village=self.village, frequency=frequency, due_days=DUE_DAYS, by=self.clerk
        )

    def _disclose(self, timeline, year, number, end, published, vouchers_too):
        def disclose():
            with timeline.clock(at(published - datetime.timedelta(days=2), 10)):
                revision = self._import_period(year, number, self.first_year)
                if vouchers_too:
                    self._add_vouchers(revision)
            self._publish(revision, timeline, published)

        return disclose

    def _schedule_awaiting(self, timeline, year, number, end, due, today) -> None:
        """柳湾村's newest period: submitted, and awaiting the supervisor while its due window
        lasts; once it has passed, signed off and published late (the supervisor was away)."""
        submitted = end + datetime.timedelta(days=5)

        def submit():
            revision = self._import_period(year, number, self.first_year)
            self._add_vouchers(revision)
            publishing.submit(revision=revision, by=self.clerk)

        timeline.schedule(at(submitted, 11), submit)
        if due < today:
            late = due + datetime.timedelta(days=6)
            timeline.schedule(
                at(late, 16), lambda: self._sign_off_and_publish(year, number, timeline, late)
            )

    def _sign_off_and_publish(self, year, number, timeline, day) -> None:
        revision = Period.objects.get(village=self.village, year=year, number=number).posting
        revision = revision.revisions.get()
        with timeline.clock(at(day, 9)):
            publishing.sign_off(
                revision=revision,
                content_digest=chain.content_digest(revision),
                by=self.supervisor,
                opinion=DEFAULT_OPINION,
            )
        publishing.publish(revision=revision, by=self.clerk)

    def _published_revision(self, year: int, number: int):
        period = Period.objects.get(village=self.village, year=year, number=number)
        return period.posting.current

    def _budgets(self, this_year: int) -> None:
        for year in (this_year - 1, this_year):
            self._budget(year, base=self.actual[this_year - 1])

    def _import_period(self, year: int, number: int, first_year: int):
        period = periods.get_or_create_period(
            village=self.village, year=year, number=number, by=self.clerk
        )
        rows = []
        rising = self.village.code == THREE_PUBLIC_RISE_VILLAGE and year > first_year
        for month in range(period.start.month, period.end.month + 1):
            road = roads.ROADS[self.village.code] if year == first_year else None
            rows += month_rows(self.rng, year, month, road)
            if rising:
                rows += three_public_rows(year, month)
        if self.village.code == REVERSAL_VILLAGE and (year, number) == (first_year + 1, 1):
            # Electricity overcharged last month, booked back in red (冲红).
            rows.append(
                Row(
                    period.end,
                    "冲红：上月电费多计退回",
                    "531",
                    "管理费用",
                    None,
                    Decimal("-60.00"),
                    "国网供电所",
                )  # fmt: skip
            )
        rows = top_up(rows, self.bank, period.end)
        opening = self.bank
        self.bank = opening + sum((r.income or 0) - (r.expenditure or 0) for r in rows)
        self._count(year, rows)
        return self._import(period, rows, opening, self.bank)

    def _import(self, period, rows: list[Row], opening: Decimal, closing: Decimal):
        name = f"{self.village.name}{period.year}-{period.number:02d}.csv"
        upload = SimpleUploadedFile(name, self._csv(rows), content_type="text/csv")
        started = imports.start_import(period=period, upload=upload, by=self.clerk, fund=Fund.BANK)
        checked = checking.check_import(ledger_import=started, by=self.clerk)
        return committing.commit_import(
            ledger_import=checked,
            opening={Fund.CASH: CASH, Fund.BANK: opening},
            closing={Fund.CASH: CASH, Fund.BANK: closing},
            by=self.clerk,
        )

    def _csv(self, rows: list[Row]) -> bytes:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(HEADINGS)
        for number, row in enumerate(rows, start=1):
            writer.writerow(
                [
                    row.date.isoformat(),
                    row.voucher_no or f"记-{number:03d}",
                    row.summary,
                    row.account_code,
                    row.account_name,
                    row.income or "",
                    row.expenditure or "",
                    row.counterparty,
                    self.clerk.display_name,
                    self.approver,
                ]
            )
        # The software states the file's totals on its last row; the import compares them.
        income = sum((row.income or 0 for row in rows), Decimal(0))
        spent = sum((row.expenditure or 0 for row in rows), Decimal(0))
        writer.writerow(["", "", "本期合计", "", "", f"{income:.2f}", f"{spent:.2f}", "", "", ""])
        # The accounting software of the county exports GB18030, as many offices' programs do.
        return text.getvalue().encode("gb18030")

    def _count(self, year: int, rows: list[Row]) -> None:
        sums = self.actual.setdefault(year, {})
        for row in rows:
            category = CATEGORY_OF_ACCOUNT[row.account_code[:3]]
            sums[category] = sums.get(category, Decimal(0)) + (row.income or row.expenditure)

    def _add_vouchers(self, revision) -> None:
        largest = LedgerEntry.objects.filter(revision=revision, expenditure__gt=0)
        for entry in largest.order_by("-expenditure")[:2]:
            upload = SimpleUploadedFile(
                f"{entry.voucher_no}.jpg",
                voucher_photo(entry.voucher_no, entry.date, entry.expenditure),
                content_type="image/jpeg",
            )
            vouchers.add_voucher(entry=entry, upload=upload, by=self.clerk)

    def _publish(self, revision, timeline=None, day=None):
        """Submit, sign off and publish; over two days when the day is given, else at once."""
        if day is None:
            publishing.submit(revision=revision, by=self.clerk)
            publishing.sign_off(
                revision=revision,
                content_digest=chain.content_digest(revision),
                by=self.supervisor,
                opinion=DEFAULT_OPINION,
            )
            return publishing.publish(revision=revision, by=self.clerk)
        with timeline.clock(at(day - datetime.timedelta(days=2), 15)):
            publishing.submit(revision=revision, by=self.clerk)
        with timeline.clock(at(day, 9)):
            publishing.sign_off(
                revision=revision,
                content_digest=chain.content_digest(revision),
                by=self.supervisor,
                opinion=DEFAULT_OPINION,
            )
        return publishing.publish(revision=revision, by=self.clerk)

    def _correct(self, revision) -> None:
        """Part of an office purchase was in fact a meal: the entry is split, the total kept."""
        entries = list(LedgerEntry.objects.filter(revision=revision).order_by("line"))
        rows = [
            Row(
                e.date,
                e.summary,
                e.account_code,
                e.account_name,
                e.income or None,
                e.expenditure or None,
                e.counterparty,
                e.voucher_no,
            )
            for e in entries
        ]
        index = next(i for i, row in enumerate(rows) if row.summary == "办公用品采购")
        office = rows[index]
        meal = Decimal("86.00")
        # The meal becomes a second line of the same voucher, so the diff shows just this change.
        rows[index] = replace(office, expenditure=office.expenditure - meal)
        rows.insert(
            index + 1,
            replace(
                office,
                summary="招待费（误记入办公用品）",
                expenditure=meal,
                counterparty="农家饭庄",
            ),
        )
        balance = revision.balances.get(fund=Fund.BANK)
        publishing.start_correction(
            posting=revision.posting,
            by=self.clerk,
            reason="经村民询问核实，办公用品采购中含一笔工作餐费用，现单列为招待费。",
        )
        period = revision.posting.finance_period
        self._publish(self._import(period, rows, balance.opening, balance.closing))

    def _budget(self, year: int, base: dict[str, Decimal]) -> None:
        """The year's budget from the first year's books: close to them for that year itself,
        five per cent up for the next."""
        first_year = year == min(self.actual)
        factor = Decimal(self.rng.randint(92, 110)) / 100 if first_year else Decimal("1.05")
        amounts = {
            category: str((amount * factor).quantize(Decimal("100")))
            for category, amount in base.items()
        }
        revision = budgets.save_budget(
            village=self.village, year=year, amounts=amounts, by=self.clerk
        )
        self._publish(revision)
