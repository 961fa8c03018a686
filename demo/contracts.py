"""Demo contracts and a project for every demo village, taken through the real lifecycle.

Each village gets a dozen contracts: yearly land and pond leases (one with last year's rent still
unpaid, one ending within the expiry window, one awarded by public bidding among three bidders),
two purchases, and last year's road (demo/roads.py) disclosed stage by stage from approval to
final accounts. In the villages that go by the book (demo.places.EXEMPLARY) the two large leases to
organisations were auctioned; elsewhere they were negotiated. Identity numbers start with 99, a
province number no real person has.
"""

import datetime
from decimal import Decimal

from disclosure import clock
from disclosure.contracts import projects, services
from disclosure.contracts.projects import StageReport
from disclosure.contracts.services import Terms
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.regions.models import RoleKind

from . import roads
from .places import EXEMPLARY, VILLAGES
from .stories import DEFAULT_OPINION

DAY = datetime.timedelta(days=1)
# (what is leased, area or object, yearly rent, years, started years ago); each village's own
# lessees are in LESSEES.
LEASES = [
    ("东坡承包地", "东坡耕地 28 亩，种植水稻", "8400.00", 5, 3),
    ("北塘鱼塘", "北塘鱼塘 12 亩，养殖淡水鱼", "6000.00", 6, 4),
    ("南山林地", "南山林地 60 亩，种植油茶", "4800.00", 10, 2),
    ("西洼旱地", "西洼旱地 15 亩，种植蔬菜", "3750.00", 3, 1),
    ("村口荒地", "村口荒地 8 亩，开垦种植果树", "1600.00", 8, 5),
    ("河滩地", "河滩地 20 亩，种植苗木", "5000.00", 5, 2),
]
# The villagers who hold each village's leases, in the order of LEASES, then the old orchard's.
LESSEES = [
    ("张德明", "李桂香", "王长顺", "赵春生", "刘玉芬", "陈建业", "钱小平"),
    ("何金山", "罗秀珍", "马德旺", "胡春来", "朱玉兰", "高建平", "林小勇"),
    ("周福生", "吴翠花", "郑长林", "冯立新", "曹桂英", "彭志远", "董小军"),
    ("袁德才", "许凤英", "蒋长富", "沈春华", "韩玉梅", "杨建设", "唐小明"),
    ("谢永福", "李桂兰", "邹长江", "潘春雷", "杜玉珍", "叶建国", "程小东"),
    ("苏德胜", "卢秀英", "丁长喜", "任春明", "姚玉琴", "魏建华", "崔小平"),
]
ORGANISATIONS = [
    ("云溪县绿野农业专业合作社", "连片耕地", "连片耕地 120 亩，规模种植优质稻", "36000.00"),
    ("云溪县鑫源物流有限公司", "村集体仓库", "村集体仓库 600 平方米，仓储", "24000.00"),
]
PURCHASES = [
    ("云溪县城乡环卫设备厂", "分类垃圾桶 80 个", "采购垃圾分类收集桶", "16800.00", "direct_award"),
    (
        "云溪县光明电器有限公司",
        "太阳能路灯 30 盏",
        "采购并安装村道太阳能路灯",
        "45000.00",
        "negotiation",
    ),
]
BIDDERS = [("云溪县丰收种植有限公司", "51000.00"), ("孙大有", "46500.00"), ("周红梅", "44800.00")]


def load(*, regions, staff, today: datetime.date) -> None:
    # Payments are never dated after the real today: the service refuses that.
    paid_until = min(today, clock.today())
    for number, place in enumerate(VILLAGES):
        village = regions[place.code]
        clerk = staff[place.code][RoleKind.CLERK]
        supervisor = staff[place.code][RoleKind.SUPERVISOR]
        for offset, (title, terms) in enumerate(_contracts(village.name, number, today)):
            revision = services.create_contract(village=village, title=title, terms=terms, by=clerk)
            _publish(revision, clerk, supervisor)
            late = offset == 0
            _pay(revision.posting, terms.schedule, clerk, paid_until, skip_last_due=late)
        _road_project(village, roads.ROADS[place.code], clerk, supervisor, today)


def _publish(revision, clerk, supervisor) -> None:
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion=DEFAULT_OPINION,
    )
    publishing.publish(revision=revision, by=clerk)


def _pay(posting, schedule, clerk, paid_until, *, skip_last_due: bool) -> None:
    """Pay each instalment already due, a few days late; in arrears, the latest stays unpaid."""
    due = [(date, amount) for date, amount in schedule if date < paid_until]
    if skip_last_due:
        due = due[:-1]
    for date, amount in due:
        services.record_payment(
            posting=posting,
            paid_on=min(date + 5 * DAY, paid_until),
            amount=amount,
            ledger_reference=f"记-{date:%y%m}{posting.code[:2]}",
            by=clerk,
        )


def _yearly(start: datetime.date, years: int, rent: Decimal) -> list:
    return [(_years_after(start, year) + 89 * DAY, rent) for year in range(years)]


def _years_after(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=day.year + years, day=min(day.day, 28))


def _lease(lessee, name, purpose, rent, years, start, *, identity="", method="negotiation"):
    rent = Decimal(rent)
    return Terms(
        counterparty_kind="person" if identity else "organisation",
        counterparty=lessee,
        identity_number=identity,
        subject=name,
        purpose=purpose,
        direction="income",
        start_date=start,
        end_date=_years_after(start, years) - DAY,
        total_amount=rent * years,
        award_method=method,
        decision_reference=f"{start.year - 1}年12月村民代表会议决议",
        schedule=_yearly(start, years, rent),
    )


def _identity(year: int, month: int, seq: int) -> str:
    return f"990102{year}{month:02d}15{seq:03d}X"


def _contracts(village_name: str, number: int, today: datetime.date) -> list:
    this_year = datetime.date(today.year, 1, 1)
    contracts = []
    lessees = LESSEES[number]
    for seq, (name, purpose, rent, years, ago) in enumerate(LEASES):
        lessee = lessees[seq]
        identity = _identity(1960 + seq + number, seq + 1, number * 10 + seq)
        start = _years_after(this_year, -ago)
        terms = _lease(lessee, name, purpose, rent, years, start, identity=identity)
        contracts.append((f"{village_name}{name}承包合同", terms))
    # Ends within the expiry window: the lease of the orchard, signed three years ago.
    start = today - datetime.timedelta(days=3 * 365 - 45)
    orchard = _lease(lessees[-1], "老果园", "老果园 10 亩，管护经营", "3000.00", 3, start)
    orchard.counterparty_kind = "person"
    orchard.identity_number = _identity(1970, number + 1, number * 10 + 9)
    contracts.append((f"{village_name}老果园租赁合同", orchard))
    # Awarded by public bidding: the highest of three bids wins the lease.
    start = _years_after(this_year, -1)
    bidded = _lease(
        BIDDERS[0][0],
        "水库养殖水面",
        "水库养殖水面 40 亩，公开招标发包",
        "17000.00",
        3,
        start,
        method="public_bidding",
    )
    bidded.bids = [(name, Decimal(price), seq == 0) for seq, (name, price) in enumerate(BIDDERS)]
    contracts.append((f"{village_name}水库养殖水面发包合同", bidded))
    exemplary = village_name in {place.name for place in EXEMPLARY}
    for organisation, name, purpose, rent in ORGANISATIONS:
        start = _years_after(this_year, -2)
        terms = _lease(organisation, name, purpose, rent, 5, start)
        if exemplary:
            # Villages that go by the book lease their largest holdings at auction.
            terms.award_method = "auction"
            terms.bids = [
                (organisation, Decimal(rent) * 5, True),
                (BIDDERS[0][0], Decimal(rent) * 4, False),
            ]
        contracts.append((f"{village_name}{name}租赁合同", terms))
    for supplier, name, purpose, amount, method in PURCHASES:
        contracts.append(
            (
                f"{village_name}{name}采购合同",
                _purchase(supplier, name, purpose, amount, method, today),
            )
        )
    return contracts


def _purchase(supplier, name, purpose, amount, method, today) -> Terms:
    amount = Decimal(amount)
    start = today - 120 * DAY
    deposit = (amount * Decimal("0.3")).quantize(Decimal("0.01"))
    return Terms(
        counterparty_kind="organisation",
        counterparty=supplier,
        subject=name,
        purpose=purpose,
        direction="expenditure",
        start_date=start,
        end_date=start + 365 * DAY,
        total_amount=amount,
        award_method=method,
        decision_reference="村两委联席会议研究决定",
        schedule=[(start + 10 * DAY, deposit), (start + 100 * DAY, amount - deposit)],
    )


def _road_project(village, road, clerk, supervisor, today: datetime.date) -> None:
    """Last year's road (demo/roads.py), from the meeting's approval to the final accounts."""
    dates = roads.on(today.year - 1)
    bids = [
        (builder, price, builder == road.winner)
        for builder, price in zip(roads.BUILDERS, road.bids, strict=True)
    ]
    reports = [
        StageReport(
            "approval",
            dates["approval"],
            f"经村民代表会议表决通过，硬化{road.stretch}村道 {road.length_km} 公里。",
            road.budget,
        ),
        StageReport(
            "bidding", dates["bidding"], "在县公共资源交易中心公开招标，三家单位投标。", bids=bids
        ),
        StageReport(
            "award", dates["award"], f"{road.winner}以最低有效报价中标。", road.contract_price
        ),
        StageReport(
            "contract", dates["contract"], "签订施工合同，工期 120 天。", road.contract_price
        ),
        StageReport("construction", dates["construction"], "开工建设，村务监督委员会全程监督。"),
        StageReport("acceptance", dates["acceptance"], "乡镇组织验收，质量合格。"),
        StageReport(
            "final_accounts", dates["final_accounts"], "经审计，工程决算金额如下。", road.final_cost
        ),
    ]
    revision = projects.create_project(
        village=village, title=road.title(village.name), first=reports[0], by=clerk
    )
    _publish(revision, clerk, supervisor)
    for report in reports[1:]:
        revision = projects.add_stage(posting=revision.posting, report=report, by=clerk)
        _publish(revision, clerk, supervisor)
