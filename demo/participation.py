"""The demo's questions and ratings, made through the app's own services.

Runs after the finance, contracts and decisions demos: it asks about what they published, and
never before it was published. In 杏花村 a question about the largest expenditure was answered,
one about how last year's road builder was chosen too (demo/roads.py), one waits for the
supervision committee, one advertisement was not listed, and one question about a meal for
guests, asked on the line that records it, is overdue; 石桥村 was asked about its road while it
was being built, and 龙泉村 has an overdue question too, so both townships see one. Every
published finance period has ratings.
"""

import datetime
import random

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from disclosure import clock
from disclosure.decisions.selectors import public_matters
from disclosure.finance.models import FinanceKind, LedgerEntry
from disclosure.participation import questions, ratings, subjects
from disclosure.participation.models import RatingChoice
from disclosure.publishing.models import Posting
from disclosure.regions.models import RoleKind

from . import roads
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


def _published_before(village, moment):
    """The newest period villagers could read at `moment`: nobody asks about a period before it
    is published."""
    return _periods(village).filter(first_published_at__lt=moment).first()


def _entries(posting):
    return LedgerEntry.objects.filter(revision=posting.current_id)


def _overdue_days() -> int:
    return settings.QUESTIONS_ANSWER_DAYS + 5


def _xinghua(demo: Asking) -> None:
    _about_the_largest_spending(demo, days_ago=20)
    newest = _published_before(demo.village, demo.ago(1))
    if newest is not None:
        demo.ask(
            subjects.find(subjects.POSTING, newest.code),
            1,
            "本期的收入为什么比上期少了这么多？",
            phone="13900001234",
        )
    _about_hospitality(demo, days_ago=_overdue_days() + 1)
    period = _published_before(demo.village, demo.ago(4))
    if period is not None:
        advert = demo.ask(
            subjects.find(subjects.POSTING, period.code), 4, "高价回收旧家电，联系微信。"
        )
        questions.reject_question(
            question=advert, reason="广告，与村务无关。", by=demo.supervisor, now=demo.ago(3)
        )
    _about_the_road(demo)


def _about_the_road(demo: Asking) -> None:
    """Last year's road (demo/roads.py): asked on its first payment how the builder was chosen,
    answered by the committee."""
    road = roads.ROADS[XINGHUA.code]
    advance = (
        LedgerEntry.objects.filter(
            village=demo.village,
            revision__posting__current=F("revision"),
            summary__startswith="村道硬化工程款",
        )
        .order_by("date", "pk")
        .first()
    )
    if advance is None:
        return
    question = demo.ask(
        subjects.find(subjects.ENTRY, str(advance.pk)),
        8,
        "修路的施工单位是怎么选定的？有没有村干部的亲戚参与？",
        name="王建军",
    )
    demo.answered(
        demo.listed(question, 7),
        3,
        f"在县公共资源交易中心公开招标，{len(roads.BUILDERS)}家单位投标，{road.winner}"
        f"以最低有效报价{road.contract_price:,.2f}元中标；招标公告写明村干部近亲属不得投标，"
        "开标时村务监督委员会全程监督。",
        by=demo.supervisor,
    )


def _about_the_largest_spending(demo: Asking, days_ago: int) -> None:
    """A villager asks what the period's largest spending was for; the clerk answers with the
    line's own words and payee."""
    period = _published_before(demo.village, demo.ago(days_ago))
    if period is None:
        return
    largest = _entries(period).order_by("-expenditure", "line").first()
    question = demo.ask(
        subjects.find(subjects.ENTRY, str(largest.pk)),
        days_ago,
        f"“{largest.summary}”这笔支出是做什么用的？有没有经过村民代表会议？",
        name="李秀英",
    )
    demo.answered(
        demo.listed(question, days_ago - 1),
        days_ago - 3,
        f"这笔钱是{largest.summary}，付给{largest.counterparty or '收款方'}，"
        "凭证照片附在账目里，欢迎到村委会查看原件。",
    )


def _about_hospitality(demo: Asking, days_ago: int) -> None:
    """A question about a meal for guests, asked on the line that records one: left unanswered."""
    hospitality = (
        LedgerEntry.objects.filter(
            revision__posting__in=_periods(demo.village).filter(
                first_published_at__lt=demo.ago(days_ago)
            ),
            revision__posting__current=F("revision"),
            is_hospitality=True,
        )
        .order_by("-date", "-pk")
        .first()
    )
    if hospitality is None:
        return
    late = demo.ask(
        subjects.find(subjects.ENTRY, str(hospitality.pk)),
        days_ago,
        f"“{hospitality.summary}”招待的是哪些客人？为什么要在饭店招待？",
    )
    demo.listed(late, days_ago - 1)


def _shiqiao(demo: Asking) -> None:
    """Asked while this year's road was being built (demo/decisions.py), answered in days."""
    matter = public_matters().filter(village=demo.village, title__contains="二组至三组村道").first()
    if matter is None:
        return
    question = demo.ask(
        subjects.find(subjects.MATTER, str(matter.pk)), 100, "施工期间路怎么走？什么时候完工？"
    )
    demo.answered(
        demo.listed(question, 99), 97, "施工期间在东侧留出便道；按计划两个月内完工，进度逐月公开。"
    )


def _longquan(demo: Asking) -> None:
    period = _published_before(demo.village, demo.ago(_overdue_days() + 2))
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
