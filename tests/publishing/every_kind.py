"""清河村 with one published revision of every kind, each built through its app's services.

Used to check, table by table and column by column, that what the public pages read of published
content is covered by the proof.
"""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.assets import services as assets
from disclosure.contracts import projects
from disclosure.contracts import services as contracts
from disclosure.finance.models import LedgerEntry
from disclosure.finance.services.budgets import save_budget
from disclosure.finance.services.periods import get_or_create_period
from disclosure.publishing import services

from ..assets.conftest import add_asset, add_resource, png, publish_snapshot
from ..benefits.conftest import import_draft
from ..contracts.conftest import lease_terms
from ..decisions.builders import new_matter
from ..decisions.journeys import finished_matter
from ..factories import draft_posting, published_posting, signed_off
from ..finance.ledgers import add_voucher, draft_period, photo

POWERS = [
    {
        "name": "出具居住证明",
        "steps": "申请、审核、出具",
        "documents": "身份证、户口簿",
        "time_limit": "1个工作日",
        "fee": "不收费",
        "responsible": "村委会主任",
    }
]


def publish(revision, clerk, supervisor):
    return services.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)


def every_kind(village, clerk, supervisor) -> dict:
    """The published revision of each kind, by kind."""
    notice = draft_posting(village, clerk, title="关于村道修路工程招标的公告")
    picture = SimpleUploadedFile("现场照片.jpg", photo((90, 140, 200)))
    services.add_attachment(revision=notice, upload=picture, by=clerk)
    published = {"notice": publish(notice, clerk, supervisor)}
    published["power_list"] = published_posting(
        village, clerk, supervisor, title="小微权力清单", kind="power_list", power_items=POWERS
    )
    published["finance_period"] = _period_with_voucher(village, clerk, supervisor)
    # A second period, unpublished, for the published one's rows to be moved to.
    get_or_create_period(village=village, year=2025, number=2, by=clerk)
    budget = save_budget(
        village=village, year=2025, amounts={"public_welfare": Decimal("50000.00")}, by=clerk
    )
    published["budget"] = publish(budget, clerk, supervisor)
    published["benefit_list"] = publish(import_draft(village, clerk), clerk, supervisor)
    published["asset_register"] = _register(village, clerk, supervisor)
    matter = finished_matter(village, clerk, supervisor)
    published["resolution"] = matter.resolution.current
    published["decision_result"] = matter.result.current
    # A matter still under discussion, for rows that name a matter to be moved to.
    new_matter(village, clerk, title="村小学围墙修缮")
    lease = contracts.create_contract(
        village=village, title="东洼鱼塘承包合同", terms=lease_terms(matter=matter), by=clerk
    )
    published["contract"] = publish(lease, clerk, supervisor)
    road = projects.create_project(
        village=village,
        title="村道硬化工程",
        first=projects.StageReport(
            "bidding",
            datetime.date(2025, 4, 1),
            "公开招标",
            bids=[
                ("青山建筑公司", Decimal("288000"), True),
                ("白水路桥公司", Decimal("295000"), False),
            ],
        ),
        by=clerk,
    )
    published["project"] = publish(road, clerk, supervisor)
    return published


def _period_with_voucher(village, clerk, supervisor):
    revision = draft_period(village, clerk)
    add_voucher(LedgerEntry.objects.filter(revision=revision).first())
    add_voucher(
        LedgerEntry.objects.filter(revision=revision).last(), photo((20, 20, 20)), "记-005.jpg"
    )
    return publish(revision, clerk, supervisor)


def _register(village, clerk, supervisor):
    item = add_asset(village, clerk)
    assets.add_photo(item=item, upload=SimpleUploadedFile("办公楼.png", png()), by=clerk)
    add_resource(village, clerk)
    return publish_snapshot(village, clerk, supervisor)
