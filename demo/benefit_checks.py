"""Benefits that went astray in 桃源镇, for its official to find (runs after the red-flags demo,
whose register of cadres it uses).

杏花村's quarter list (demo/benefits.py) is paid by the township's 一卡通 file, except that 孙秀珍
is never paid, 王玉兰 is paid 200 yuan short, 周国强's money goes into a card held by someone else,
and the file pays a 钱有余 who is on no list. 赵永福 died before the list went public (the death
register says so), and 刘德顺 is the declared father of the chair 陈志远. 柳湾村's temporary
assistance list, public since 60 days, was paid only today (late), lists 吴春花 whom 杏花村 also
lists for the quarter, and lists 钱福贵 for both 低保 and 特困.
"""

import datetime
from decimal import Decimal

from disclosure.benefits import deaths, disbursements, services
from disclosure.benefits.disbursement_files import Payment
from disclosure.benefits.imports import Line
from disclosure.benefits.models import BenefitType
from disclosure.redflags import cadres
from disclosure.redflags.models import Cadre
from disclosure.regions.models import RoleKind

from .benefits import XINGHUA_QUARTER, _publish, identity_number, person_number
from .places import LIUWAN, TAOYUAN, XINGHUA

SHORT = {"王玉兰": Decimal("200.00")}
NOT_PAID = {"孙秀珍"}
OTHERS_CARD = {"周国强": "李会计"}
LIUWAN_PEOPLE = [
    ("吴春花", "第四村民小组", "19800217", BenefitType.TEMPORARY, "800.00"),
    ("钱福贵", "第二村民小组", "19580909", BenefitType.MINIMUM_LIVING, "1240.00"),
    ("钱福贵", "第二村民小组", "19580909", BenefitType.EXTREME_POVERTY, "2430.00"),
]


def _payment(village, row, name, number, amount, benefit, today, holder="") -> Payment:
    account = f"62305{number[-12:]}"
    return Payment(
        row, village.pk, name, number, account, holder or name, benefit, "", amount, today
    )


def _file_rows(xinghua, liuwan, today) -> list[Payment]:
    rows = []
    for row, (name, _group, birth, benefit, amount) in enumerate(XINGHUA_QUARTER, start=2):
        if name in NOT_PAID:
            continue
        number = identity_number(xinghua.code, birth, person_number(name))
        paid = Decimal(amount) - SHORT.get(name, Decimal("0.00"))
        rows.append(
            _payment(xinghua, row, name, number, paid, benefit, today, OTHERS_CARD.get(name, ""))
        )
    stranger = identity_number(xinghua.code, "19850505", 777)
    rows.append(
        _payment(xinghua, 20, "钱有余", stranger, Decimal("1860.00"), "minimum_living", today)
    )
    for row, (name, _group, birth, benefit, amount) in enumerate(LIUWAN_PEOPLE, start=21):
        number = identity_number(
            liuwan.code if name != "吴春花" else XINGHUA.code, birth, person_number(name)
        )
        rows.append(_payment(liuwan, row, name, number, Decimal(amount), benefit, today))
    return rows


def _liuwan_list(liuwan, staff, today, quarter):
    lines = []
    for row, (name, group, birth, benefit, amount) in enumerate(LIUWAN_PEOPLE, start=2):
        code = XINGHUA.code if name == "吴春花" else liuwan.code
        number = identity_number(code, birth, person_number(name))
        lines.append(Line(row, name, number, group, benefit, Decimal(amount), quarter))
    revision = services.import_list(
        village=liuwan,
        title=f"{quarter}临时救助及低保、特困人员名单公示",
        lines=lines,
        public_from=today - datetime.timedelta(days=60),
        by=staff[LIUWAN.code][RoleKind.CLERK],
    )
    _publish(revision, staff[LIUWAN.code])


def load(*, regions: dict, staff: dict, today: datetime.date) -> None:
    xinghua, liuwan, township = (regions[p.code] for p in (XINGHUA, LIUWAN, TAOYUAN))
    official = staff[TAOYUAN.code][RoleKind.TOWNSHIP_OFFICIAL]
    quarter = f"{today.year}年第{'一二三四'[(today.month - 1) // 3]}季度"
    _liuwan_list(liuwan, staff, today, quarter)
    chair = Cadre.objects.get(village=xinghua, name="陈志远")
    father = identity_number(xinghua.code, "19550708", person_number("刘德顺"))
    cadres.add_relative(
        cadre=chair, name="刘德顺", relation="parent", identity_number=father, by=official
    )
    died = deaths.Line(
        "赵永福",
        identity_number(xinghua.code, "19420115", person_number("赵永福")),
        today - datetime.timedelta(days=200),
    )
    deaths.import_deaths(township=township, lines=[died], by=official)
    disbursements.import_disbursement(
        township=township,
        filename=f"桃源镇{quarter}惠民惠农一卡通发放明细.xlsx",
        payments=_file_rows(xinghua, liuwan, today),
        lists_from=today - datetime.timedelta(days=90),
        lists_to=today,
        by=official,
    )
