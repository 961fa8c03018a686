import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from disclosure.publishing import chain, services
from disclosure.publishing.models import AuditEntry, Posting, PostingStatus, Revision, RevisionState
from disclosure.regions.models import RoleKind
from disclosure.web.addresses import keyed

from ..factories import draft_posting, make_staff, published_posting, signed_off, withdrawn


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
        services.sign_off(
            revision=revision,
            content_digest=chain.content_digest(revision),
            by=supervisor_a,
            opinion="同意",
        )


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


def test_a_withdrawal_waits_for_the_supervision_committee(village_a, clerk_a, supervisor_a):
    first = published_posting(village_a, clerk_a, supervisor_a)

    withdrawal = services.withdraw(posting=first.posting, by=clerk_a, reason="重复发布")

    first.posting.refresh_from_db()
    assert withdrawal.state == RevisionState.SUBMITTED
    assert first.posting.status == PostingStatus.PUBLISHED
    assert first.posting.current == first
    with pytest.raises(ValidationError):
        services.publish(revision=withdrawal, by=clerk_a)


def test_a_withdrawal_signed_off_and_published_leaves_a_public_notice(
    village_a, clerk_a, supervisor_a
):
    first = published_posting(village_a, clerk_a, supervisor_a)

    withdrawal = withdrawn(first.posting, clerk_a, supervisor_a, reason="重复发布")

    assert withdrawal.posting.status == PostingStatus.WITHDRAWN
    assert withdrawal.reason == "重复发布"
    assert withdrawal.prev_digest == first.digest
    assert chain.revision_document(withdrawal)["signed_off_by"] == "李监督"


def test_a_withdrawal_carries_only_its_reason(village_a, clerk_a, supervisor_a):
    first = published_posting(village_a, clerk_a, supervisor_a)
    withdrawal = services.withdraw(posting=first.posting, by=clerk_a, reason="重复发布")
    services.return_for_changes(revision=withdrawal, by=supervisor_a, reason="理由不清")

    with pytest.raises(ValidationError, match="撤回|withdrawal"):
        services.update_draft(
            revision=withdrawal, content=services.Content(title="别的标题"), by=clerk_a
        )
    services.submit(revision=withdrawal, by=clerk_a)
    withdrawal.refresh_from_db()
    assert withdrawal.state == RevisionState.SUBMITTED


def test_signing_off_content_that_changed_since_the_review_page_is_refused(
    village_a, clerk_a, supervisor_a
):
    revision = draft_posting(village_a, clerk_a)
    services.submit(revision=revision, by=clerk_a)
    seen = chain.content_digest(revision)
    services.return_for_changes(revision=revision, by=supervisor_a, reason="补充")
    services.update_draft(
        revision=revision, content=services.Content(title=revision.title, body="改过"), by=clerk_a
    )
    services.submit(revision=revision, by=clerk_a)

    with pytest.raises(ValidationError, match="已经改变|changed"):
        services.sign_off(revision=revision, by=supervisor_a, opinion="同意", content_digest=seen)
    revision.refresh_from_db()
    assert revision.state == RevisionState.SUBMITTED


def test_a_sign_off_records_the_digest_of_what_was_seen(village_a, clerk_a, supervisor_a):
    revision = signed_off(draft_posting(village_a, clerk_a), clerk_a, supervisor_a)

    assert revision.reviewed_digest == chain.content_digest(revision)
    entry = AuditEntry.objects.get(action="revision.sign_off")
    assert entry.detail["content_digest"] == revision.reviewed_digest


def test_content_changed_after_sign_off_is_not_published(village_a, clerk_a, supervisor_a):
    revision = signed_off(draft_posting(village_a, clerk_a), clerk_a, supervisor_a)
    Revision.objects.filter(pk=revision.pk).update(body="签署之后改的")

    with pytest.raises(ValidationError):
        services.publish(revision=revision, by=clerk_a)


def test_identity_numbers_in_text_are_masked_when_saved(village_a, clerk_a):
    revision = draft_posting(
        village_a, clerk_a, body="申请人身份证号320102199001011234，电话13812345678"
    )
    assert "320102199001011234" not in revision.body
    assert "3201**********1234" in revision.body
    assert "138****5678" in revision.body


POWERS = [
    {
        "name": "出具居住证明",
        "steps": "申请、审核、出具",
        "documents": "身份证、户口簿",
        "time_limit": "1个工作日",
        "fee": "不收费",
        "responsible": "村委会主任，电话13812345678",
    }
]
PDF = b"%PDF-1.4\n% tender documents\n"


def pdf(name="招标文件.pdf"):
    return SimpleUploadedFile(name, PDF)


def messages_of(error: ValidationError) -> list[str]:
    return error.messages


def test_a_posting_needs_a_title_and_nothing_is_created_without_one(village_a, clerk_a):
    with pytest.raises(ValidationError) as refused:
        draft_posting(village_a, clerk_a, title="   ")

    assert messages_of(refused.value) == ["请填写公开事项的标题。"]
    assert not Posting.objects.exists()


def test_the_messages_are_in_english_when_english_is_chosen(village_a, clerk_a):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        draft_posting(village_a, clerk_a, title="")

    assert messages_of(refused.value) == ["A posting needs a title."]


def test_postings_belong_to_villages_not_townships(township, clerk_a):
    township_clerk = make_staff("clerk_t", RoleKind.CLERK, township, "镇文书")

    with pytest.raises(PermissionDenied):
        draft_posting(township, clerk_a)
    with pytest.raises(ValidationError, match="村"):
        draft_posting(township, township_clerk)
    assert not Posting.objects.exists()


def test_an_unknown_kind_is_refused(village_a, clerk_a):
    with pytest.raises(ValidationError, match="村务公开目录"):
        draft_posting(village_a, clerk_a, kind="lottery")


def test_a_draft_can_be_edited_until_it_is_submitted(village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a)
    services.update_draft(
        revision=revision, content=services.Content(title="新标题", body="新正文"), by=clerk_a
    )
    services.submit(revision=revision, by=clerk_a)

    with pytest.raises(ValidationError, match="待审核"):
        services.update_draft(revision=revision, content=services.Content(title="再改"), by=clerk_a)
    revision.refresh_from_db()
    assert (revision.title, revision.body) == ("新标题", "新正文")


def test_a_published_revision_cannot_be_edited_through_the_services(
    village_a, clerk_a, supervisor_a
):
    revision = published_posting(village_a, clerk_a, supervisor_a)

    with pytest.raises(ValidationError):
        services.update_draft(revision=revision, content=services.Content(title="改"), by=clerk_a)
    with pytest.raises(ValidationError):
        services.add_attachment(revision=revision, upload=pdf(), by=clerk_a)
    with pytest.raises(ValidationError):
        services.discard_draft(revision=revision, by=clerk_a)


def test_attachments_are_added_in_order_and_removed_from_drafts(village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a)
    first = services.add_attachment(revision=revision, upload=pdf("一.pdf"), by=clerk_a)
    services.add_attachment(revision=revision, upload=pdf("二.pdf"), by=clerk_a)

    services.remove_attachment(attachment=first, by=clerk_a)

    assert list(revision.attachments.values_list("filename", flat=True)) == ["二.pdf"]


def test_the_attachment_hash_is_part_of_the_published_document(village_a, clerk_a, supervisor_a):
    revision = draft_posting(village_a, clerk_a)
    services.add_attachment(revision=revision, upload=pdf(), by=clerk_a)
    published = services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)

    document = chain.revision_document(published)

    assert document["attachments"] == [
        {
            "filename": "招标文件.pdf",
            "sha256": hashlib.sha256(PDF).hexdigest(),
            "size": len(PDF),
            "content_type": "application/pdf",
        }
    ]


def test_a_list_of_small_powers_needs_a_power_before_it_is_submitted(village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a, title="小微权力清单", kind="power_list")

    with pytest.raises(ValidationError, match="至少"):
        services.submit(revision=revision, by=clerk_a)


def test_power_items_are_masked_and_enter_the_chain(village_a, clerk_a, supervisor_a):
    revision = published_posting(
        village_a,
        clerk_a,
        supervisor_a,
        title="小微权力清单",
        kind="power_list",
        power_items=POWERS,
    )

    rows = chain.revision_document(revision)["rows"]
    assert rows[0]["name"] == "出具居住证明"
    assert rows[0]["responsible"] == "村委会主任，电话138****5678"


def test_returning_needs_a_reason_and_signing_off_an_opinion(village_a, clerk_a, supervisor_a):
    revision = services.submit(revision=draft_posting(village_a, clerk_a), by=clerk_a)

    with pytest.raises(ValidationError, match="修改"):
        services.return_for_changes(revision=revision, by=supervisor_a, reason=" ")
    with pytest.raises(ValidationError, match="审核意见"):
        services.sign_off(
            revision=revision,
            content_digest=chain.content_digest(revision),
            by=supervisor_a,
            opinion="",
        )
    revision.refresh_from_db()
    assert revision.state == RevisionState.SUBMITTED


def test_the_sign_off_and_publication_are_recorded_to_the_second(village_a, clerk_a, supervisor_a):
    revision = published_posting(village_a, clerk_a, supervisor_a)

    assert revision.signed_off_by_name == "李监督"
    assert revision.opinion == "内容属实，同意公开。"
    assert revision.published_by_name == "王会计"
    assert revision.published_at.microsecond == 0
    document = chain.revision_document(revision)
    assert document["signed_off_by"] == "李监督"
    assert document["published_at"] == chain.timestamp(revision.published_at)


def test_each_village_has_its_own_chain(
    village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    published_posting(village_a, clerk_a, supervisor_a)
    second_a = published_posting(village_a, clerk_a, supervisor_a)
    first_b = published_posting(village_b, clerk_b, supervisor_b)

    assert (second_a.seq, first_b.seq) == (2, 1)
    assert first_b.prev_digest == chain.GENESIS
    assert chain.head(village_a) == second_a.digest
    assert chain.head(village_b) == first_b.digest


def test_a_correction_copies_rows_and_files_and_leaves_the_original_untouched(
    village_a, clerk_a, supervisor_a
):
    original = draft_posting(
        village_a, clerk_a, title="小微权力清单", kind="power_list", power_items=POWERS
    )
    services.add_attachment(revision=original, upload=pdf(), by=clerk_a)
    original = services.publish(revision=signed_off(original, clerk_a, supervisor_a), by=clerk_a)

    correction = services.start_correction(posting=original.posting, by=clerk_a, reason="收费有误")
    services.update_draft(
        revision=correction,
        content=services.Content(
            title="小微权力清单", power_items=[{**POWERS[0], "fee": "每份2元"}]
        ),
        by=clerk_a,
    )

    assert correction.action == "correction"
    assert correction.attachments.get().blob == original.attachments.get().blob
    assert correction.power_items.get().fee == "每份2元"
    assert original.power_items.get().fee == "不收费"


def test_a_correction_needs_a_reason_and_only_one_at_a_time(village_a, clerk_a, supervisor_a):
    posting = published_posting(village_a, clerk_a, supervisor_a).posting

    with pytest.raises(ValidationError, match="理由"):
        services.start_correction(posting=posting, by=clerk_a, reason="")
    services.start_correction(posting=posting, by=clerk_a, reason="日期有误")
    with pytest.raises(ValidationError, match="正在办理"):
        services.start_correction(posting=posting, by=clerk_a, reason="再次更正")


def test_an_unpublished_posting_can_be_neither_corrected_nor_withdrawn(village_a, clerk_a):
    posting = draft_posting(village_a, clerk_a).posting

    with pytest.raises(ValidationError):
        services.start_correction(posting=posting, by=clerk_a, reason="理由")
    with pytest.raises(ValidationError):
        services.withdraw(posting=posting, by=clerk_a, reason="理由")


def test_a_withdrawal_drops_an_open_correction_and_cannot_be_repeated(
    village_a, clerk_a, supervisor_a
):
    first = published_posting(village_a, clerk_a, supervisor_a)
    services.start_correction(posting=first.posting, by=clerk_a, reason="日期有误")

    withdrawal = withdrawn(first.posting, clerk_a, supervisor_a)

    assert list(first.posting.revisions.values_list("number", "action")) == [
        (1, "original"),
        (2, "withdrawal"),
    ]
    assert withdrawal.body == ""
    assert withdrawal.posting.current == withdrawal
    with pytest.raises(ValidationError):
        services.withdraw(posting=first.posting, by=clerk_a, reason="再撤回")
    with pytest.raises(ValidationError):
        services.start_correction(posting=first.posting, by=clerk_a, reason="更正")


def test_discarding_the_only_draft_removes_the_posting(village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a)

    services.discard_draft(revision=revision, by=clerk_a)

    assert not Posting.objects.exists()


def test_discarding_a_correction_keeps_what_is_published(village_a, clerk_a, supervisor_a):
    first = published_posting(village_a, clerk_a, supervisor_a)
    correction = services.start_correction(posting=first.posting, by=clerk_a, reason="日期有误")

    services.discard_draft(revision=correction, by=clerk_a)

    assert list(first.posting.revisions.all()) == [first]
    assert chain.first_mismatch(village_a) is None


def test_every_step_is_in_the_audit_log_with_who_and_where(village_a, clerk_a, supervisor_a):
    revision = draft_posting(village_a, clerk_a)
    services.submit(revision=revision, by=clerk_a, ip="10.0.0.7")
    services.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor_a,
        opinion="同意",
        ip="10.0.0.8",
    )
    services.publish(revision=revision, by=clerk_a, ip="10.0.0.7")

    entries = AuditEntry.objects.order_by("at", "pk")
    assert [(e.username, e.action, e.address) for e in entries] == [
        ("clerk_a", "posting.create", ""),
        ("clerk_a", "revision.submit", keyed("10.0.0.7")),
        ("supervisor_a", "revision.sign_off", keyed("10.0.0.8")),
        ("clerk_a", "revision.publish", keyed("10.0.0.7")),
    ]
    assert all(entry.village == village_a for entry in entries)
    assert entries.last().detail["digest"] == Revision.objects.get().digest
