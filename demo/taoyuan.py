"""Postings of the villages of 桃源镇: 杏花村, 柳湾村 and 石桥村."""

from . import powers, roads
from .places import LIUWAN, SHIQIAO, XINGHUA
from .stories import Correction, Stage, Story, quarterly_summaries

ROAD = roads.ROADS[XINGHUA.code]

XINGHUA_STORIES = [
    Story(
        XINGHUA.code,
        "power_list",
        "杏花村小微权力清单（{year}年版）",
        "根据《云溪县村级小微权力清单》，经村民代表会议审议通过，现将本村小微权力事项及办理流程"
        "公布如下。村民办理相关事项时，可对照清单监督村干部依规办事。",
        Stage.PUBLISHED,
        month_day=(1, 6),
        years_back=1,
        power_items=[
            powers.CERTIFICATE,
            powers.LOW_INCOME,
            powers.HOMESTEAD,
            powers.SMALL_EXPENSE,
            powers.LEASE,
            powers.PROJECT,
            powers.RELIEF,
            powers.SEAL,
        ],
    ),
    Story(
        XINGHUA.code,
        "notice",
        "杏花村村道修路工程招标公告",
        "经{-5}村民代表会议表决通过，杏花村拟对" + ROAD.stretch + "的村道进行硬化改造，现就"
        "施工单位公开招标，有关事项公告如下：\n\n"
        "一、项目名称：" + ROAD.title(XINGHUA.name) + "。\n"
        "二、建设内容：村道全长" + str(ROAD.length_km) + "公里，路面宽4.5米，铺设C25水泥混凝土"
        "路面，厚18厘米，并修建两侧排水沟。\n"
        "三、资金来源：县级“一事一议”财政奖补资金和村集体自筹资金，项目控制价"
        + f"{ROAD.budget:,.2f}"
        + "元。\n"
        "四、投标人资格：具有市政公用工程施工总承包三级及以上资质，近三年无不良记录。"
        "村干部及其近亲属不得参与投标。\n"
        "五、报名时间：即日起至{+10}，工作日上午8:30至11:30，下午2:30至5:30。\n"
        "六、报名地点：杏花村村委会办公室。\n"
        "七、开标时间：{+19}上午9时，在云溪县公共资源交易中心公开开标，村务监督委员会全程监督。\n\n"
        "欢迎符合条件的单位报名参加。对招标过程有异议的，可向村务监督委员会或桃源镇人民政府反映。",
        Stage.PUBLISHED,
        # Put to tender the spring the road was built (demo/roads.py).
        month_day=(3, 1),
        years_back=1,
        attachments=("村道现状照片.jpg",),
        returned_reason="请补充项目控制价和资金来源，并注明村干部近亲属回避要求。",
    ),
    Story(
        XINGHUA.code,
        "notice",
        "关于做好春耕备耕工作的通知",
        "各村民小组、各位村民：\n\n"
        "当前正值春耕备耕关键时期，为确保今年粮食生产开好头、起好步，现将有关事项通知如下：\n"
        "一、抓好农资准备。村集体已联系镇农资供应点统一采购种子、化肥，需要代购的农户请于"
        "{+5}前到各组组长处登记。请认准正规渠道，谨防假劣农资。\n"
        "二、做好农田水利检修。各组于{+7}前组织清理渠道淤泥，确保灌溉用水畅通。\n"
        "三、落实耕地保护。严禁在永久基本农田上挖塘养鱼、种植林木、建房；撂荒地要及时复耕。\n"
        "四、注意生产安全。使用农机具要遵守操作规程，严禁无证驾驶拖拉机。\n\n"
        "镇农技站技术人员将于{+9}上午到村委会开展春耕技术培训，欢迎村民参加。\n"
        "咨询电话：村委会值班电话13905710001；农资代购联系人王建华，手机13512340000。",
        Stage.PUBLISHED,
        month_day=(3, 12),
    ),
    Story(
        XINGHUA.code,
        "notice",
        "关于做好秋收秋种工作的通知",
        "各村民小组、各位村民：\n\n"
        "秋收秋种即将开始，现将有关事项通知如下：\n"
        "一、抢抓农时。各组于{+10}前完成水稻收割，{+20}前完成小麦、油菜播种。\n"
        "二、严禁焚烧秸秆。秸秆由村集体统一联系还田或回收，违规焚烧的按有关规定处理。\n"
        "三、注意安全。收割机械作业时，请看管好老人和儿童，不在田间道路晾晒粮食。\n\n"
        "有困难的农户请向各组组长反映，村委会统一协调农机。",
        Stage.PUBLISHED,
        month_day=(9, 18),
    ),
    Story(
        XINGHUA.code,
        "audit_report",
        "杏花村{last_year}年度村级财务审计报告",
        "受桃源镇人民政府委托，镇农村经营管理站于{-30}至{-25}对杏花村{last_year}年度村级财务"
        "收支情况进行了审计。现将审计结果公布如下：\n\n"
        "一、基本情况：{last_year}年度村集体总收入628,450.00元，其中经营收入186,300.00元、"
        "补助收入402,150.00元、其他收入40,000.00元；总支出571,236.40元，其中管理费用"
        "148,620.00元、公益支出398,416.40元、其他支出24,200.00元；年末结余57,213.60元。\n"
        "二、审计发现的问题：1. 部分支出凭证缺少经办人签字（共3笔，金额合计2,460.00元）；"
        "2. 两份土地租赁合同到期后未及时续签。\n"
        "三、审计意见：村级财务收支基本真实、合规。请村委会于30日内补齐凭证签字，"
        "完成合同续签，并将整改情况向村民公开。\n\n"
        "审计报告全文见附件。",
        Stage.PUBLISHED,
        month_day=(3, 2),
        attachments=("财务审计报告.pdf",),
    ),
    Story(
        XINGHUA.code,
        "notice",
        "杏花村最低生活保障民主评议结果公示",
        "根据最低生活保障工作有关规定，杏花村于{-6}召开村民代表会议，对本年度新申请和复核的"
        "低保家庭进行了民主评议。应到村民代表35人，实到31人。\n\n"
        "评议结果：新申请3户，经评议推荐2户；复核在保家庭18户，建议继续保障16户，"
        "因家庭收入增加建议退出2户。\n\n"
        "按照个人信息保护的要求，具体名单只在村务公开栏张贴，不在网上公开。公示期7天，"
        "自{-5}至{+2}。对评议结果有异议的，请在公示期内向村委会或桃源镇民政办反映。",
        Stage.CORRECTED,
        month_day=(5, 18),
        correction=Correction(
            reason="原公示中新申请户数有误：新申请应为4户，其中经评议推荐2户。现予更正。",
            body="根据最低生活保障工作有关规定，杏花村于{-6}召开村民代表会议，对本年度新申请和"
            "复核的低保家庭进行了民主评议。应到村民代表35人，实到31人。\n\n"
            "评议结果：新申请4户，经评议推荐2户；复核在保家庭18户，建议继续保障16户，"
            "因家庭收入增加建议退出2户。\n\n"
            "按照个人信息保护的要求，具体名单只在村务公开栏张贴，不在网上公开。公示期7天，"
            "自{-5}至{+2}。对评议结果有异议的，请在公示期内向村委会或桃源镇民政办反映。",
        ),
    ),
    Story(
        XINGHUA.code,
        "notice",
        "关于秸秆禁烧和综合利用的通知",
        "为保护大气环境，防止火灾发生，全村范围内禁止露天焚烧秸秆。村集体将于{+3}组织"
        "秸秆打捆离田，请各户提前将秸秆集中堆放到田头。",
        Stage.WITHDRAWN,
        month_day=(6, 3),
        withdrawal_reason="镇里统一调整了秸秆打捆离田的时间安排，本通知撤回，新的安排另行公告。",
    ),
    Story(
        XINGHUA.code,
        "notice",
        "杏花村自来水管网改造工程公告",
        "为解决五组、六组用水压力不足的问题，经村两委会议研究，并于{-4}召开村民代表会议表决"
        "通过，拟实施自来水管网改造工程。工程预算128,000.00元，由县水利局农村饮水安全项目资金"
        "解决。施工期间将分段停水，停水时间提前两天通知。",
        Stage.SUBMITTED,
    ),
    Story(
        XINGHUA.code,
        "notice",
        "召开{year}年第二次村民代表会议的通知",
        "各位村民代表：\n\n定于{+6}上午9时在村委会会议室召开村民代表会议，议题：\n"
        "1. 审议村集体鱼塘续包方案；\n2. 审议{year}年村级公益事业建设计划。\n\n"
        "请各位代表准时参加，不能参加的请提前向村委会请假。",
        Stage.DRAFT,
    ),
]

LIUWAN_STORIES = [
    Story(
        LIUWAN.code,
        "power_list",
        "柳湾村小微权力清单",
        "经柳湾村村民代表会议审议通过，现将村干部小微权力事项公布如下，接受村民监督。",
        Stage.PUBLISHED,
        month_day=(1, 10),
        years_back=1,
        power_items=[
            powers.CERTIFICATE,
            powers.LOW_INCOME,
            powers.HOMESTEAD,
            powers.SMALL_EXPENSE,
            powers.LAND_TRANSFER,
            powers.SEAL,
        ],
    ),
    Story(
        LIUWAN.code,
        "notice",
        "关于农田水利设施维修的通知",
        "近期检查发现，二组、四组灌溉渠有三处渗漏，一处涵管堵塞。村委会决定于{+4}至{+12}"
        "组织维修，所需资金从村级小型水利设施维修资金中列支，预算18,600.00元。维修期间相关"
        "田块暂停放水，请农户合理安排灌溉。维修现场照片见附件。",
        Stage.PUBLISHED,
        month_day=(5, 10),
        attachments=("渠道渗漏现场.jpg", "公开栏张贴照片.jpg"),
    ),
    Story(
        LIUWAN.code,
        "audit_report",
        "柳湾村{last_year}年度村级财务审计报告",
        "桃源镇农村经营管理站对柳湾村{last_year}年度财务收支进行了审计。全年总收入"
        "412,860.00元，总支出389,574.20元，年末结余23,285.80元。审计未发现重大问题；"
        "建议进一步规范招待费报销手续，招待费支出须附接待事由和参加人员。",
        Stage.PUBLISHED,
        month_day=(3, 6),
        attachments=("柳湾村审计报告.pdf",),
    ),
    Story(
        LIUWAN.code,
        "notice",
        "柳湾村{year}年上半年村务公开",
        "上半年主要工作：完成二组、四组灌溉渠维修，实际支出17,950.00元；为全村62户发放"
        "耕地地力保护补贴；组织村民代表会议2次，审议鱼塘发包和公益事业建设计划。"
        "各项收支明细见本村财务公开。",
        Stage.PUBLISHED,
        month_day=(7, 9),
    ),
    Story(
        LIUWAN.code,
        "notice",
        "柳湾村集体鱼塘承包公告",
        "村集体所有的东湾鱼塘（水面约26亩）原承包合同将于{+30}到期。经村民代表会议表决，"
        "拟以公开竞价方式重新发包，承包期5年，起拍价每年每亩800.00元。",
        Stage.RETURNED,
        returned_reason="承包期限与村民代表会议决议不一致（决议为3年），请核对会议记录后修改，"
        "并补充竞价时间和地点。",
    ),
    Story(
        LIUWAN.code,
        "notice",
        "柳湾村{last_year}年度“文明家庭”评选结果公示",
        "经各组推荐、村民代表会议评议，评选出{last_year}年度“文明家庭”12户，"
        "名单已在村务公开栏张贴。公示期5天，对评选结果有异议的，请向村委会反映。",
        Stage.SIGNED_OFF,
    ),
]

SHIQIAO_STORIES = [
    Story(
        SHIQIAO.code,
        "power_list",
        "石桥村小微权力清单",
        "为规范村干部用权行为，现公布石桥村小微权力清单。",
        Stage.PUBLISHED,
        month_day=(1, 15),
        years_back=1,
        power_items=[
            powers.CERTIFICATE,
            powers.LOW_INCOME,
            powers.SMALL_EXPENSE,
            powers.LEASE,
            powers.HOUSING,
        ],
    ),
    Story(
        SHIQIAO.code,
        "notice",
        "关于石桥危桥加固期间临时交通管制的通知",
        "经县交通运输局鉴定，村口石拱桥为四类危桥，需进行加固。施工期间（{+3}至{+45}）"
        "禁止车辆通行，行人请从下游便桥绕行。给大家带来的不便，敬请谅解。",
        Stage.PUBLISHED,
        month_day=(3, 25),
        attachments=("危桥现状.jpg",),
    ),
    Story(
        SHIQIAO.code,
        "notice",
        "关于缴纳{year}年度城乡居民医疗保险费的通知",
        "{year}年度城乡居民基本医疗保险个人缴费标准为每人380元。请村民于{+20}前通过"
        "手机银行、“云溪医保”公众号或到村委会代收点缴纳。低保对象、特困人员等由财政资助参保。",
        Stage.CORRECTED,
        month_day=(9, 10),
        correction=Correction(
            reason="县医保局调整了缴费截止日期，由原定日期延长至{+40}。",
            body="{year}年度城乡居民基本医疗保险个人缴费标准为每人380元。请村民于{+40}前通过"
            "手机银行、“云溪医保”公众号或到村委会代收点缴纳。低保对象、特困人员等由财政资助参保。",
        ),
    ),
    Story(
        SHIQIAO.code,
        "notice",
        "石桥村{year}年第一季度村务公开",
        "一季度主要工作：完成村道路灯维修12盏；组织春季植树造林30亩。",
        Stage.PUBLISHED,
        month_day=(4, 10),
    ),
]

STORIES = XINGHUA_STORIES + LIUWAN_STORIES + SHIQIAO_STORIES
STORIES += (
    quarterly_summaries(XINGHUA.code, "杏花村")
    + quarterly_summaries(LIUWAN.code, "柳湾村")
    + quarterly_summaries(SHIQIAO.code, "石桥村")
)
