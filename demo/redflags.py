"""Red flags of the demo: the register of cadres and relatives, and the published records that
show every rule at work. Runs after the finance, contracts and decisions demos.

Those demos already give every village flags of their own (road payments made without a linked
decision, large leases negotiated without competition, a year's rent unpaid) and 高坪村 a quarter
never disclosed. This one adds the rest, mostly in 高坪村 of 白沙乡, the village the township
should look at first: a lease to the chair's brother, a repair contract under a matter whose
representative meeting lacked a quorum (and paid 4,000 yuan above its total), a water project
whose result was never disclosed, two purchases split under the threshold, a payment to the
brother, the old school let at auction to its only bidder, and the brother's losing bid for the
ditch works. 枫林村 shows a weak, name-only
match. 杏花村 links its road payments to the decision that authorised them, so they are not
flagged there.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from disclosure import clock
from disclosure.benefits.personal import check_character
from disclosure.contracts import services as contracts
from disclosure.contracts.services import Terms
from disclosure.decisions import services as decisions
from disclosure.decisions.models import Body, Category, LinkKind
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.publishing.models import Posting
from disclosure.redflags import cadres
from disclosure.regions.models import RoleKind

from . import roads
from .decisions import Demo, Meeting
from .late_entries import add_entries, published_entries
from .places import BAISHA, FENGLIN, GAOPING, TAOYUAN, VILLAGES, XINGHUA
from .stories import DEFAULT_OPINION

DAY = datetime.timedelta(days=1)
# (village, secretary, chair): the chairs approve the payments in the finance demo's books.
CADRES = {
    "杏花村": ("周建华", "陈志远"),
    "柳湾村": ("吴国栋", "黄德林"),
    "石桥村": ("郑兴旺", "徐大勇"),
    "龙泉村": ("孙永昌", "罗正平"),
    "枫林村": ("马德才", "谢光明"),
    "高坪村": ("邓国华", "韩春生"),
}
BROTHER = "韩春林"
SUPPLIER = "白沙五金建材经营部"


def identity_number(village_code: str, birth: str, sequence: int) -> str:
    first_17 = f"{village_code[:6]}{birth}{sequence:03d}"
    return first_17 + check_character(first_17)


def load(*, regions, staff, today: datetime.date) -> None:
    now = timezone.make_aware(
        datetime.datetime.combine(today, timezone.localtime(clock.now()).time())
    )
    officials = {
        TAOYUAN.code: staff[TAOYUAN.code][RoleKind.TOWNSHIP_OFFICIAL],
        BAISHA.code: staff[BAISHA.code][RoleKind.TOWNSHIP_OFFICIAL],
    }
    chairs = {}
    for number, place in enumerate(VILLAGES):
        official = officials[place.parent]
        chairs[place.code] = _register(regions[place.code], official, number, today)
    _gaoping(regions[GAOPING.code], staff[GAOPING.code], chairs[GAOPING.code], officials, now)
    cadres.add_relative(
        cadre=chairs[FENGLIN.code],
        name="李桂兰",
        relation="spouse",
        by=officials[BAISHA.code],
    )
    _xinghua_road(Demo(regions[XINGHUA.code], staff[XINGHUA.code], now), today)


def _register(village, official, number: int, today: datetime.date):
    """The village's party secretary and committee chair, in office since the last election."""
    secretary, chair = CADRES[village.name]
    started = datetime.date(today.year - 2, 1, 10)
    cadres.add_cadre(
        village=village,
        name=secretary,
        position="村党组织书记",
        started_on=started,
        identity_number=identity_number(village.code, f"1966{number + 1:02d}08", 11),
        by=official,
    )
    return cadres.add_cadre(
        village=village,
        name=chair,
        position="村委会主任",
        started_on=started,
        identity_number=identity_number(village.code, f"1971{number + 1:02d}19", 23),
        by=official,
    )


def _publish(revision, clerk, supervisor):
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion=DEFAULT_OPINION,
    )
    return publishing.publish(revision=revision, by=clerk)


def _gaoping(village, people, chair, officials, now) -> None:
    clerk, supervisor = people[RoleKind.CLERK], people[RoleKind.SUPERVISOR]
    today = timezone.localdate(now)
    brother_number = identity_number(village.code, "19750403", 37)
    cadres.add_relative(
        cadre=chair,
        name=BROTHER,
        relation="sibling",
        identity_number=brother_number,
        by=officials[BAISHA.code],
    )
    _lease_to_brother(village, clerk, supervisor, brother_number, today)
    demo = Demo(village, people, now)
    repairs = _repairs_without_quorum(demo, today)
    _overpay(repairs, clerk, today)
    _auction_with_one_bid(village, clerk, supervisor, today)
    _brother_bids_and_loses(village, clerk, supervisor, today)
    _water_result_overdue(demo)
    _split_purchases(village, clerk, supervisor)


def _lease_to_brother(village, clerk, supervisor, number: str, today) -> None:
    """The reservoir's fish farming leased by negotiation to the chair's brother."""
    start = datetime.date(today.year, 1, 1)
    rent = Decimal("26000.00")
    terms = Terms(
        counterparty_kind="person",
        counterparty=BROTHER,
        identity_number=number,
        subject="后山水库养殖水面 45 亩",
        purpose="养殖淡水鱼",
        direction="income",
        start_date=start,
        end_date=datetime.date(today.year + 4, 12, 31),
        total_amount=rent * 5,
        award_method="negotiation",
        decision_reference="村两委会研究决定",
        schedule=[(datetime.date(today.year + year, 3, 31), rent) for year in range(5)],
    )
    revision = contracts.create_contract(
        village=village, title="高坪村后山水库养殖水面承包合同", terms=terms, by=clerk
    )
    posting = _publish(revision, clerk, supervisor).posting
    first_due = terms.schedule[0][0]
    if first_due < today:
        contracts.record_payment(posting=posting, paid_on=first_due, amount=rent, by=clerk)


def _repairs_without_quorum(demo: Demo, today) -> Posting:
    """Repairs contracted although the representative meeting never reached its quorum."""
    matter = demo.matter(
        80,
        title="高坪村村部办公楼维修工程",
        category=Category.COLLECTIVE_INCOME,
        amount=Decimal("86000.00"),
        description="村部办公楼屋面漏水、墙体开裂，拟维修屋面和外墙，资金来源为村集体经营收入。",
        meetings=[
            Meeting(78, 1, Body.PARTY_BRANCH, 5, 5, 5),
            Meeting(75, 2, Body.TWO_COMMITTEES, 9, 9, 9),
            Meeting(71, 3, Body.PARTY_MEMBERS, 41, 30, 28, 2),
            Meeting(66, 4, Body.REPRESENTATIVES, 36, 19, 17, 2, 0, "到会代表19人，不足三分之二。"),
        ],
    )
    start = today - 60 * DAY
    terms = Terms(
        counterparty_kind="organisation",
        counterparty="白沙乡建筑安装队",
        subject="村部办公楼",
        purpose="维修屋面和外墙",
        direction="expenditure",
        start_date=start,
        end_date=start + 90 * DAY,
        total_amount=Decimal("86000.00"),
        award_method="direct_award",
        matter=matter,
        schedule=[(start + 10 * DAY, Decimal("30000.00")), (start + 90 * DAY, Decimal("56000.00"))],
    )
    revision = contracts.create_contract(
        village=demo.village, title="高坪村村部办公楼维修施工合同", terms=terms, by=demo.clerk
    )
    return _publish(revision, demo.clerk, demo.supervisor).posting


def _overpay(repairs, clerk, today) -> None:
    """The repairs, 86,000 yuan in all: the advance, then a progress payment of 60,000 yuan long
    before the work ended, 4,000 yuan more than the contract's total."""
    start = today - 60 * DAY
    for paid_on, amount in ((start + 10 * DAY, "30000.00"), (start + 50 * DAY, "60000.00")):
        contracts.record_payment(posting=repairs, paid_on=paid_on, amount=Decimal(amount), by=clerk)


def _brother_bids_and_loses(village, clerk, supervisor, today) -> None:
    """The road-side ditch works put to tender: the chair's brother among the losing bidders."""
    start = today - 45 * DAY
    terms = Terms(
        counterparty_kind="organisation",
        counterparty="白沙乡建筑安装队",
        subject="村道排水沟",
        purpose="新建村道两侧排水沟 800 米",
        direction="expenditure",
        start_date=start,
        end_date=start + 60 * DAY,
        total_amount=Decimal("48000.00"),
        award_method="public_bidding",
        decision_reference="村两委联席会议研究决定",
        schedule=[(start + 60 * DAY, Decimal("48000.00"))],
        bids=[
            ("白沙乡建筑安装队", Decimal("48000.00"), True),
            (BROTHER, Decimal("49500.00"), False),
        ],
    )
    revision = contracts.create_contract(
        village=village, title="高坪村村道排水沟施工合同", terms=terms, by=clerk
    )
    _publish(revision, clerk, supervisor)


def _auction_with_one_bid(village, clerk, supervisor, today) -> None:
    """The old school building let at auction, with a single bidder at the reserve price."""
    start = datetime.date(today.year, 1, 1)
    rent = Decimal("9000.00")
    terms = Terms(
        counterparty_kind="organisation",
        counterparty="白沙乡惠民农资经营部",
        subject="原村小学校舍 420 平方米",
        purpose="农资仓储",
        direction="income",
        start_date=start,
        end_date=datetime.date(today.year + 2, 12, 31),
        total_amount=rent * 3,
        award_method="auction",
        decision_reference="村民代表会议决定公开拍卖",
        schedule=[(datetime.date(today.year + year, 12, 31), rent) for year in range(3)],
        bids=[("白沙乡惠民农资经营部", rent * 3, True)],
    )
    revision = contracts.create_contract(
        village=village, title="高坪村原村小学校舍租赁合同", terms=terms, by=clerk
    )
    _publish(revision, clerk, supervisor)


def _water_result_overdue(demo: Demo) -> None:
    """The drinking-water pipes, finished three months ago; the result was never disclosed."""
    matter = demo.matter(
        220,
        title="高坪村饮水工程管网改造",
        category=Category.PUBLIC_WELFARE,
        amount=Decimal("138000.00"),
        description="更换老化供水管网3.2公里，解决二组、三组夏季缺水问题。",
        meetings=[
            Meeting(215, 1, Body.PARTY_BRANCH, 5, 5, 5),
            Meeting(212, 2, Body.TWO_COMMITTEES, 9, 9, 9),
            Meeting(208, 3, Body.PARTY_MEMBERS, 41, 35, 33, 1, 1),
            Meeting(203, 4, Body.REPRESENTATIVES, 36, 31, 29, 1, 1, "代表会议表决通过。"),
        ],
    )
    demo.disclose_resolution(matter, 200)
    demo.progress(matter, 160, text="开挖管沟，铺设主管1.5公里。", percent=50, spent=None)
    demo.progress(matter, 90, text="管网全部铺设完成并通水。", percent=100, spent=None)


def _split_purchases(village, clerk, supervisor) -> None:
    """Entries the clerk forgot, added by a correction of the newest published quarter:
    two purchases from one shop twelve days apart, each under 10,000 yuan, and a payment to
    the chair's brother for dredging the reservoir."""
    add_entries(
        village,
        clerk,
        supervisor,
        reason="补记漏登的三笔支出：村部维修材料两笔、水库清淤一笔。",
        rows=[
            (30, "村部维修材料采购（水泥、防水卷材）", "7860.00", SUPPLIER),
            (18, "村部维修材料采购（瓷砖、涂料）", "8450.00", SUPPLIER),
            (12, "水库清淤工程款", "3600.00", BROTHER),
        ],
    )


def _xinghua_road(demo: Demo, today: datetime.date) -> None:
    """杏花村 decided its road through the four discussions, linked each payment to it as the
    work went on, and disclosed the result."""
    payments = published_entries(demo.village, summary="村道硬化工程款")
    ago = (today - payments[0].date).days + 40
    road = roads.ROADS[XINGHUA.code]
    matter = demo.matter(
        ago,
        title=road.title(demo.village.name),
        category=Category.PUBLIC_WELFARE,
        amount=road.budget,
        description=f"硬化{road.stretch}村道{road.length_km}公里，资金来源为财政奖补资金和村集体自筹。",
        meetings=[
            Meeting(ago - 2, 1, Body.PARTY_BRANCH, 5, 5, 5),
            Meeting(ago - 5, 2, Body.TWO_COMMITTEES, 9, 9, 9),
            Meeting(ago - 9, 3, Body.PARTY_MEMBERS, 35, 30, 29, 1),
            Meeting(ago - 14, 4, Body.REPRESENTATIVES, 40, 34, 32, 1, 1, "代表会议表决通过。"),
        ],
    )
    demo.disclose_resolution(matter, ago - 16)
    spent = Decimal(0)
    for number, entry in enumerate(payments, start=1):
        spent += entry.expenditure
        label = f"{entry.summary} {entry.expenditure:,.2f}元"
        demo.progress(
            matter,
            (today - entry.date).days,
            text=entry.summary,
            percent=100 if number == len(payments) else 40 * number,
            spent=spent,
            links=[(LinkKind.LEDGER_ENTRY, entry.voucher_no, label)],
        )
    _disclose_result(demo, matter, spent, (today - payments[-1].date).days - 10)


def _disclose_result(demo: Demo, matter, cost: Decimal, days_ago: int) -> None:
    with demo.on(days_ago):
        revision = decisions.prepare_result(
            matter=matter,
            body="村道硬化工程已完工并通过验收，决算金额见下表。",
            final_cost=cost,
            accepted_on=clock.today(),
            accepted_by="桃源镇农经站、杏花村村务监督委员会",
            acceptance="工程质量合格，同意验收。",
            by=demo.clerk,
        )
    demo.publish(revision, days_ago - 1)
