import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure.publishing import chain, services
from disclosure.publishing.models import PostingStatus, RevisionState

from ..factories import draft_posting, published_posting, signed_off


def test_a_signed_off_draft_is_published_with_its_digest(village_a, clerk_a, supervisor_a):
    revision = published_posting(village_a, clerk_a, supervisor_a)

    assert revision.state == RevisionState.PUBLISHED
    assert revision.posting.status == PostingStatus.PUBLISHED
    assert revision.seq == 1
    assert revision.prev_digest == chain.GENESIS
    assert revision.digest == chain.revision_digest(revision)
    assert chain.head(village_a) == revision.digest


def test_a_supervisor_cannot_sign_off_their_own_draft(village_a, supervisor_a, clerk_a):
    from disclosure.regions.models import Role, RoleKind

    Role.objects.create(user=supervisor_a, region=village_a, kind=RoleKind.CLERK)
    revision = draft_posting(village_a, supervisor_a)
    services.submit(revision=revision, by=supervisor_a)

    with pytest.raises(PermissionDenied):
        services.sign_off(revision=revision, by=supervisor_a, opinion="同意")


def test_a_returned_draft_keeps_the_reason_and_can_be_resubmitted(village_a, clerk_a, supervisor_a):
    revision = draft_posting(village_a, clerk_a)
    services.submit(revision=revision, by=clerk_a)
    services.return_for_changes(revision=revision, by=supervisor_a, reason="金额有误")

    revision.refresh_from_db()
    assert revision.state == RevisionState.RETURNED
    assert revision.events.last().note == "金额有误"
    assert signed_off(revision, clerk_a, supervisor_a).state == RevisionState.SIGNED_OFF


def test_publishing_before_sign_off_is_refused(village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a)
    with pytest.raises(ValidationError):
        services.publish(revision=revision, by=clerk_a)


def test_a_correction_is_a_second_revision_in_the_chain(village_a, clerk_a, supervisor_a):
    first = published_posting(village_a, clerk_a, supervisor_a)
    correction = services.start_correction(posting=first.posting, by=clerk_a, reason="日期写错")
    services.update_draft(
        revision=correction, content=services.Content(title=first.title, body="新正文"), by=clerk_a
    )
    second = services.publish(revision=signed_off(correction, clerk_a, supervisor_a), by=clerk_a)

    assert second.number == 2
    assert second.prev_digest == first.digest
    assert second.posting.current == second
    assert chain.first_mismatch(village_a) is None


def test_a_withdrawal_leaves_a_public_notice(village_a, clerk_a, supervisor_a):
    first = published_posting(village_a, clerk_a, supervisor_a)
    withdrawal = services.withdraw(posting=first.posting, by=clerk_a, reason="重复发布")

    assert withdrawal.posting.status == PostingStatus.WITHDRAWN
    assert withdrawal.reason == "重复发布"
    assert withdrawal.prev_digest == first.digest


def test_identity_numbers_in_text_are_masked_when_saved(village_a, clerk_a):
    revision = draft_posting(
        village_a, clerk_a, body="申请人身份证号320102199001011234，电话13812345678"
    )
    assert "320102199001011234" not in revision.body
    assert "3201**********1234" in revision.body
    assert "138****5678" in revision.body
