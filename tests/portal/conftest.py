"""Published data the villagers' pages are read with."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.publishing import services

from ..factories import draft_posting, published_posting, signed_off, withdrawn

ROAD_NOTICE = "村道修路工程招标公告"
POWERS = [
    {
        "name": "出具居住证明",
        "steps": "1. 村民提出申请\n2. 村委会核实\n3. 出具证明",
        "documents": "身份证、户口簿",
        "time_limit": "3个工作日",
        "fee": "不收费",
        "responsible": "村委会主任 张三 13812345678",
    }
]


@pytest.fixture
def road_notice(village_a, clerk_a, supervisor_a):
    """A published notice of village A; returns its revision."""
    return published_posting(
        village_a, clerk_a, supervisor_a, title=ROAD_NOTICE, body="村道修路工程即日起公开招标。"
    )


@pytest.fixture
def power_list(village_a, clerk_a, supervisor_a):
    title = "清河村小微权力清单"
    return published_posting(
        village_a, clerk_a, supervisor_a, title=title, kind="power_list", power_items=POWERS
    )


@pytest.fixture
def draft_notice(village_a, clerk_a):
    """A draft of village A that was never published."""
    return draft_posting(village_a, clerk_a, title="未公开的村道修路预算草稿", body="草稿正文")


def correct(revision, clerk, supervisor, *, reason, body):
    correction = services.start_correction(posting=revision.posting, by=clerk, reason=reason)
    content = services.Content(title=revision.title, body=body)
    services.update_draft(revision=correction, content=content, by=clerk)
    return services.publish(revision=signed_off(correction, clerk, supervisor), by=clerk)


@pytest.fixture
def corrected_notice(road_notice, clerk_a, supervisor_a):
    """The road notice corrected once; returns the correction."""
    reason = "开标日期写错，应为三月五日。"
    return correct(road_notice, clerk_a, supervisor_a, reason=reason, body="开标日期为三月五日。")


@pytest.fixture
def withdrawn_notice(village_a, clerk_a, supervisor_a):
    """A published notice later withdrawn; returns the withdrawal."""
    first = published_posting(village_a, clerk_a, supervisor_a, title="关于召开村民大会的通知")
    return withdrawn(first.posting, clerk_a, supervisor_a, reason="会议改期，另行通知。")


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(revision, clerk, name, content):
    file = SimpleUploadedFile(name, content)
    return services.add_attachment(revision=revision, upload=file, by=clerk)


@pytest.fixture
def notice_with_files(village_a, clerk_a, supervisor_a):
    """A published notice with a photo and a PDF; returns the revision."""
    revision = draft_posting(village_a, clerk_a, title="村集体资产清查结果公示")
    upload(revision, clerk_a, "现场照片.png", PNG)
    upload(revision, clerk_a, "清查报告.pdf", PDF)
    return services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
