"""The one road each demo village hardened last year, told the same way everywhere it appears.

The representatives' meeting passed it on 24 February, it was put to tender in March, built from
April and accepted in August; the builder was paid in April, June and September. The project's
stages (demo/contracts.py), the ledger's payments (demo/ledger_lines.py), 杏花村's tender notice
(demo/taoyuan.py) and its decision (demo/redflags.py) all read their figures from here, so a
visitor who follows the road from one page to the next finds the same stretch, builder and
amounts.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from .places import FENGLIN, GAOPING, LIUWAN, LONGQUAN, SHIQIAO, XINGHUA

# The county's road builders; the lowest valid bid wins.
BUILDERS = ("云溪县路桥建设有限公司", "云溪县宏达建筑工程有限公司", "白沙乡建筑安装队")


@dataclass(frozen=True)
class Road:
    stretch: str
    length_km: Decimal
    # The total the representatives' meeting passed; the tender's ceiling price.
    budget: Decimal
    # Each builder's bid, in the order of BUILDERS.
    bids: tuple[Decimal, Decimal, Decimal]
    # The final accounts, after the audit of the works.
    final_cost: Decimal

    def title(self, village_name: str) -> str:
        return f"{village_name}{self.stretch}村道硬化工程"

    @property
    def winner(self) -> str:
        return BUILDERS[self.bids.index(min(self.bids))]

    @property
    def contract_price(self) -> Decimal:
        return min(self.bids)

    @property
    def payments(self) -> list[tuple[int, str, Decimal]]:
        """(month, summary, amount): 30% ahead, 40% as work goes on, the rest on acceptance."""
        advance = (self.contract_price * Decimal("0.3")).quantize(Decimal("1"))
        progress = (self.contract_price * Decimal("0.4")).quantize(Decimal("1"))
        return [
            (4, "村道硬化工程款（预付款）", advance),
            (6, "村道硬化工程款（进度款）", progress),
            (9, "村道硬化工程款（验收后结算）", self.final_cost - advance - progress),
        ]


ROADS = {
    XINGHUA.code: Road(
        "一组至五组",
        Decimal("1.6"),
        Decimal("200000.00"),
        (Decimal("186400.00"), Decimal("179800.00"), Decimal("192000.00")),
        Decimal("178650.00"),
    ),
    LIUWAN.code: Road(
        "村委会至二组",
        Decimal("1.1"),
        Decimal("150000.00"),
        (Decimal("139600.00"), Decimal("144200.00"), Decimal("147500.00")),
        Decimal("138900.00"),
    ),
    SHIQIAO.code: Road(
        "一组至二组",
        Decimal("0.9"),
        Decimal("120000.00"),
        (Decimal("115800.00"), Decimal("113600.00"), Decimal("118900.00")),
        Decimal("113600.00"),
    ),
    LONGQUAN.code: Road(
        "龙泉水库至三组",
        Decimal("2.1"),
        Decimal("260000.00"),
        (Decimal("241000.00"), Decimal("252300.00"), Decimal("238600.00")),
        Decimal("237950.00"),
    ),
    FENGLIN.code: Road(
        "四组至六组",
        Decimal("1.4"),
        Decimal("180000.00"),
        (Decimal("171200.00"), Decimal("168500.00"), Decimal("176400.00")),
        Decimal("168500.00"),
    ),
    GAOPING.code: Road(
        "高坪小学至一组",
        Decimal("1.3"),
        Decimal("170000.00"),
        (Decimal("158900.00"), Decimal("163000.00"), Decimal("166700.00")),
        Decimal("158100.00"),
    ),
}


def on(year: int) -> dict[str, datetime.date]:
    """The road's calendar in the year it was built."""
    return {
        "approval": datetime.date(year, 2, 24),
        "notice": datetime.date(year, 3, 1),
        "bidding": datetime.date(year, 3, 20),
        "award": datetime.date(year, 3, 25),
        "contract": datetime.date(year, 3, 28),
        "construction": datetime.date(year, 4, 6),
        "acceptance": datetime.date(year, 8, 26),
        "final_accounts": datetime.date(year, 9, 15),
    }
