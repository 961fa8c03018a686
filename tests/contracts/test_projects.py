import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from disclosure.contracts import projects
from disclosure.contracts.projects import StageReport
from disclosure.publishing import services as publishing

from .conftest import publish

APPROVAL = StageReport("approval", datetime.date(2025, 3, 1), "村民代表会议通过", Decimal("300000"))
BIDDING = StageReport(
    "bidding",
    datetime.date(2025, 4, 1),
    "公开招标",
    bids=[("青山建筑公司", Decimal("288000"), True), ("白水路桥公司", Decimal("295000"), False)],
)


@pytest.fixture
def road(village_a, clerk_a, supervisor_a):
    revision = projects.create_project(
        village=village_a, title="村道硬化工程", first=APPROVAL, by=clerk_a
    )
    return publish(revision, clerk_a, supervisor_a)


def test_a_new_stage_of_a_published_project_is_an_update_carrying_the_earlier_stages(road, clerk_a):
    revision = projects.add_stage(posting=road.posting, report=BIDDING, by=clerk_a)
    assert revision.action == "update"
    assert revision.reason == "新阶段：招标"
    assert [s.stage for s in revision.stages.all()] == ["approval", "bidding"]
    assert revision.bids.count() == 2


def test_a_published_new_stage_is_shown_as_an_update_not_a_correction(
    road, clerk_a, supervisor_a, village_a
):
    revision = projects.add_stage(posting=road.posting, report=BIDDING, by=clerk_a)
    publish(revision, clerk_a, supervisor_a)

    village_page = Client().get(f"/v/{village_a.code}/").content.decode()
    posting_page = Client().get(road.posting.get_absolute_url()).content.decode()

    assert "已更新" in village_page
    assert "已更正" not in village_page
    assert "更新：</strong> 新阶段：招标" in posting_page
    assert "已更正" not in posting_page


def test_the_published_revision_keeps_its_stages_while_the_next_is_drafted(road, clerk_a):
    projects.add_stage(posting=road.posting, report=BIDDING, by=clerk_a)
    assert [s.stage for s in road.stages.all()] == ["approval"]


def test_stages_follow_one_another(road, clerk_a):
    award = StageReport("award", datetime.date(2025, 4, 10), "定标", Decimal("288000"))
    revision = projects.add_stage(posting=road.posting, report=award, by=clerk_a)
    with pytest.raises(ValidationError, match="后续阶段"):
        projects.add_stage(posting=road.posting, report=BIDDING, by=clerk_a)
    assert revision.stages.count() == 2


def test_a_bidding_stage_lists_its_bidders(road, clerk_a):
    bare = StageReport("bidding", datetime.date(2025, 4, 1), "公开招标")
    with pytest.raises(ValidationError):
        projects.add_stage(posting=road.posting, report=bare, by=clerk_a)
    assert road.posting.revisions.count() == 1


def test_a_stage_waits_while_another_is_awaiting_sign_off(road, clerk_a):
    revision = projects.add_stage(posting=road.posting, report=BIDDING, by=clerk_a)
    publishing.submit(revision=revision, by=clerk_a)
    award = StageReport("award", datetime.date(2025, 4, 10), "定标")
    with pytest.raises(ValidationError):
        projects.add_stage(posting=road.posting, report=award, by=clerk_a)


def test_only_the_villages_clerk_adds_stages(road, clerk_b, supervisor_a):
    for person in (clerk_b, supervisor_a):
        with pytest.raises(PermissionDenied):
            projects.add_stage(posting=road.posting, report=BIDDING, by=person)
