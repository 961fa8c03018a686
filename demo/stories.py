"""How a demo posting is described: its content and how far it got on its way to publication.

Texts may carry dates relative to the day the story took place (the day it was published, or
the day the demo is loaded for one that never was), written {+7} (in seven days),
{-3} (three days ago), {year} and {last_year}, so the notices read as current.
"""

import datetime
from dataclasses import dataclass
from enum import Enum

DEFAULT_OPINION = "经村务监督委员会审核，内容真实、完整，同意公开。"


class Stage(Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    SIGNED_OFF = "signed_off"
    PUBLISHED = "published"
    CORRECTED = "corrected"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Correction:
    reason: str
    body: str
    opinion: str = "更正内容已核实，同意公开。"


@dataclass(frozen=True)
class Story:
    village: str
    kind: str
    title: str
    body: str
    stage: Stage
    power_items: list[dict] | None = None
    # Names of generated files: a .jpg becomes a photo of the notice board, a .pdf the text.
    attachments: tuple[str, ...] = ()
    opinion: str = DEFAULT_OPINION
    # When set, the supervisor returned the first submission with this reason.
    returned_reason: str = ""
    correction: Correction | None = None
    withdrawal_reason: str = ""
    withdrawal_opinion: str = "撤回理由属实，同意撤回。"
    # The day it was published: the last (month, day) before the demo is loaded, `years_back`
    # years earlier (timeline.latest_before). Stories that never got published happen today.
    month_day: tuple[int, int] | None = None
    years_back: int = 0


# What a village did in each of the first three quarters of last year, told early in the next.
LAST_YEARS_WORK = (
    ("一", "组织春季植树造林，清理村内沟渠；召开村民代表会议审议年度公益事业建设计划。"),
    ("二", "完成防汛物资储备和水利设施检修；发放耕地地力保护补贴；开展夏季防溺水宣传。"),
    ("三", "组织秋收秋种，开展秸秆禁烧巡查；完成城乡居民医疗保险费代收。"),
)


def quarterly_summaries(village: str, name: str) -> list[Story]:
    """Last year's general affairs of the first three quarters, each published on the 10th of
    the month after the quarter, so the township's calendar finds one in every quarter."""
    return [
        Story(
            village,
            "notice",
            f"{name}{{year}}年第{number}季度村务公开",
            f"本季度主要工作：{work}各项收支明细见本村财务公开。",
            Stage.PUBLISHED,
            month_day=(3 * index + 4, 10),
            years_back=1,
        )
        for index, (number, work) in enumerate(LAST_YEARS_WORK)
    ]


class _Dates(dict):
    def __init__(self, today: datetime.date):
        super().__init__(year=str(today.year), last_year=str(today.year - 1))
        self.today = today

    def __missing__(self, key: str) -> str:
        day = self.today + datetime.timedelta(days=int(key))
        return f"{day.month}月{day.day}日"


def dated(text: str, today: datetime.date) -> str:
    return text.format_map(_Dates(today))
