"""The supervisor's review page shows all the supervisor signs: the content of every kind as
villagers will see it, what a correction changes, and a sign-off refused once the content moved."""

import pytest
from django.test import Client
from django.urls import reverse

from disclosure.finance.models import LedgerEntry
from disclosure.publishing import chain, services
from disclosure.publishing.models import RevisionState

from ..factories import sign_off_through_page
from ..publishing.every_kind import every_kind

# What the review page of each kind must show: values of its rows, subject and attachments.
SEEN = {
    "notice": ["现场照片.jpg"],
    "power_list": ["出具居住证明", "1个工作日"],
    "finance_period": [
        "38,000.00",
        "40,120.00",
        "62,000.00",
        "村道硬化工程款",
        "记-001.jpg",
        "/fv/",
    ],
    "budget": ["50,000.00"],
    "benefit_list": ["2026年第三季度惠农补贴发放名单"],
    "asset_register": ["ZC-001", "办公楼.png"],
    "contract": ["王建国", "东洼鱼塘 30 亩", "15,000.00", "李明"],
    "project": ["青山建筑公司", "288,000.00"],
    "resolution": ["村民代表会议", "会议记录"],
    "decision_result": ["工程质量合格，同意验收。"],
}


def review_page(supervisor, revision) -> str:
    client = Client()
    client.force_login(supervisor)
    return client.get(reverse("workspace:revision", args=[revision.pk])).content.decode()


@pytest.fixture
def corrections(village_a, clerk_a, supervisor_a):
    """A correction of each kind, submitted: what the supervisor has to sign off."""
    drafts = {}
    for kind, published in every_kind(village_a, clerk_a, supervisor_a).items():
        if kind == "project":
            continue  # a project's correction is a new stage, made by its own service
        draft = services.start_correction(posting=published.posting, by=clerk_a, reason="复核")
        drafts[kind] = services.submit(revision=draft, by=clerk_a)
    return drafts


def test_the_review_page_shows_the_content_of_every_kind(corrections, supervisor_a):
    missing = {
        kind: [value for value in SEEN[kind] if value not in review_page(supervisor_a, draft)]
        for kind, draft in corrections.items()
    }

    assert {kind: values for kind, values in missing.items() if values} == {}
    assert set(corrections) == set(SEEN) - {"project"}


def test_a_correction_shows_what_it_changes_against_what_is_published(
    corrections, supervisor_a, clerk_a
):
    draft = corrections["finance_period"]
    services.return_for_changes(revision=draft, by=supervisor_a, reason="金额有误")
    LedgerEntry.objects.filter(revision=draft, line=3).update(expenditure="36000.00")
    services.submit(revision=draft, by=clerk_a)

    page = review_page(supervisor_a, draft)

    changes = page[page.index("与已公开的第 1 版相比的改动") :]
    assert "<del>38000.00</del> → <ins>36000.00</ins>" in changes
    assert "1 行有改动" in changes


def test_signing_off_a_page_opened_before_the_content_changed_is_refused(
    corrections, supervisor_a, clerk_a
):
    draft = corrections["notice"]
    client = Client()
    client.force_login(supervisor_a)
    opened = chain.content_digest(draft)
    services.return_for_changes(revision=draft, by=supervisor_a, reason="补充")
    services.update_draft(
        revision=draft, content=services.Content(title=draft.title, body="改过的正文"), by=clerk_a
    )
    services.submit(revision=draft, by=clerk_a)

    response = client.post(
        reverse("workspace:sign_off", args=[draft.pk]),
        {"opinion": "同意", "content_digest": opened},
    )

    assert "您打开审核页面之后，内容已经改变" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == RevisionState.SUBMITTED
    assert "改过的正文" in response.content.decode()


def test_a_forged_digest_is_refused_with_a_message(corrections, supervisor_a):
    draft = corrections["notice"]
    client = Client()
    client.force_login(supervisor_a)

    response = client.post(
        reverse("workspace:sign_off", args=[draft.pk]), {"opinion": "同意", "content_digest": "x"}
    )

    assert "本页面已过期" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == RevisionState.SUBMITTED


def test_signing_off_what_the_page_showed_records_its_digest(corrections, supervisor_a):
    draft = corrections["contract"]
    client = Client()
    client.force_login(supervisor_a)

    sign_off_through_page(client, draft)

    draft.refresh_from_db()
    assert draft.state == RevisionState.SIGNED_OFF
    assert draft.reviewed_digest == chain.content_digest(draft)
