"""Major matters of the demo, each told step by step through the decisions services.

A matter lives for months: proposed, discussed four times, disclosed, objected to, carried out,
disclosed again. To show that life in a demo loaded in one moment, each step replays the day it
took place (`clock.replaying`), so every rule (stage order, dates, the public-notice period, the
answers before implementation) is checked as it would have been, and the chain is real.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure import clock
from disclosure.decisions import implementation, objections, services
from disclosure.decisions.models import Body, Category, LinkKind
from disclosure.decisions.rules import Figures
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.regions.models import RoleKind

from .places import FENGLIN, GAOPING, LIUWAN, LONGQUAN, SHIQIAO
from .road_photos import road_photo

OPINION = "经村务监督委员会审核，会议程序合法，表决结果真实，同意公开。"


@dataclass(frozen=True)
class Meeting:
    days_ago: int
    number: int
    body: str
    eligible: int
    present: int
    votes_for: int
    against: int = 0
    abstaining: int = 0
    minutes: str = ""


class Demo:
    """The clock and the people of one village, for telling its matters."""

    def __init__(self, village, staff, now: datetime.datetime):
        self.village, self.now = village, now
        self.clerk, self.supervisor = staff[RoleKind.CLERK], staff[RoleKind.SUPERVISOR]

    @contextmanager
    def on(self, days_ago: int, hour: int = 10):
        """Everything inside happens `days_ago` days before the demo is loaded, at `hour`;
        on the day of loading itself, at the moment of loading."""
        moment = self.now - datetime.timedelta(days=days_ago)
        if days_ago:
            moment = moment.replace(hour=hour, minute=0, second=0, microsecond=0)
        with clock.replaying(moment):
            yield

    def matter(self, days_ago, *, title, category, amount, description, meetings):
        with self.on(days_ago):
            matter = services.create_matter(
                village=self.village,
                title=title,
                category=category,
                amount=amount,
                description=description,
                by=self.clerk,
            )
        for meeting in meetings:
            self.meeting(matter, meeting)
        return matter

    def meeting(self, matter, meeting: Meeting) -> None:
        held_on = timezone.localdate(self.now) - datetime.timedelta(days=meeting.days_ago)
        figures = Figures(
            number=meeting.number,
            body=meeting.body,
            held_on=held_on,
            eligible=meeting.eligible,
            present=meeting.present,
            votes_for=meeting.votes_for,
            votes_against=meeting.against,
            abstentions=meeting.abstaining,
        )
        with self.on(meeting.days_ago, hour=16):
            services.record_stage(
                matter=matter, figures=figures, minutes=meeting.minutes, by=self.clerk
            )

    def publish(self, revision, days_ago: int) -> None:
        with self.on(days_ago + 1):
            publishing.submit(revision=revision, by=self.clerk)
        with self.on(days_ago, hour=9):
            publishing.sign_off(
                revision=revision,
                content_digest=chain.content_digest(revision),
                by=self.supervisor,
                opinion=OPINION,
            )
            publishing.publish(revision=revision, by=self.clerk)

    def disclose_resolution(self, matter, days_ago: int, body: str = ""):
        with self.on(days_ago + 1):
            revision = services.prepare_resolution(matter=matter, body=body, by=self.clerk)
        self.publish(revision, days_ago)
        matter.refresh_from_db()
        return matter

    def objection(self, matter, days_ago, *, text, name="", listed=True, answer=""):
        with self.on(days_ago, hour=20):
            objection = objections.lodge_objection(matter=matter, text=text, name=name)
        with self.on(days_ago - 1, hour=11):
            objections.moderate_objection(objection=objection, approve=listed, by=self.supervisor)
        if answer:
            with self.on(days_ago - 2, hour=15):
                objections.answer_objection(objection=objection, text=answer, by=self.clerk)

    def progress(self, matter, days_ago, *, text, percent, spent, photos=(), links=()):
        with self.on(days_ago, hour=17):
            update = implementation.record_progress(
                matter=matter,
                on=clock.today(),
                description=text,
                percent=percent,
                spent=spent,
                by=self.clerk,
            )
            for phase, filename in photos:
                upload = SimpleUploadedFile(filename, road_photo(phase, seed=filename))
                implementation.add_progress_photo(
                    progress=update, upload=upload, phase=phase, by=self.clerk
                )
            for kind, reference, label in links:
                implementation.add_link(
                    matter=matter,
                    kind=kind,
                    reference=reference,
                    label=label,
                    progress=update,
                    by=self.clerk,
                )
        matter.refresh_from_db()
        return update


def load(*, regions, staff, today: datetime.date) -> None:
    """Tell every matter, dated back from `today` at the present time of day."""
    now = timezone.make_aware(
        datetime.datetime.combine(today, timezone.localtime(clock.now()).time())
    )
    for village, tell in STORIES:
        tell(Demo(regions[village.code], staff[village.code], now))


def _road(demo: Demo) -> None:
    """石桥村: a road hardened from proposal to result, with photos and spending."""
    matter = demo.matter(
        155,
        title="石桥村二组至三组村道硬化工程",
        category=Category.PUBLIC_WELFARE,
        amount=Decimal("420000.00"),
        description="二组至三组村道现为土路，全长1.2公里，雨天泥泞，群众出行和农产品运输困难。"
        "拟硬化为宽4.5米、厚18厘米的C25水泥混凝土路面，并修建排水沟，"
        "资金来源为“一事一议”财政奖补资金25万元和村集体自筹17万元。",
        meetings=[
            Meeting(
                150, 1, Body.PARTY_BRANCH, 5, 5, 5, minutes="党支部书记提议硬化二组至三组村道。"
            ),
            Meeting(146, 2, Body.TWO_COMMITTEES, 9, 9, 9, minutes="两委会商议施工标准和资金来源。"),
            Meeting(140, 3, Body.PARTY_MEMBERS, 38, 31, 29, 1, 1, "党员大会审议通过实施方案。"),
            Meeting(135, 4, Body.REPRESENTATIVES, 45, 39, 36, 2, 1, "村民代表会议表决通过。"),
        ],
    )
    demo.disclose_resolution(matter, 133)
    demo.objection(
        matter,
        131,
        name="三组村民",
        text="路修好后希望在三组路口加装路灯，晚上出行更安全。",
        answer="感谢建议。路灯不在本次工程预算内，村委会已列入明年“一事一议”项目计划，"
        "届时另行公示。",
    )
    road = [
        (LinkKind.CONTRACT, "SQ-HT-2025-003", "村道硬化施工合同（公开招标，合同价410,800.00元）"),
    ]
    demo.progress(
        matter,
        120,
        text="施工单位进场，完成测量放线和路基清表。",
        percent=5,
        spent=Decimal("0.00"),
        photos=[("before", "施工前村道现状.jpg")],
        links=road,
    )
    demo.progress(
        matter,
        95,
        text="路基压实完成，浇筑混凝土路面约550米。",
        percent=45,
        spent=Decimal("180000.00"),
        photos=[("during", "路面浇筑现场.jpg")],
        links=[(LinkKind.LEDGER_ENTRY, "记-2025-0412", "支付第一期工程进度款180,000.00元")],
    )
    demo.progress(
        matter,
        60,
        text="路面浇筑完成，排水沟砌筑完成八成。",
        percent=85,
        spent=Decimal("330000.00"),
        links=[(LinkKind.LEDGER_ENTRY, "记-2025-0587", "支付第二期工程进度款150,000.00元")],
    )
    demo.progress(
        matter,
        45,
        text="全部完工，路面养护期满，已通车。",
        percent=100,
        spent=Decimal("412360.00"),
        photos=[("after", "完工后村道.jpg")],
        links=[(LinkKind.LEDGER_ENTRY, "记-2025-0655", "支付工程尾款（留质保金）")],
    )
    with demo.on(31):
        revision = services.prepare_result(
            matter=matter,
            body="二组至三组村道硬化工程已全部完工并通过验收。实际完成路面1.2公里、排水沟2.4公里，"
            "决算金额412,360.00元，比决议金额节约7,640.00元，节约资金退回村集体账户。",
            final_cost=Decimal("412360.00"),
            accepted_on=clock.today() - datetime.timedelta(days=7),
            accepted_by="桃源镇农经站、镇村建办、石桥村村务监督委员会",
            acceptance="工程质量符合设计要求，资料齐全，同意验收。",
            by=demo.clerk,
        )
    demo.publish(revision, 30)


def _lease(demo: Demo) -> None:
    """龙泉村: collective land leased out, passed by the representative meeting, in notice now."""
    matter = demo.matter(
        40,
        title="龙泉村集体荒山出租方案",
        category=Category.COLLECTIVE_PROPERTY,
        amount=Decimal("96000.00"),
        description="将后山集体荒山120亩公开出租用于种植油茶，租期15年，起租价每亩每年80.00元，"
        "租金每年12月底前交清，前三年租金用于村道维护，其后纳入集体收益分配。",
        meetings=[
            Meeting(35, 1, Body.PARTY_BRANCH, 5, 5, 5),
            Meeting(30, 2, Body.TWO_COMMITTEES, 9, 8, 8),
            Meeting(21, 3, Body.PARTY_MEMBERS, 27, 22, 20, 1, 1),
            Meeting(10, 4, Body.REPRESENTATIVES, 33, 28, 25, 2, 1, "出租方案经代表会议表决通过。"),
        ],
    )
    demo.disclose_resolution(matter, 0)


def _second_attempt(demo: Demo) -> None:
    """枫林村: the representative meeting lacked a quorum at first and passed it a week later."""
    matter = demo.matter(
        75,
        title="枫林村文化广场建设项目",
        category=Category.PUBLIC_WELFARE,
        amount=Decimal("185000.00"),
        description="利用村委会旁闲置空地建设文化广场约1,500平方米，配套健身器材和宣传栏，"
        "资金来源为村集体经营收入。",
        meetings=[
            Meeting(70, 1, Body.PARTY_BRANCH, 5, 5, 5),
            Meeting(66, 2, Body.TWO_COMMITTEES, 9, 9, 8, 1),
            Meeting(62, 3, Body.PARTY_MEMBERS, 30, 24, 22, 2),
            Meeting(
                58, 4, Body.REPRESENTATIVES, 36, 22, 20, 2, 0, "到会代表不足三分之二，另行召开。"
            ),
            Meeting(51, 4, Body.REPRESENTATIVES, 36, 33, 30, 2, 1, "重新召开代表会议，表决通过。"),
        ],
    )
    demo.disclose_resolution(matter, 49)
    demo.progress(
        matter,
        30,
        text="完成场地平整和基础施工。",
        percent=35,
        spent=Decimal("52000.00"),
        photos=[("before", "广场施工前场地.jpg")],
    )


def _disputed(demo: Demo) -> None:
    """高坪村: a distribution of compensation that villagers objected to, and the answers."""
    matter = demo.matter(
        45,
        title="高坪村土地征收补偿款分配方案",
        category=Category.REQUISITION_COMPENSATION,
        amount=Decimal("1860000.00"),
        description="县道改建工程征收本村三组集体土地62亩，土地补偿费1,860,000.00元。"
        "拟提留30%用于村集体发展，其余70%按三组在册人口平均分配。",
        meetings=[
            Meeting(42, 1, Body.PARTY_BRANCH, 5, 5, 5),
            Meeting(39, 2, Body.TWO_COMMITTEES, 9, 9, 9),
            Meeting(35, 3, Body.PARTY_MEMBERS, 41, 33, 30, 2, 1),
            Meeting(30, 4, Body.HOUSEHOLDS, 212, 168, 121, 38, 9, "户代表会议表决通过。"),
        ],
    )
    demo.disclose_resolution(matter, 26)
    demo.objection(
        matter,
        24,
        text="提留30%比例过高，大部分土地是三组的，应多分给三组村民。",
        answer="提留比例按县里指导意见不超过30%确定，已经户代表会议表决通过。提留资金专户管理，"
        "用途须另经四议两公开程序决定，并接受村务监督委员会监督。",
    )
    demo.objection(
        matter,
        23,
        name="三组村民",
        text="外嫁女和在外读书的大学生是否参与分配？方案没有写清楚。",
        answer="按户籍在册人口计算：户口仍在本村的外嫁女、在校大学生均参与分配，"
        "分配名单将另行公示七天。",
    )
    demo.objection(matter, 22, text="村干部都是贪污犯！", listed=False)


def _in_discussion(demo: Demo) -> None:
    """柳湾村: a matter still being discussed."""
    demo.matter(
        12,
        title="柳湾村集体鱼塘发包方案",
        category=Category.COLLECTIVE_PROPERTY,
        amount=Decimal("64000.00"),
        description="集体鱼塘16亩承包期满，拟公开竞价发包，承包期5年。",
        meetings=[
            Meeting(9, 1, Body.PARTY_BRANCH, 5, 5, 5),
            Meeting(4, 2, Body.TWO_COMMITTEES, 9, 9, 9),
        ],
    )


STORIES = [
    (SHIQIAO, _road),
    (LONGQUAN, _lease),
    (FENGLIN, _second_attempt),
    (GAOPING, _disputed),
    (LIUWAN, _in_discussion),
]
