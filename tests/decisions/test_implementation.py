"""Implementation waits for the notice period and the answers; the result is due in time."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure.decisions import implementation, objections, services
from disclosure.decisions.models import LinkKind, Phase
from disclosure.decisions.states import MatterState, state_of
from disclosure.publishing import services as publishing

from ..factories import signed_off
from .builders import after_notice, resolved_matter

pytestmark = pytest.mark.usefixtures("english")

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def matter(village_a, clerk_a, supervisor_a):
    return resolved_matter(village_a, clerk_a, supervisor_a)


def progress(matter, clerk, percent=30, spent=Decimal("120000.00"), on=None):
    return implementation.record_progress(
        matter=matter,
        on=on or timezone.localdate(),
        description="路基平整完成",
        percent=percent,
        spent=spent,
        by=clerk,
    )


def test_no_progress_is_recorded_during_the_notice_period(matter, clerk_a):
    with pytest.raises(ValidationError, match="public-notice period runs until"):
        progress(matter, clerk_a)
    assert not matter.progress.exists()


def test_progress_is_recorded_once_the_notice_period_is_over(matter, clerk_a):
    with time_machine.travel(after_notice(matter)):
        update = progress(matter, clerk_a)
        assert update.percent == 30
        assert state_of(matter) == MatterState.BEING_IMPLEMENTED


def test_an_objection_awaiting_moderation_holds_implementation(matter, clerk_a):
    objections.lodge_objection(matter=matter, text="有异议", ip="203.0.113.5")
    with time_machine.travel(after_notice(matter)):
        with pytest.raises(ValidationError, match="await moderation"):
            progress(matter, clerk_a)


def test_a_listed_objection_must_be_answered_before_implementation(matter, clerk_a, supervisor_a):
    objection = objections.lodge_objection(matter=matter, text="有异议", ip="203.0.113.5")
    objections.moderate_objection(objection=objection, approve=True, by=supervisor_a)
    with time_machine.travel(after_notice(matter)):
        with pytest.raises(ValidationError, match="not been answered"):
            progress(matter, clerk_a)
        objections.answer_objection(objection=objection, text="已说明", by=clerk_a)
        assert progress(matter, clerk_a).percent == 30


def test_a_rejected_objection_does_not_hold_implementation(matter, clerk_a, supervisor_a):
    objection = objections.lodge_objection(matter=matter, text="广告", ip="203.0.113.5")
    objections.moderate_objection(objection=objection, approve=False, by=supervisor_a)
    with time_machine.travel(after_notice(matter)):
        assert progress(matter, clerk_a)


def test_progress_does_not_go_backwards(matter, clerk_a):
    with time_machine.travel(after_notice(matter)):
        progress(matter, clerk_a, percent=50)
        with pytest.raises(ValidationError) as refused:
            progress(matter, clerk_a, percent=40)
        assert "percent" in refused.value.message_dict
        with pytest.raises(ValidationError):
            progress(matter, clerk_a, percent=101)


def test_the_supervisor_does_not_record_progress(matter, supervisor_a):
    with time_machine.travel(after_notice(matter)):
        with pytest.raises(PermissionDenied):
            progress(matter, supervisor_a)


def test_photos_and_links_of_a_progress_update(matter, clerk_a):
    with time_machine.travel(after_notice(matter)):
        update = progress(matter, clerk_a)
        photo = implementation.add_progress_photo(
            progress=update,
            upload=SimpleUploadedFile("施工前.png", PNG),
            phase=Phase.BEFORE,
            by=clerk_a,
        )
        link = implementation.add_link(
            matter=matter,
            kind=LinkKind.CONTRACT,
            reference="HT-2025-003",
            label="施工合同",
            progress=update,
            by=clerk_a,
        )
    assert photo.is_image and photo.thumbnail is not None
    assert list(update.photos.all()) == [photo]
    assert list(matter.links.filter(kind="contract")) == [link]


def test_a_photo_without_a_phase_is_refused(matter, clerk_a):
    with time_machine.travel(after_notice(matter)):
        update = progress(matter, clerk_a)
        with pytest.raises(ValidationError):
            implementation.add_progress_photo(
                progress=update, upload=SimpleUploadedFile("a.png", PNG), phase="", by=clerk_a
            )


def finish(matter, clerk):
    with time_machine.travel(after_notice(matter)):
        return progress(matter, clerk, percent=100, spent=Decimal("375000.00"))


def prepare_result(matter, clerk, **kwargs):
    values = {
        "body": "全长3公里水泥路已建成通车。",
        "final_cost": Decimal("375000.00"),
        "accepted_on": timezone.localdate(),
        "accepted_by": "镇农经站、村务监督委员会",
        "acceptance": "工程质量合格。",
    }
    values.update(kwargs)
    return services.prepare_result(matter=matter, by=clerk, **values)


def test_the_work_reported_finished_ends_implementation(matter, clerk_a):
    update = finish(matter, clerk_a)
    matter.refresh_from_db()
    assert matter.implementation_ended_on == update.on


def test_the_result_is_overdue_after_thirty_days(matter, clerk_a):
    ended = finish(matter, clerk_a).on
    matter.refresh_from_db()
    with time_machine.travel(after_notice(matter) + timedelta(days=30)):
        assert state_of(matter) == MatterState.BEING_IMPLEMENTED
    with time_machine.travel(after_notice(matter) + timedelta(days=31)):
        assert timezone.localdate() > ended + timedelta(days=30)
        assert state_of(matter) == MatterState.OVERDUE


def test_a_published_result_is_never_overdue(matter, clerk_a, supervisor_a):
    finish(matter, clerk_a)
    matter.refresh_from_db()
    with time_machine.travel(after_notice(matter) + timedelta(days=2)):
        revision = prepare_result(matter, clerk_a)
        publishing.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    matter.refresh_from_db()
    with time_machine.travel(after_notice(matter) + timedelta(days=90)):
        assert state_of(matter) == MatterState.RESULT_DISCLOSED
    row = revision.decision_results.get().canonical()
    assert row["final_cost"] == "375000.00" and row["resolved_amount"] == "380000.00"


def test_the_result_carries_the_photos_taken_after_the_work(matter, clerk_a):
    update = finish(matter, clerk_a)
    matter.refresh_from_db()
    with time_machine.travel(after_notice(matter)):
        implementation.add_progress_photo(
            progress=update,
            upload=SimpleUploadedFile("完工.png", PNG),
            phase=Phase.AFTER,
            by=clerk_a,
        )
        revision = prepare_result(matter, clerk_a)
    assert [a.filename for a in revision.attachments.all()] == ["完工.png"]


def test_no_result_before_the_work_is_finished(matter, clerk_a):
    with pytest.raises(ValidationError, match="finished"):
        prepare_result(matter, clerk_a)


def test_an_acceptance_before_the_work_ended_is_refused(matter, clerk_a):
    update = finish(matter, clerk_a)
    matter.refresh_from_db()
    with time_machine.travel(after_notice(matter)):
        with pytest.raises(ValidationError) as refused:
            prepare_result(matter, clerk_a, accepted_on=update.on - timedelta(days=1))
    assert "accepted_on" in refused.value.message_dict
    assert matter.result is None


def test_no_progress_after_the_work_is_reported_finished(matter, clerk_a):
    finish(matter, clerk_a)
    matter.refresh_from_db()
    with time_machine.travel(after_notice(matter)):
        with pytest.raises(ValidationError, match="finished"):
            progress(matter, clerk_a, percent=100)
