from django.urls import reverse

from disclosure.publishing import chain, services
from disclosure.publishing.models import (
    Posting,
    PostingStatus,
    Revision,
    RevisionState,
)

from ..factories import approved, draft_posting, published_posting


def step(client, name, revision, data=None):
    return client.post(reverse(f"workspace:{name}", args=[revision.pk]), data or {}, follow=True)


def state_of(revision):
    revision.refresh_from_db()
    return revision.state


def test_a_clerk_submits_a_draft_for_sign_off(as_clerk_a, draft_a):
    response = step(as_clerk_a, "submit", draft_a)

    assert state_of(draft_a) == RevisionState.SUBMITTED
    assert "已提交村务监督委员会审核" in response.content.decode()


def test_a_list_of_powers_without_powers_cannot_be_submitted(as_clerk_a, village_a, clerk_a):
    empty = draft_posting(village_a, clerk_a, title="小微权力清单", kind="power_list")

    response = step(as_clerk_a, "submit", empty)

    assert state_of(empty) == RevisionState.DRAFT
    assert "小微权力清单至少应列出一项权力事项" in response.content.decode()


def test_the_supervisor_signs_off_with_an_opinion(as_supervisor_a, submitted_a, supervisor_a):
    seen = chain.content_digest(submitted_a)
    response = step(
        as_supervisor_a,
        "sign_off",
        submitted_a,
        {"opinion": "内容属实，同意公开。", "content_digest": seen},
    )

    assert state_of(submitted_a) == RevisionState.SIGNED_OFF
    assert submitted_a.signed_off_by == supervisor_a
    assert submitted_a.opinion == "内容属实，同意公开。"
    assert "已审核通过" in response.content.decode()


def test_signing_off_without_an_opinion_is_refused_beside_the_field(as_supervisor_a, submitted_a):
    response = step(as_supervisor_a, "sign_off", submitted_a, {"opinion": "   "})

    assert response.status_code == 200
    assert 'id="id_opinion_error"' in response.content.decode()
    assert state_of(submitted_a) == RevisionState.SUBMITTED


def test_the_supervisor_returns_a_draft_with_a_reason(as_supervisor_a, submitted_a):
    response = step(as_supervisor_a, "return", submitted_a, {"reason": "请附上招标公告原件"})

    assert state_of(submitted_a) == RevisionState.RETURNED
    assert submitted_a.events.last().note == "请附上招标公告原件"
    assert "已退回" in response.content.decode()


def test_returning_without_a_reason_is_refused(as_supervisor_a, submitted_a):
    response = step(as_supervisor_a, "return", submitted_a, {})

    assert 'id="id_reason_error"' in response.content.decode()
    assert state_of(submitted_a) == RevisionState.SUBMITTED


def test_a_draft_not_yet_submitted_cannot_be_signed_off(as_supervisor_a, draft_a):
    seen = chain.content_digest(draft_a)
    response = step(
        as_supervisor_a, "sign_off", draft_a, {"opinion": "同意", "content_digest": seen}
    )

    assert "该事项当前为“草稿”状态，无法进行此操作。" in response.content.decode()
    assert state_of(draft_a) == RevisionState.DRAFT


def test_the_clerk_publishes_once_signed_off(as_clerk_a, signed_off_a):
    response = step(as_clerk_a, "publish", signed_off_a)

    assert state_of(signed_off_a) == RevisionState.PUBLISHED
    assert signed_off_a.posting.status == PostingStatus.PUBLISHED
    assert "已发布" in response.content.decode()


def test_publishing_asks_first_saying_what_villagers_will_see(as_clerk_a, signed_off_a):
    revision_page = as_clerk_a.get(reverse("workspace:revision", args=[signed_off_a.pk]))
    confirm_url = reverse("workspace:publish", args=[signed_off_a.pk])
    assert f'href="{confirm_url}"' in revision_page.content.decode()

    page = as_clerk_a.get(confirm_url).content.decode()

    assert "村民将在本村页面和它自己的网址上看到这条公开内容" in page
    assert "发布后不能撤销" in page
    assert signed_off_a.posting.get_absolute_url() in page
    assert state_of(signed_off_a) == RevisionState.SIGNED_OFF


def test_publishing_a_withdrawal_asks_first_with_its_reason(
    as_clerk_a, village_a, clerk_a, supervisor_a
):
    published = published_posting(village_a, clerk_a, supervisor_a)
    withdrawal = services.withdraw(posting=published.posting, by=clerk_a, reason="重复发布。")
    approved(withdrawal, supervisor_a)

    page = as_clerk_a.get(reverse("workspace:publish", args=[withdrawal.pk])).content.decode()

    assert "村民将看到一条撤回通知及以下理由" in page and "重复发布。" in page


def test_publishing_before_sign_off_is_refused_with_a_message(as_clerk_a, submitted_a):
    response = step(as_clerk_a, "publish", submitted_a)

    assert "该事项当前为“待审核”状态，无法进行此操作。" in response.content.decode()
    assert state_of(submitted_a) == RevisionState.SUBMITTED


def test_the_clerk_discards_a_draft(as_clerk_a, draft_a):
    response = step(as_clerk_a, "discard", draft_a)

    assert response.redirect_chain[-1][0] == reverse("workspace:home")
    assert "草稿已放弃" in response.content.decode()
    assert not Posting.objects.exists()


def test_a_submitted_draft_cannot_be_discarded(as_clerk_a, submitted_a):
    step(as_clerk_a, "discard", submitted_a)

    assert Revision.objects.filter(pk=submitted_a.pk).exists()


def test_steps_are_taken_by_post_only(as_clerk_a, draft_a):
    for name in ("submit", "sign_off", "return", "discard"):
        assert as_clerk_a.get(reverse(f"workspace:{name}", args=[draft_a.pk])).status_code == 405
    # Publishing asks first, and only once the revision is signed off.
    publish = as_clerk_a.get(reverse("workspace:publish", args=[draft_a.pk]))
    assert publish.url == reverse("workspace:revision", args=[draft_a.pk])
    assert state_of(draft_a) == RevisionState.DRAFT
