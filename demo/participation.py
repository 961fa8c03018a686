"""The demo's questions and ratings, made through the app's own services.

Runs after the finance, contracts and decisions demos: it asks about what they published. In
杏花村 a question about the largest expenditure was answered, one about a contract too, one
waits for the supervision committee, one advertisement was not listed, and one question about
hospitality spending is overdue; 石桥村 was asked about its road and 龙泉村 has an overdue
question too, so both townships see one. Every published finance period has ratings.
"""

import datetime
import random

from django.conf import settings
from django.utils import timezone

from disclosure import clock
from disclosure.contracts.models import ContractsKind
from disclosure.decisions.selectors import public_matters
from disclosure.finance.models import FinanceKind, LedgerEntry
from disclosure.participation import questions, ratings, subjects
from disclosure.participation.models import RatingChoice
from disclosure.publishing.models import Posting
from disclosure.regions.models import RoleKind

from .places import LONGQUAN, SHIQIAO, XINGHUA

COMMENTS = [
    "希望把每张凭证的照片都公开。",
    "公开得很及时，看得明白。",
    "招待费还是偏多，建议压缩。",
    "能不能写清楚修路款分几次付的？",
]


class Asking:
    """One village's staff answering villagers' questions at moments counted back from now."""

    def __init__(self, village, people, now):
        self.village, self.now = village, now
        self.clerk = people[RoleKind.CLERK]
        self.supervisor = people[RoleKind.SUPERVISOR]

    def ago(self, days: int, hours: int = 0) -> datetime.datetime:
        return self.now - datetime.timedelta(days=days, hours=hours)

    def ask(self, subject, days_ago: int, text: str, name: str = "", phone: str = ""):
        return questions.ask(
            subject=subject, text=text, name=name, phone=phone, now=self.ago(days_ago)
        )

    def listed(self, question, days_ago: int):
        return questions.list_question(
            question=question, by=self.supervisor, now=self.ago(days_ago, hours=-3)
        )

    def answered(self, question, days_ago: int, text: str, by=None):
        return questions.answer_question(
            question=question, text=text, by=by or self.clerk, now=self.ago(days_ago, hours=-5)
        )


def load(*, regions, staff, today: datetime.date) -> None:
    # Questions are never dated after the real now, as a villager could not have asked then.
    day = min(today, clock.today())
    now = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    _xinghua(Asking(regions[XINGHUA.code], staff[XINGHUA.code], now))
    _shiqiao(Asking(regions[SHIQIAO.code], staff[SHIQIAO.code], now))
    _longquan(Asking(regions[LONGQUAN.code], staff[LONGQUAN.code], now))
    for code in staff:
        if code in regions and regions[code].is_village:
            _ratings(regions[code], now)


def _periods(village):
    return (
        Posting.objects.in_force()
        .filter(village=village, kind=FinanceKind.FINANCE_PERIOD)
        .order_by("-first_published_at", "-pk")
    )


def _entries(posting):
    return LedgerEntry.objects.filter(revision=posting.current_id)


def _overdue_days() -> int:
    return settings.QUESTIONS_ANSWER_DAYS + 5


def _xinghua(demo: Asking) -> None:
    period = _periods(demo.village).first()
    if period is not None:
        largest = _entries(period).order_by("-expenditure", "line").first()
        entry = subjects.find(subjects.ENTRY, str(largest.pk))
        question = demo.ask(
            entry, 20, "这笔支出是做什么用的？有没有经过村民代表会议？", name="李秀英"
        )
        demo.answered(
            demo.listed(question, 19),
            17,
            "这笔钱按合同支付给施工方，事项已经村民代表会议表决通过，凭证照片附在账目里。",
        )
        demo.ask(
            subjects.find(subjects.POSTING, period.code),
            1,
            "本期的收入为什么比上期少了这么多？",
            phone="13900001234",
        )
        hospitality = _entries(period).filter(is_hospitality=True).first() or largest
        late = demo.ask(
            subjects.find(subjects.ENTRY, str(hospitality.pk)),
            _overdue_days() + 1,
            "这次招待的是哪些客人？为什么要在饭店招待？",
        )
        demo.listed(late, _overdue_days())
        advert = demo.ask(
            subjects.find(subjects.POSTING, period.code), 4, "高价回收旧家电，联系微信。"
        )
        questions.reject_question(
            question=advert, reason="广告，与村务无关。", by=demo.supervisor, now=demo.ago(3)
        )
    contract = (
        Posting.objects.in_force().filter(village=demo.village, kind=ContractsKind.CONTRACT).first()
    )
    if contract is not None:
        question = demo.ask(
            subjects.find(subjects.POSTING, contract.code),
            8,
            "这份合同的承包方是怎么选定的？租金多久交一次？",
            name="王建军",
        )
        demo.answered(
            demo.listed(question, 7),
            3,
            "承包方通过公开竞价确定，租金按合同每年一次交清，收款情况在合同页面逐期公开。",
            by=demo.supervisor,
        )


def _shiqiao(demo: Asking) -> None:
    matter = public_matters().filter(village=demo.village).order_by("pk").first()
    if matter is None:
        return
    question = demo.ask(
        subjects.find(subjects.MATTER, str(matter.pk)), 12, "施工期间路怎么走？什么时候完工？"
    )
    demo.answered(
        demo.listed(question, 11), 9, "施工期间在东侧留出便道；按计划两个月内完工，进度逐月公开。"
    )


def _longquan(demo: Asking) -> None:
    period = _periods(demo.village).first()
    if period is None:
        return
    question = demo.ask(
        subjects.find(subjects.POSTING, period.code),
        _overdue_days() + 2,
        "上级拨下来的补助款用到哪里去了？",
    )
    demo.listed(question, _overdue_days() + 1)


def _ratings(village, now) -> None:
    rng = random.Random(village.code)  # noqa: S311 - invented ratings, not secrets
    for posting in _periods(village):
        weights = [rng.randint(4, 12), rng.randint(2, 8), rng.randint(0, 4)]
        for choice, count in zip(RatingChoice.values, weights, strict=True):
            for n in range(count):
                ratings.rate(
                    posting=posting,
                    choice=choice,
                    comment=COMMENTS[n % len(COMMENTS)] if n % 5 == 4 else "",
                    already_rated=False,
                    now=min(now, posting.first_published_at + datetime.timedelta(days=n % 9)),
                )
