"""Demo benefit lists: one still within its publicity window, one whose window has ended.

Names are invented; identity numbers start with 99, a province number no real person has, and
carry a valid check character so that they pass the import like real ones.
"""

import datetime
from decimal import Decimal

from disclosure.benefits import services
from disclosure.benefits.imports import Line
from disclosure.benefits.models import BenefitList, BenefitType
from disclosure.benefits.personal import check_character
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.regions.models import RoleKind

from .places import LONGQUAN, XINGHUA
from .stories import DEFAULT_OPINION

# (name, village group, birth date, benefit, amount in yuan)
XINGHUA_QUARTER = [
    ("陈桂芝", "第一村民小组", "19480312", BenefitType.MINIMUM_LIVING, "1860.00"),
    ("刘德顺", "第一村民小组", "19550708", BenefitType.MINIMUM_LIVING, "1860.00"),
    ("王玉兰", "第二村民小组", "19610921", BenefitType.MINIMUM_LIVING, "1240.00"),
    ("赵永福", "第二村民小组", "19420115", BenefitType.EXTREME_POVERTY, "2430.00"),
    ("孙秀珍", "第三村民小组", "19390604", BenefitType.EXTREME_POVERTY, "2430.00"),
    ("周国强", "第三村民小组", "19720830", BenefitType.MEDICAL, "3500.00"),
    ("吴春花", "第四村民小组", "19800217", BenefitType.TEMPORARY, "800.00"),
    ("郑大山", "第四村民小组", "19660403", BenefitType.HOUSING, "15000.00"),
]
LONGQUAN_FARMLAND = [
    ("李长生", "第一村民小组", "19570101", BenefitType.FARMLAND, "1052.80"),
    ("黄金凤", "第一村民小组", "19630520", BenefitType.FARMLAND, "736.96"),
    ("何满仓", "第二村民小组", "19511111", BenefitType.FARMLAND, "1421.28"),
    ("林玉梅", "第二村民小组", "19700726", BenefitType.FARMLAND, "526.40"),
    ("唐有田", "第三村民小组", "19591003", BenefitType.FARMLAND, "947.52"),
    ("唐有田", "第三村民小组", "19591003", BenefitType.INSURANCE, "1280.00"),
]


def identity_number(village_code: str, birth: str, sequence: int) -> str:
    first_17 = f"{village_code[:6]}{birth}{sequence:03d}"
    return first_17 + check_character(first_17)


def person_number(name: str) -> int:
    """Sequences keep the demo's numbers apart; the same person keeps one number."""
    return 100 + sum(ord(ch) for ch in name) % 800


def _lines(village_code: str, people: list[tuple], period: str) -> list[Line]:
    lines = []
    for row, (name, group, birth, benefit, amount) in enumerate(people, start=2):
        number = identity_number(village_code, birth, person_number(name))
        lines.append(Line(row, name, number, group, benefit, Decimal(amount), period))
    return lines


def _publish(revision, staff):
    clerk, supervisor = staff[RoleKind.CLERK], staff[RoleKind.SUPERVISOR]
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion=DEFAULT_OPINION,
    )
    return publishing.publish(revision=revision, by=clerk)


def load(*, regions: dict, staff: dict, today: datetime.date) -> None:
    xinghua, longquan = regions[XINGHUA.code], regions[LONGQUAN.code]
    quarter = f"{today.year}年第{'一二三四'[(today.month - 1) // 3]}季度"
    current = services.import_list(
        village=xinghua,
        title=f"{quarter}低保金、特困供养金及救助资金发放名单公示",
        body="以下名单经村民小组评议、村委会审核、镇民政办审批，现予公示。如有异议，请向村务监督委员会反映。",
        lines=_lines(xinghua.code, XINGHUA_QUARTER, quarter),
        by=staff[XINGHUA.code][RoleKind.CLERK],
    )
    _publish(current, staff[XINGHUA.code])

    # This list was on the notice board months ago; its window had ended when it went online.
    year = f"{today.year - 1}年"
    earlier = services.import_list(
        village=longquan,
        title=f"{year}耕地地力保护补贴及农业保险理赔发放名单",
        body="补贴按确权面积每亩131.60元计发，已通过“一卡通”发放到户。",
        lines=_lines(longquan.code, LONGQUAN_FARMLAND, year),
        public_from=today - datetime.timedelta(days=150),
        by=staff[LONGQUAN.code][RoleKind.CLERK],
    )
    _publish(earlier, staff[LONGQUAN.code])
    services.expire_list(benefit_list=BenefitList.objects.get(revision=earlier))
