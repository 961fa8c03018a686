"""The default chart of accounts and its disclosure categories.

From the accounting system for rural collective economic organisations (农村集体经济组织会计制度,
财会〔2023〕14号, in force since 2024-01-01). Loaded into MappingRule by a data migration as the
national default (county NULL); counties override single prefixes in the admin. Sub-accounts
(e.g. 53101) fall under their first-level account by the longest-prefix rule.
"""

import re
from dataclasses import dataclass

from .models import Category

C = Category

DEFAULT_CHART = [
    ("101", "库存现金", C.CASH),
    ("102", "银行存款", C.BANK),
    ("111", "短期投资", C.ASSETS),
    ("112", "应收款", C.CLAIMS),
    ("113", "内部往来", C.CLAIMS),
    ("121", "库存物资", C.ASSETS),
    ("122", "消耗性生物资产", C.ASSETS),
    ("131", "长期投资", C.ASSETS),
    ("141", "生产性生物资产", C.ASSETS),
    ("142", "生产性生物资产累计折旧", C.ASSETS),
    ("143", "公益性生物资产", C.ASSETS),
    ("151", "固定资产", C.ASSETS),
    ("152", "累计折旧", C.ASSETS),
    ("153", "在建工程", C.ASSETS),
    ("154", "固定资产清理", C.ASSETS),
    ("161", "无形资产", C.ASSETS),
    ("162", "累计摊销", C.ASSETS),
    ("171", "长期待摊费用", C.ASSETS),
    ("181", "待处理财产损溢", C.ASSETS),
    ("201", "短期借款", C.DEBTS),
    ("211", "应付款", C.DEBTS),
    ("212", "应付工资", C.DEBTS),
    ("213", "应付劳务费", C.DEBTS),
    ("214", "应交税费", C.DEBTS),
    ("221", "长期借款及应付款", C.DEBTS),
    ("231", "一事一议资金", C.FUNDS),
    ("241", "专项应付款", C.FUNDS),
    ("301", "资本", C.FUNDS),
    ("311", "公积公益金", C.FUNDS),
    ("321", "本年收益", C.FUNDS),
    ("322", "收益分配", C.FUNDS),
    ("401", "生产（劳务）成本", C.ASSETS),
    ("501", "经营收入", C.OPERATING_INCOME),
    ("502", "经营支出", C.OPERATING_EXPENDITURE),
    ("503", "税金及附加", C.OTHER_EXPENDITURE),
    ("511", "投资收益", C.INVESTMENT_INCOME),
    ("521", "补助收入", C.SUBSIDY_INCOME),
    ("522", "其他收入", C.OTHER_INCOME),
    ("531", "管理费用", C.MANAGEMENT_EXPENSES),
    ("532", "公益支出", C.PUBLIC_WELFARE),
    ("541", "其他支出", C.OTHER_EXPENDITURE),
    ("551", "所得税费用", C.OTHER_EXPENDITURE),
]

# "Three public" spending (三公经费) has no account of its own in the national chart: it is booked
# under management expenses, found by a sub-account the county names or by a word in the summary
# or the account name. Counties edit both (ThreePublicScope); these words apply where a county
# has not. "会议费" rather than "会议": a meeting's work-loss allowance (会议误工补贴) is not
# spending on the meeting.
THREE_PUBLIC_WORDS = ("招待", "接待", "工作餐", "会议费", "公务用车", "车辆", "出国")


def words_of(text: str) -> tuple[str, ...]:
    """Words or account codes written one per line, or separated by spaces, commas or 、."""
    return tuple(dict.fromkeys(re.split(r"[\s,，、;；]+", text.strip()))) if text.strip() else ()


@dataclass(frozen=True)
class ThreePublic:
    """What counts as three-public spending for the villages of one county."""

    words: tuple[str, ...] = THREE_PUBLIC_WORDS
    account_prefixes: tuple[str, ...] = ()

    def covers(self, *, account_code: str, account_name: str, summary: str) -> bool:
        code = account_code.strip()
        if any(code.startswith(prefix) for prefix in self.account_prefixes):
            return True
        return any(word in summary or word in account_name for word in self.words)
