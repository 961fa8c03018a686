"""Postings of village A in every state, for the public API's tests."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from disclosure.publishing import services

from ..factories import draft_posting, published_posting, signed_off, withdrawn

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

# Titles of work that is not published; none of them may ever appear in the API.
UNPUBLISHED_TITLES = [
    "草稿中的通知",
    "待签核的通知",
    "被退回的通知",
    "已签核未发布的通知",
    "更正中的标题",
]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def road_notice(village_a, clerk_a, supervisor_a):
    """A published notice of 清河村 with a PDF attached."""
    revision = draft_posting(
        village_a, clerk_a, title="村道修路工程招标公告", body="村道修路工程公开招标，欢迎报名。"
    )
    upload = SimpleUploadedFile("招标文件.pdf", PDF, content_type="application/pdf")
    services.add_attachment(revision=revision, upload=upload, by=clerk_a)
    return services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)


@pytest.fixture
def withdrawn_notice(village_a, clerk_a, supervisor_a):
    first = published_posting(village_a, clerk_a, supervisor_a, title="春节慰问品发放通知")
    return withdrawn(first.posting, clerk_a, supervisor_a, reason="与上月通知重复")


@pytest.fixture
def corrected_notice(village_a, clerk_a, supervisor_a):
    first = published_posting(village_a, clerk_a, supervisor_a, title="村民代表会议通知")
    correction = services.start_correction(posting=first.posting, by=clerk_a, reason="会议日期写错")
    content = services.Content(title="村民代表会议通知（更正）", body="会议改为三月六日召开。")
    services.update_draft(revision=correction, content=content, by=clerk_a)
    return services.publish(revision=signed_off(correction, clerk_a, supervisor_a), by=clerk_a)


@pytest.fixture
def power_list(village_b, clerk_b, supervisor_b):
    items = [
        {
            "name": "出具证明",
            "steps": "申请、审核、出具",
            "documents": "身份证",
            "time_limit": "3个工作日",
            "fee": "免费",
            "responsible": "村委会主任",
        }
    ]
    return published_posting(
        village_b,
        clerk_b,
        supervisor_b,
        title="柳树村小微权力清单",
        kind="power_list",
        power_items=items,
    )


@pytest.fixture
def unpublished_work(village_a, clerk_a, supervisor_a, road_notice):
    """A draft, a submitted, a returned and a signed-off revision, and a correction in progress."""
    draft = draft_posting(village_a, clerk_a, title="草稿中的通知")
    submitted = draft_posting(village_a, clerk_a, title="待签核的通知")
    services.submit(revision=submitted, by=clerk_a)
    returned = draft_posting(village_a, clerk_a, title="被退回的通知")
    services.submit(revision=returned, by=clerk_a)
    services.return_for_changes(revision=returned, by=supervisor_a, reason="金额有误")
    ready = signed_off(
        draft_posting(village_a, clerk_a, title="已签核未发布的通知"), clerk_a, supervisor_a
    )
    correction = services.start_correction(posting=road_notice.posting, by=clerk_a, reason="补充")
    content = services.Content(title="更正中的标题", body="尚未公开的更正")
    services.update_draft(revision=correction, content=content, by=clerk_a)
    return [draft, submitted, returned, ready, correction]
