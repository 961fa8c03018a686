"""Postings of the villages of 白沙乡: 龙泉村, 枫林村 and 高坪村."""

from . import powers
from .places import FENGLIN, GAOPING, LONGQUAN
from .stories import Stage, Story, quarterly_summaries

LONGQUAN_STORIES = [
    Story(
        LONGQUAN.code,
        "power_list",
        "龙泉村小微权力清单",
        "经龙泉村村民代表会议审议通过，现将本村小微权力事项公布如下。",
        Stage.PUBLISHED,
        month_day=(2, 20),
        years_back=1,
        power_items=[
            powers.CERTIFICATE,
            powers.LOW_INCOME,
            powers.HOMESTEAD,
            powers.SMALL_EXPENSE,
            powers.PROJECT,
            powers.RELIEF,
            powers.LAND_TRANSFER,
        ],
    ),
    Story(
        LONGQUAN.code,
        "audit_report",
        "龙泉村村委会主任离任经济责任审计报告",
        "根据白沙乡人民政府安排，乡农村经营管理站对龙泉村原村委会主任任期内的经济责任"
        "履行情况进行了离任审计。\n\n"
        "一、任期内村集体累计收入1,286,400.00元，累计支出1,198,752.30元。\n"
        "二、任期内实施村级工程项目4个，均履行了“四议两公开”程序，已全部验收并公开决算。\n"
        "三、发现问题：集体林地租金有一笔12,000.00元未按合同约定时间收取，现已追缴到位。\n"
        "四、审计结论：未发现侵占、挪用集体资金的问题。",
        Stage.PUBLISHED,
        month_day=(3, 18),
        attachments=("离任审计报告.pdf",),
    ),
    Story(
        LONGQUAN.code,
        "notice",
        "关于开展农村饮水安全检查的通知",
        "为保障群众饮水安全，乡水利站将于{+2}至{+8}对本村集中供水工程进行水质检测和设施"
        "检查。检查期间可能短时停水，请各户提前储水。发现水质异常的，请及时向村委会反映。",
        Stage.PUBLISHED,
        month_day=(6, 12),
    ),
    Story(
        LONGQUAN.code,
        "notice",
        "关于暑期防溺水安全的通知",
        "暑假期间学生在家时间长，为防止溺水事故，请各位家长看管好孩子，不到水库、鱼塘、"
        "河道游泳戏水。村里已在东湾水库、龙泉河边设置警示牌，护林员兼任巡查员，"
        "{+1}起每天下午巡查一次。",
        Stage.PUBLISHED,
        month_day=(7, 8),
    ),
    Story(
        LONGQUAN.code,
        "notice",
        "龙泉村村级光伏电站收益分配方案公示",
        "村级光伏电站{last_year}年度发电收益86,420.00元。经村民代表会议表决，拟将收益的60%"
        "用于设置公益性岗位，30%用于村内小型公益事业，10%作为村集体积累。",
        Stage.WITHDRAWN,
        month_day=(4, 2),
        withdrawal_reason="方案需按“四议两公开”程序重新提交党员大会审议，本公示撤回，"
        "审议后重新公示。",
    ),
    Story(
        LONGQUAN.code,
        "notice",
        "关于申报{year}年耕地地力保护补贴的通知",
        "请承包农户于{+15}前到村委会核对承包地面积，签字确认后上报乡财政所。",
        Stage.SUBMITTED,
    ),
]

FENGLIN_STORIES = [
    Story(
        FENGLIN.code,
        "power_list",
        "枫林村小微权力清单",
        "现将枫林村小微权力清单予以公布，请村民监督。",
        Stage.PUBLISHED,
        month_day=(1, 20),
        years_back=1,
        power_items=[
            powers.CERTIFICATE,
            powers.LOW_INCOME,
            powers.SMALL_EXPENSE,
            powers.LEASE,
            powers.SEAL,
            powers.HOUSING,
        ],
    ),
    Story(
        FENGLIN.code,
        "notice",
        "关于加强森林防火工作的通告",
        "当前已进入森林防火紧要期，为保护森林资源和群众生命财产安全，通告如下：\n"
        "一、即日起至{+60}，严禁在林区及林缘100米范围内上坟烧纸、燃放鞭炮、烧荒烧田。\n"
        "二、进入林区人员严禁携带火种。\n"
        "三、发现火情请立即拨打森林火警电话12119，并向村委会报告。\n"
        "违反规定的，依法追究责任。",
        Stage.PUBLISHED,
        month_day=(2, 26),
        attachments=("护林防火宣传栏.jpg",),
    ),
    Story(
        FENGLIN.code,
        "notice",
        "关于做好汛期地质灾害防范的通知",
        "入汛以来降雨偏多，后山三组、五组有两处滑坡隐患点。村委会已安排专人每日巡查，"
        "{+1}起雨天对隐患点下方住户实行临时避险转移。发现裂缝、渗水等异常情况，"
        "请立即向村委会报告。",
        Stage.PUBLISHED,
        month_day=(5, 15),
    ),
    Story(
        FENGLIN.code,
        "notice",
        "枫林村{year}年上半年村务公开",
        "上半年主要工作：完成护林防火巡查182人次，无火情发生；收缴集体林地承包费"
        "58,200.00元；为全村37户发放生态公益林补偿金。各项收支明细见本村财务公开。",
        Stage.PUBLISHED,
        month_day=(8, 5),
    ),
    Story(
        FENGLIN.code,
        "notice",
        "枫林村集体林地承包费收缴情况公开",
        "截至{-2}，村集体林地承包合同共9份，应收承包费64,800.00元，已收58,200.00元，"
        "尚欠6,600.00元（涉及2份合同），村委会正在催收。",
        Stage.RETURNED,
        returned_reason="请写明欠缴合同的编号和约定的缴费时间，便于村民监督催收进度。",
    ),
    Story(
        FENGLIN.code,
        "notice",
        "枫林村村民小组长补选结果公告",
        "{-3}，三组召开村民小组会议补选村民小组长，应到户代表46人，实到39人，"
        "经投票选举产生新的小组长，得票32票，超过到会人数的半数，当选有效。",
        Stage.SIGNED_OFF,
    ),
]

GAOPING_STORIES = [
    Story(
        GAOPING.code,
        "power_list",
        "高坪村小微权力清单",
        "根据县级小微权力清单模板，结合本村实际，制定高坪村小微权力清单如下。",
        Stage.PUBLISHED,
        month_day=(3, 1),
        years_back=1,
        power_items=[
            powers.CERTIFICATE,
            powers.LOW_INCOME,
            powers.HOMESTEAD,
            powers.SMALL_EXPENSE,
            powers.LAND_TRANSFER,
        ],
    ),
    Story(
        GAOPING.code,
        "notice",
        "高坪村{last_year}年度集体经济收益分配方案公示",
        "{last_year}年度村集体经营性收入214,500.00元，主要来自茶园租赁和农产品加工厂房出租。"
        "经村民代表会议表决（应到32人，实到29人，同意27人），收益分配方案如下：\n"
        "1. 提取公积公益金64,350.00元（30%）；\n"
        "2. 村民分红107,250.00元（50%），按在册集体经济组织成员1,430人平均分配，每人75.00元；\n"
        "3. 用于村内道路养护和环境整治42,900.00元（20%）。\n"
        "公示期7天，自{-1}至{+6}。",
        Stage.PUBLISHED,
        month_day=(2, 28),
        returned_reason="请写明村民代表会议的到会人数和表决结果。",
    ),
    Story(
        GAOPING.code,
        "notice",
        "关于开展人居环境整治“清洁家园”活动的通知",
        "定于{+5}开展全村环境卫生大扫除，重点清理房前屋后杂物、沟渠垃圾。",
        Stage.DRAFT,
    ),
]

STORIES = LONGQUAN_STORIES + FENGLIN_STORIES + GAOPING_STORIES
STORIES += quarterly_summaries(LONGQUAN.code, "龙泉村") + quarterly_summaries(
    FENGLIN.code, "枫林村"
)
