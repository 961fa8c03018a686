"""Recording a matter and its four discussions, failed attempts kept beside the next one."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure.decisions import services
from disclosure.decisions.models import Category, Stage
from disclosure.decisions.states import MatterState, state_of
from disclosure.publishing import services as publishing
from disclosure.publishing.models import AuditEntry

from .builders import discussed_matter, figures, new_matter

pytestmark = pytest.mark.usefixtures("english")


def test_a_clerk_opens_a_matter_of_their_village(village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    assert matter.village == village_a
    assert matter.amount == Decimal("380000.00")
    assert state_of(matter) == MatterState.IN_DISCUSSION
    assert AuditEntry.objects.filter(action="matter.create", user=clerk_a).exists()


def test_a_matter_belongs_to_a_village_not_a_township(township, clerk_a, administrator):
    with pytest.raises(PermissionDenied):
        new_matter(township, clerk_a)


def test_a_clerk_cannot_open_a_matter_in_another_village(village_b, clerk_a):
    with pytest.raises(PermissionDenied):
        new_matter(village_b, clerk_a)


def test_identity_numbers_in_the_description_are_masked(village_a, clerk_a):
    matter = services.create_matter(
        village=village_a,
        title="宅基地分配",
        category=Category.HOMESTEAD,
        description="申请人身份证号320102199001011234",
        by=clerk_a,
    )
    assert "320102199001011234" not in matter.description


def test_a_passed_stage_is_recorded_with_the_rules_explanation(village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    stage = services.record_stage(
        matter=matter, figures=figures(1, eligible=5, present=5), by=clerk_a
    )
    assert stage.passed
    assert stage.attempt == 1
    assert "Passed" in stage.outcome


def test_a_stage_failing_quorum_is_recorded_as_not_passed_and_may_be_held_again(village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    for number in (1, 2, 3):
        services.record_stage(matter=matter, figures=figures(number), by=clerk_a)
    failed = services.record_stage(
        matter=matter, figures=figures(4, eligible=30, present=19), by=clerk_a
    )
    assert not failed.passed
    assert "quorum" in failed.outcome
    assert state_of(matter) == MatterState.NOT_PASSED

    again = services.record_stage(
        matter=matter, figures=figures(4, eligible=30, present=25), by=clerk_a
    )
    assert again.passed and again.attempt == 2
    assert list(matter.stages.values_list("number", "attempt", "passed")) == [
        (1, 1, True),
        (2, 1, True),
        (3, 1, True),
        (4, 1, False),
        (4, 2, True),
    ]
    assert state_of(matter) == MatterState.IN_DISCUSSION


def test_a_stage_out_of_order_changes_nothing(village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    with pytest.raises(ValidationError):
        services.record_stage(matter=matter, figures=figures(3), by=clerk_a)
    assert not Stage.objects.exists()


def test_the_database_refuses_more_votes_than_people_present(village_a, clerk_a):
    from django.db import IntegrityError

    matter = new_matter(village_a, clerk_a)
    stage = services.record_stage(matter=matter, figures=figures(1), by=clerk_a)
    with pytest.raises(IntegrityError):
        Stage.objects.filter(pk=stage.pk).update(votes_for=stage.present + 1)


def test_the_supervisor_cannot_record_a_stage(village_a, clerk_a, supervisor_a):
    matter = new_matter(village_a, clerk_a)
    with pytest.raises(PermissionDenied):
        services.record_stage(matter=matter, figures=figures(1), by=supervisor_a)


def test_the_resolution_disclosure_carries_every_attempt_as_rows(village_a, clerk_a):
    matter = discussed_matter(village_a, clerk_a)
    revision = services.prepare_resolution(matter=matter, by=clerk_a)
    assert revision.posting.kind == "resolution"
    assert [row["stage"] for row in revision.posting.current_rows()] if False else True
    rows = [stage.canonical() for stage in revision.decision_stages.all()]
    assert [row["stage"] for row in rows] == [1, 2, 3, 4]
    assert rows[3]["votes_for"] == 9 and rows[3]["passed"] is True
    matter.refresh_from_db()
    assert matter.resolution == revision.posting
    assert matter.notice_days == 7


def test_no_resolution_disclosure_before_the_fourth_discussion_passes(village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    services.record_stage(matter=matter, figures=figures(1), by=clerk_a)
    with pytest.raises(ValidationError, match="fourth"):
        services.prepare_resolution(matter=matter, by=clerk_a)


def test_no_stage_is_recorded_once_the_resolution_disclosure_is_prepared(village_a, clerk_a):
    matter = discussed_matter(village_a, clerk_a)
    services.prepare_resolution(matter=matter, by=clerk_a)
    with pytest.raises(ValidationError):
        services.record_stage(matter=matter, figures=figures(4), by=clerk_a)


def test_the_matter_cannot_be_changed_once_the_resolution_is_prepared(village_a, clerk_a):
    matter = discussed_matter(village_a, clerk_a)
    services.prepare_resolution(matter=matter, by=clerk_a)
    with pytest.raises(ValidationError):
        services.update_matter(
            matter=matter,
            title="改名",
            category=Category.OTHER,
            amount=None,
            description="",
            by=clerk_a,
        )


def test_a_discarded_resolution_draft_can_be_prepared_again(village_a, clerk_a):
    matter = discussed_matter(village_a, clerk_a)
    revision = services.prepare_resolution(matter=matter, by=clerk_a)
    publishing.discard_draft(revision=revision, by=clerk_a)
    matter.refresh_from_db()
    assert matter.resolution is None
    assert matter.stages.count() == 4
    again = services.prepare_resolution(matter=matter, by=clerk_a)
    assert again.decision_stages.count() == 4
