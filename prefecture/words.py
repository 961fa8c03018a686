"""The words generated villages are written in: place names, people, firms and ledger summaries.

Everything is drawn from the caller's seeded random generator, so a seed always gives the same
prefecture. Summaries follow the templates clerks use in the books of a village collective
(account codes of 财会〔2023〕14号, see disclosure/finance/accounts.py).
"""

import random
from dataclasses import dataclass

PLACE_SYLLABLES = (
    "清河柳树石桥杏花龙泉枫林高坪桃源白沙青山红旗新华东风向阳太平长乐永安和平富民兴隆"
    "金星团结胜利双河三合四方五里六合七星八里九龙十里大王小王上庄下庄前进后营南岗北岭"
    "东湖西湾中心松柏竹园梅岭兰溪荷塘桂花茶园稻香麦田果园鹿鸣凤凰黄土乌石碧水瑶池"
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程"
)
GIVEN = "秀兰建国丽华志强海燕德明春梅永福晓敏立军桂芳宏伟淑珍国庆美玲德胜玉兰文华振东红梅"
FIRM_TRADES = (
    "建材",
    "建筑工程",
    "劳务",
    "农资",
    "水利工程",
    "电器",
    "绿化工程",
    "农机服务",
    "环卫服务",
    "文具",
    "五金",
    "道路工程",
    "养殖",
    "光伏科技",
    "物流",
)
FIRM_SUFFIXES = ("有限公司", "有限责任公司", "经营部", "服务部", "专业合作社")


@dataclass(frozen=True)
class Template:
    """A kind of ledger line: its summary, account and the log-normal size of its amount."""

    summaries: tuple[str, ...]
    account_code: str
    account_name: str
    category: str
    median: int  # yuan
    spread: float
    counterparty: str  # "firm", "person", or a fixed name
    weight: int


EXPENDITURE = (
    Template(
        ("购买水泥", "购买砂石", "购买钢筋"),
        "532",
        "公益支出",
        "public_welfare",
        3000,
        0.8,
        "firm",
        6,
    ),
    Template(
        ("村道维修", "水渠清淤", "路灯维修", "村部维修"),
        "532",
        "公益支出",
        "public_welfare",
        2500,
        0.9,
        "firm",
        8,
    ),
    Template(
        ("发放误工补贴", "村干部误工补贴", "村民代表会议误餐补助"),
        "531",
        "管理费用",
        "management_expenses",
        1800,
        0.5,
        "person",
        12,
    ),
    Template(
        ("保洁员工资", "护林员补贴", "公益性岗位补贴"),
        "531",
        "管理费用",
        "management_expenses",
        1600,
        0.3,
        "person",
        12,
    ),
    Template(
        ("购买办公用品", "村委会电费", "电话及网络费", "报刊订阅费"),
        "531",
        "管理费用",
        "management_expenses",
        400,
        0.7,
        "firm",
        10,
    ),
    Template(
        ("垃圾清运费", "防汛物资采购", "绿化苗木款", "文化活动经费"),
        "532",
        "公益支出",
        "public_welfare",
        1500,
        0.8,
        "firm",
        8,
    ),
    Template(
        ("招待费（镇检查组工作餐）", "招待费（县调研组接待）"),
        "531",
        "管理费用",
        "management_expenses",
        350,
        0.5,
        "农家饭庄",
        2,
    ),
    Template(
        ("农机具维修", "购买化肥种子", "鱼塘饲料款"),
        "502",
        "经营支出",
        "operating_expenditure",
        2200,
        0.9,
        "firm",
        5,
    ),
    Template(
        ("五保户慰问金", "困难户临时救助"),
        "532",
        "公益支出",
        "public_welfare",
        800,
        0.5,
        "person",
        3,
    ),
    Template(
        ("村级工程款", "村道硬化工程款"), "532", "公益支出", "public_welfare", 40000, 0.9, "firm", 1
    ),
    Template(("银行手续费",), "541", "其他支出", "other_expenditure", 30, 0.6, "农村商业银行", 2),
)
INCOME = (
    Template(
        ("收到土地承包费", "集体林地流转收入"),
        "501",
        "经营收入",
        "operating_income",
        12000,
        0.8,
        "person",
        4,
    ),
    Template(
        ("收到鱼塘租金", "收到厂房租金", "收到门面房租金"),
        "501",
        "经营收入",
        "operating_income",
        5000,
        0.8,
        "firm",
        4,
    ),
    Template(
        ("收到上级转移支付补助", "村级组织运转经费补助", "一事一议财政奖补资金"),
        "521",
        "补助收入",
        "subsidy_income",
        30000,
        0.6,
        "镇财政所",
        4,
    ),
    Template(
        ("光伏发电收益", "入股分红"), "511", "投资收益", "investment_income", 3000, 0.7, "firm", 2
    ),
    Template(("存款利息收入",), "522", "其他收入", "other_income", 150, 0.8, "农村商业银行", 2),
)
CLAIMS_AND_DEBTS = (
    Template(
        ("借给村民小组周转金", "收回村民小组借款"),
        "112",
        "应收款",
        "claims",
        5000,
        0.6,
        "person",
        1,
    ),
    Template(("暂借工程队押金", "归还工程队押金"), "211", "应付款", "debts", 8000, 0.6, "firm", 1),
)

NOTICE_TITLES = (
    "关于开展春季植树活动的通知",
    "关于缴纳城乡居民医疗保险的通知",
    "关于召开村民代表会议的通知",
    "关于做好防汛抗旱工作的通知",
    "关于开展人居环境整治的通知",
    "关于秸秆禁烧工作的通告",
    "关于耕地地力保护补贴发放的公告",
    "关于村务公开日安排的通知",
    "关于冬季防火安全的通知",
    "关于开展村庄道路清扫的通知",
)
NOTICE_BODIES = (
    "请各村民小组于本月内组织落实，有疑问请到村委会咨询。",
    "请广大村民相互转告，按时参加，确有困难的请向村民小组长请假。",
    "具体事项见村务公开栏张贴的通知原件，联系人：村委会文书。",
)
OPINIONS = (
    "经村务监督委员会审核，内容真实完整，同意公开。",
    "已逐笔核对凭证，账实相符，同意公开。",
    "经审核，程序合法，同意公开。",
)
CORRECTION_REASONS = (
    "一笔支出金额录入有误，已按原始凭证更正。",
    "补充遗漏的一笔收入。",
)
WITHDRAWAL_REASONS = ("通知内容已过期，由新通知替代。", "活动取消，撤回本通知。")
MATTERS = (
    ("村道硬化工程", "public_welfare", 180000),
    ("村文化广场建设", "public_welfare", 120000),
    ("农田水利设施修缮", "public_welfare", 60000),
    ("集体鱼塘对外发包", "collective_property", 30000),
    ("村集体厂房出租", "collective_property", 50000),
    ("土地承包方案调整", "land_contracting", None),
    ("村干部误工补贴标准", "work_allowances", 40000),
    ("集体收益分配方案", "collective_income", 80000),
    ("光伏发电项目入股", "economic_project", 150000),
    ("宅基地安排方案", "homestead", None),
)
ASSETS = (
    ("buildings", "村委会办公楼", 380000),
    ("buildings", "村卫生室", 120000),
    ("buildings", "集体仓库", 90000),
    ("equipment", "农用拖拉机", 45000),
    ("equipment", "抽水机组", 12000),
    ("roads", "村内主干道", 600000),
    ("roads", "机耕道", 150000),
    ("water_works", "灌溉水渠", 200000),
    ("water_works", "自来水塔", 160000),
    ("other", "文化广场健身器材", 30000),
)
RESOURCES = (
    ("farmland", "集体机动地", 60),
    ("forest", "集体林地", 300),
    ("pond", "集体鱼塘", 15),
    ("wasteland", "荒山荒坡", 120),
    ("construction_land", "集体经营性建设用地", 8),
)


def place(rng: random.Random, length: int = 2) -> str:
    return "".join(rng.choice(PLACE_SYLLABLES) for _ in range(length))


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def firm(rng: random.Random, town: str) -> str:
    return f"{town}{place(rng)}{rng.choice(FIRM_TRADES)}{rng.choice(FIRM_SUFFIXES)}"
