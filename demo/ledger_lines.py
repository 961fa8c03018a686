"""Invented but realistic ledger lines of a village collective, month by month.

Amounts are drawn from a seeded random generator, so every load of the demo gives the same books.
Account codes are those of 财会〔2023〕14号 (see accounts.py).
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from .roads import Road

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Row:
    date: datetime.date
    summary: str
    account_code: str
    account_name: str
    income: Decimal | None
    expenditure: Decimal | None
    counterparty: str
    voucher_no: str = ""  # numbered in date order on import unless given


# (summary, account code, account name, counterparty, low, high, months or None for every month)
MONTHLY_SPENDING = [
    ("保洁员工资", "531", "管理费用", "赵秀英", 1500, 1800, None),
    ("保洁员工资", "531", "管理费用", "钱桂兰", 1500, 1800, None),
    ("村干部误工补贴（党支部书记）", "531", "管理费用", "村党支部书记", 2800, 3200, None),
    ("村干部误工补贴（村委会主任）", "531", "管理费用", "村委会主任", 2600, 3000, None),
    ("村干部误工补贴（村会计）", "531", "管理费用", "村会计", 2200, 2600, None),
    ("村干部误工补贴（妇女主任）", "531", "管理费用", "村妇女主任", 1800, 2200, None),
    ("村委会电话及网络费", "531", "管理费用", "县电信分公司", 120, 200, None),
    ("公益性岗位护林员补贴", "532", "公益支出", "护林员", 800, 1000, None),
    ("村民小组长补贴", "531", "管理费用", "各村民小组长", 1500, 2500, (3, 6, 9, 12)),
    ("防汛物资采购", "532", "公益支出", "县农资公司", 1200, 3600, (5, 6)),
    ("村委会电费", "531", "管理费用", "国网供电所", 180, 460, None),
    ("办公用品采购", "531", "管理费用", "城关文具店", 120, 880, None),
    ("垃圾清运费", "532", "公益支出", "县环卫服务公司", 900, 1400, None),
    ("路灯维修", "532", "公益支出", "刘记电器维修部", 260, 1200, (3, 7, 11)),
    ("五保户慰问金", "532", "公益支出", "五保供养对象", 2000, 3000, (1, 9)),
    ("水利设施维修", "532", "公益支出", "青山水利工程队", 3000, 8600, (4, 10)),
    ("党报党刊订阅费", "531", "管理费用", "县邮政局", 600, 900, (12,)),
    ("村民代表会议误餐补助", "531", "管理费用", "村民代表", 300, 600, (3, 6, 9, 12)),
    ("农机具维修", "502", "经营支出", "农机服务站", 400, 2500, (5, 9)),
]
HOSPITALITY = [
    ("招待费（镇农经站检查工作餐）", "531", "管理费用", "农家饭庄", 160, 480),
    ("招待费（县水利局调研接待）", "531", "管理费用", "农家饭庄", 220, 560),
]
SMALL_PURCHASES = [
    ("办公用品采购（打印纸、墨盒）", "城关文具店", 80, 420),
    ("村委会饮用水", "山泉水配送点", 40, 120),
    ("村卫生保洁用品（垃圾袋、消毒液）", "惠民超市", 60, 260),
    ("村部维修材料（灯泡、水管）", "五金建材店", 50, 380),
    ("会议室桌椅维修", "刘记家具店", 150, 600),
]
MONTHLY_INCOME = [
    ("土地承包费收入", "501", "经营收入", "承包户", 8000, 26000, (1, 2, 11, 12)),
    ("村集体鱼塘租金收入", "501", "经营收入", "水产养殖户", 3000, 6000, (3, 9)),
    ("上级转移支付补助", "521", "补助收入", "镇财政所", 30000, 60000, (3, 6, 9, 12)),
    ("村级组织运转经费补助", "521", "补助收入", "镇财政所", 8000, 12000, (1, 7)),
    ("银行存款利息", "522", "其他收入", "农村商业银行", 80, 400, (3, 6, 9, 12)),
    ("光伏发电收益", "511", "投资收益", "县光伏扶贫公司", 1500, 4200, (6, 12)),
]
# This year's project; last year's was the village's road (demo/roads.py).
SQUARE_BUILDER = "青山建筑队"
SECOND_YEAR_PROJECT = [
    (5, "村文化广场建设工程款", 45000),
    (8, "村文化广场健身器材采购", 18600),
]


def _amount(rng: random.Random, low: int, high: int) -> Decimal:
    return (Decimal(rng.randint(low * 100, high * 100)) * CENT).quantize(CENT)


def _day(rng: random.Random, year: int, month: int) -> datetime.date:
    return datetime.date(year, month, rng.randint(1, 28))


def month_rows(rng: random.Random, year: int, month: int, road: Road | None) -> list[Row]:
    """The collective's lines of one month, in date order; `road` is the one built that year."""
    rows = []
    for summary, code, name, party, low, high, months in MONTHLY_SPENDING:
        if months is None or month in months:
            rows.append(
                Row(
                    _day(rng, year, month),
                    summary,
                    code,
                    name,
                    None,
                    _amount(rng, low, high),
                    party,
                )
            )
    for summary, code, name, party, low, high, months in MONTHLY_INCOME:
        if month in months:
            rows.append(
                Row(
                    _day(rng, year, month),
                    summary,
                    code,
                    name,
                    _amount(rng, low, high),
                    None,
                    party,
                )
            )
    for _ in range(rng.randint(1, 4)):
        summary, party, low, high = rng.choice(SMALL_PURCHASES)
        rows.append(
            Row(
                _day(rng, year, month),
                summary,
                "531",
                "管理费用",
                None,
                _amount(rng, low, high),
                party,
            )
        )
    if rng.random() < 0.5:
        summary, code, name, party, low, high = rng.choice(HOSPITALITY)
        meal = Row(
            _day(rng, year, month), summary, code, name, None, _amount(rng, low, high), party
        )
        # In the second year the county allows receptions only for the year-end inspection, so
        # villages spend less on them, as it expects.
        if road is not None or month == 12:
            rows.append(meal)
    if road is not None:
        for paid_month, summary, amount in road.payments:
            if paid_month == month:
                day = _day(rng, year, month)
                rows.append(Row(day, summary, "532", "公益支出", None, amount, road.winner))
    else:
        for project_month, summary, amount in SECOND_YEAR_PROJECT:
            if project_month == month:
                amount = Decimal(amount) + _amount(rng, 0, 999)
                rows.append(
                    Row(
                        _day(rng, year, month),
                        summary,
                        "532",
                        "公益支出",
                        None,
                        amount,
                        SQUARE_BUILDER,
                    )
                )
    return sorted(rows, key=lambda row: row.date)


def three_public_rows(year: int, month: int) -> list[Row]:
    """A village that receives inspection groups and hires cars every month of the year."""
    return [
        Row(datetime.date(year, month, 12), "接待县检查组工作餐", "531", "管理费用", None,
            Decimal("680.00"), "农家饭庄"),
        Row(datetime.date(year, month, 18), "租车赴县参加培训", "53108", "管理费用-交通费", None,
            Decimal("450.00"), "城关汽车租赁部"),
    ]  # fmt: skip


def top_up(rows: list[Row], balance: Decimal, last_day: datetime.date) -> list[Row]:
    """A transfer from the township when the books would otherwise run the bank account low,
    as happens when a project is paid ahead of the grant."""
    moved = sum((r.income or 0) - (r.expenditure or 0) for r in rows)
    if balance + moved >= Decimal("30000"):
        return rows
    need = (Decimal("60000") - balance - moved).quantize(Decimal("1000"))
    grant = Row(last_day, "上级专项资金拨付", "521", "补助收入", need, None, "镇财政所")
    return [*rows, grant]
