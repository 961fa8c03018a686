from django.urls import reverse

from disclosure.publishing import chain
from disclosure.publishing.models import PostingStatus, Revision, RevisionAction, RevisionState


def withdraw_url(revision):
    return reverse("workspace:withdraw", args=[revision.posting.code])


def test_withdrawal_asks_for_confirmation_and_a_reason(as_clerk_a, published_a):
    page = as_clerk_a.get(withdraw_url(published_a)).content.decode()

    assert "村务监督委员会审核" in page
    assert "撤回理由" in page
    assert published_a.posting.status == PostingStatus.PUBLISHED


def test_a_clerk_asks_to_withdraw_a_posting_with_a_reason(as_clerk_a, published_a):
    response = as_clerk_a.post(withdraw_url(published_a), {"reason": "重复发布"}, follow=True)

    withdrawal = Revision.objects.get(action=RevisionAction.WITHDRAWAL)
    assert withdrawal.reason == "重复发布"
    assert withdrawal.state == RevisionState.SUBMITTED
    assert withdrawal.posting.status == PostingStatus.PUBLISHED
    assert "撤回已提交村务监督委员会审核" in response.content.decode()


def test_the_supervisor_signs_off_a_withdrawal_and_the_clerk_publishes_it(
    client, as_clerk_a, published_a, supervisor_a
):
    as_clerk_a.post(withdraw_url(published_a), {"reason": "重复发布"})
    withdrawal = Revision.objects.get(action=RevisionAction.WITHDRAWAL)
    client.force_login(supervisor_a)

    review = client.get(reverse("workspace:revision", args=[withdrawal.pk])).content.decode()
    client.post(
        reverse("workspace:sign_off", args=[withdrawal.pk]),
        {"opinion": "同意撤回。", "content_digest": chain.content_digest(withdrawal)},
    )
    as_clerk_a.post(reverse("workspace:publish", args=[withdrawal.pk]))

    assert "重复发布" in review
    withdrawal.refresh_from_db()
    assert withdrawal.state == RevisionState.PUBLISHED
    assert withdrawal.posting.status == PostingStatus.WITHDRAWN


def test_a_withdrawal_without_a_reason_is_refused_and_the_posting_stays(as_clerk_a, published_a):
    response = as_clerk_a.post(withdraw_url(published_a), {"reason": "  "})

    assert response.status_code == 200
    assert 'id="id_reason_error"' in response.content.decode()
    published_a.posting.refresh_from_db()
    assert published_a.posting.status == PostingStatus.PUBLISHED


def test_a_withdrawn_posting_cannot_be_withdrawn_again(as_clerk_a, published_a):
    as_clerk_a.post(withdraw_url(published_a), {"reason": "重复发布"})

    response = as_clerk_a.post(withdraw_url(published_a), {"reason": "再撤一次"})

    assert "撤回" in response.content.decode()
    assert response.status_code == 200
    assert Revision.objects.filter(action=RevisionAction.WITHDRAWAL).count() == 1


def test_the_supervisor_cannot_withdraw(as_supervisor_a, published_a):
    assert as_supervisor_a.post(withdraw_url(published_a), {"reason": "x"}).status_code == 403
    assert not Revision.objects.filter(action=RevisionAction.WITHDRAWAL).exists()
