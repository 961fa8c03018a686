"""What the townships did about the demo's red flags, so that each step of a flag's life shows.

Runs after every other app's demo. Every flag the rules raise is first seen forty days before the
demo is loaded (as the daily job would have seen it); then, replayed on their own days:
- 柳湾村 explained its large lease negotiated without competition, 桃源镇 ordered it put out to
  tender, the village reported it done and the township closed it: the conclusion is published
  beside the lease;
- 高坪村 explained its lease to the chair's brother; 白沙乡 ordered a rectification whose
  deadline passed ten days ago with nothing reported: it is overdue;
- 枫林村's name-only match was a namesake: 白沙乡 dismissed it, and the reason is published;
- 高坪村's split purchases are still open, unexplained, forty days on.
"""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone

from disclosure import clock
from disclosure.redflags import cases, lifecycle
from disclosure.redflags.models import FlagCase
from disclosure.redflags.services import flags_for
from disclosure.regions.models import RoleKind

from .places import BAISHA, FENGLIN, GAOPING, LIUWAN, TAOYUAN

FIRST_SEEN_DAYS_AGO = 40


@contextmanager
def _days_ago(today: datetime.date, days: int) -> Iterator[None]:
    moment = datetime.datetime.combine(today - datetime.timedelta(days=days), datetime.time(10))
    with clock.replaying(timezone.make_aware(moment)):
        yield


def _case(village, rule: str, *, strong: bool | None = None) -> FlagCase:
    found = FlagCase.objects.filter(village=village, rule=rule).order_by("pk")
    if strong is not None:
        found = found.filter(strong=strong)
    return found.first()


def load(*, regions, staff, today: datetime.date) -> None:
    villages = [region for region in regions.values() if region.is_village]
    with _days_ago(today, FIRST_SEEN_DAYS_AGO):
        cases.track(
            flags=flags_for([v.pk for v in villages], today),
            today=today - datetime.timedelta(days=FIRST_SEEN_DAYS_AGO),
        )
    taoyuan = staff[TAOYUAN.code][RoleKind.TOWNSHIP_OFFICIAL]
    baisha = staff[BAISHA.code][RoleKind.TOWNSHIP_OFFICIAL]
    _tendered(_case(regions[LIUWAN.code], "contract_without_competition"), staff, taoyuan, today)
    _overdue(_case(regions[GAOPING.code], "related_party", strong=True), staff, baisha, today)
    _namesake(_case(regions[FENGLIN.code], "related_party", strong=False), baisha, today)


def _tendered(case, staff, official, today) -> None:
    clerk = staff[LIUWAN.code][RoleKind.CLERK]
    with _days_ago(today, 34):
        lifecycle.acknowledge(
            case=case,
            explanation="承包户为原承包人，续包时村两委认为沿用原价即可，未组织公开招标。",
            by=clerk,
        )
    with _days_ago(today, 30):
        lifecycle.order_rectification(
            case=case,
            responsible=clerk,
            deadline=today - datetime.timedelta(days=12),
            instructions="按规定在镇农村产权交易平台公开招租，并将结果公开。",
            by=official,
        )
    with _days_ago(today, 16):
        lifecycle.report_rectified(
            case=case,
            report="已在镇农村产权交易平台公开招租，原承包户以高于原价8%的价格竞得，结果已公示。",
            by=clerk,
        )
    with _days_ago(today, 12):
        lifecycle.close(
            case=case,
            conclusion="经核查，已补行公开招租程序，租金较原价提高8%，整改到位，予以办结。",
            by=official,
        )


def _overdue(case, staff, official, today) -> None:
    clerk = staff[GAOPING.code][RoleKind.CLERK]
    with _days_ago(today, 33):
        lifecycle.acknowledge(
            case=case,
            explanation="水库养殖水面由两委会研究后协商承包给韩春林，当时未考虑回避。",
            by=clerk,
        )
    with _days_ago(today, 31):
        lifecycle.order_rectification(
            case=case,
            responsible=clerk,
            deadline=today - datetime.timedelta(days=10),
            instructions="村委会主任韩春生应回避；提交村民代表会议重新表决，或依法公开招租。",
            by=official,
        )


def _namesake(case, official, today) -> None:
    with _days_ago(today, 20):
        lifecycle.dismiss(
            case=case,
            reason="经核对身份证号，承包人与村干部亲属同名不同人，不存在关联关系。",
            by=official,
        )
