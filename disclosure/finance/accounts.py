"""The default chart of accounts and its disclosure categories.

From the accounting system for rural collective economic organisations (农村集体经济组织会计制度,
财会〔2023〕14号, in force since 2024-01-01). Loaded into MappingRule by a data migration as the
national default (county NULL); counties override single prefixes in the admin. Sub-accounts
(e.g. 53101) fall under their first-level account by the longest-prefix rule.
"""

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

# Hospitality (招待费) has no account of its own: it is booked under management expenses with a
# sub-account or summary that says so.
HOSPITALITY_WORDS = ("招待",)


def is_hospitality(summary: str, account_name: str) -> bool:
    return any(word in summary or word in account_name for word in HOSPITALITY_WORDS)
