from django.urls import reverse

from disclosure.publishing import services
from disclosure.publishing.models import Revision, RevisionState

from ..factories import draft_posting
from .test_new import CERTIFICATE, SEAL, power_rows


def revision_url(revision):
    return reverse("workspace:revision", args=[revision.pk])


def test_a_clerk_edits_their_draft(as_clerk_a, draft_a):
    response = as_clerk_a.post(
        revision_url(draft_a),
        {"title": "关于村道修路工程招标的更正公告", "body": "新正文"},
        follow=True,
    )

    draft_a.refresh_from_db()
    assert (draft_a.title, draft_a.body) == ("关于村道修路工程招标的更正公告", "新正文")
    assert "修改已保存" in response.content.decode()


def test_the_page_offers_the_clerk_the_next_steps(as_clerk_a, draft_a):
    page = as_clerk_a.get(revision_url(draft_a)).content.decode()

    assert "提交审核" in page
    assert "放弃此草稿" in page
    assert reverse("workspace:preview", args=[draft_a.pk]) in page
    assert 'name="files"' in page


def test_the_supervisor_sees_the_review_forms_but_cannot_edit(as_supervisor_a, submitted_a):
    page = as_supervisor_a.get(revision_url(submitted_a)).content.decode()

    assert "村务监督委员会审核意见" in page
    assert "退回修改" in page
    assert "保存修改" not in page


def test_a_returned_draft_shows_its_review_history(as_clerk_a, submitted_a, supervisor_a):
    services.return_for_changes(revision=submitted_a, by=supervisor_a, reason="请补充招标文件")

    page = as_clerk_a.get(revision_url(submitted_a)).content.decode()

    assert "退回修改" in page
    assert "请补充招标文件" in page
    assert "李监督" in page
    assert "保存修改" in page


def test_a_submitted_draft_cannot_be_edited_and_says_why(as_clerk_a, submitted_a):
    response = as_clerk_a.post(revision_url(submitted_a), {"title": "偷偷修改的标题"})

    assert response.status_code == 200
    assert "该事项当前为“待审核”状态，无法进行此操作。" in response.content.decode()
    submitted_a.refresh_from_db()
    assert submitted_a.title == "关于村道修路工程招标的公告"


def test_a_published_revision_is_read_only_with_correct_and_withdraw(as_clerk_a, published_a):
    page = as_clerk_a.get(revision_url(published_a)).content.decode()

    assert "保存修改" not in page
    assert reverse("workspace:correct", args=[published_a.posting.code]) in page
    assert reverse("workspace:withdraw", args=[published_a.posting.code]) in page


def test_editing_a_list_of_powers_replaces_its_rows(as_clerk_a, village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a, kind="power_list", power_items=[SEAL])
    data = {
        "title": "清河村小微权力清单（修订）",
        **power_rows(SEAL, CERTIFICATE, initial=1),
        "powers-0-DELETE": "on",
    }

    as_clerk_a.post(revision_url(revision), data)

    assert [item.name for item in revision.power_items.all()] == ["出具居住证明"]


def test_the_rows_of_a_list_of_powers_are_shown_for_editing(as_clerk_a, village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a, kind="power_list", power_items=[SEAL])

    page = as_clerk_a.get(revision_url(revision)).content.decode()

    assert 'value="村委会公章使用"' in page
    assert "添加一行 / 应用删除" in page


def test_a_post_for_another_villages_revision_is_not_found_and_changes_nothing(as_clerk_b, draft_a):
    response = as_clerk_b.post(revision_url(draft_a), {"title": "越权修改"})

    assert response.status_code == 404
    draft_a.refresh_from_db()
    assert draft_a.title == "关于村道修路工程招标的公告"


def test_a_township_official_may_look_but_not_edit(as_township_official, draft_a):
    assert as_township_official.get(revision_url(draft_a)).status_code == 200
    response = as_township_official.post(revision_url(draft_a), {"title": "乡镇修改"})

    assert response.status_code == 403
    assert Revision.objects.get().title == "关于村道修路工程招标的公告"


def test_a_missing_revision_is_not_found(as_clerk_a, village_a):
    assert as_clerk_a.get(reverse("workspace:revision", args=[999999])).status_code == 404


def test_a_correction_links_back_to_the_published_version(as_clerk_a, published_a, clerk_a):
    correction = services.start_correction(
        posting=published_a.posting, by=clerk_a, reason="金额有误"
    )

    page = as_clerk_a.get(revision_url(published_a)).content.decode()

    assert reverse("workspace:revision", args=[correction.pk]) in page
    assert correction.state == RevisionState.DRAFT


def test_submitting_from_the_editor_saves_the_edits_first(as_clerk_a, draft_a):
    page = as_clerk_a.get(revision_url(draft_a)).content.decode()
    assert 'name="then_submit"' in page
    assert reverse("workspace:submit", args=[draft_a.pk]) not in page

    as_clerk_a.post(
        revision_url(draft_a),
        {"title": "村道修路工程招标公告（修订）", "body": "改过的正文", "then_submit": "1"},
    )

    draft_a.refresh_from_db()
    assert (draft_a.title, draft_a.body) == ("村道修路工程招标公告（修订）", "改过的正文")
    assert draft_a.state == RevisionState.SUBMITTED
