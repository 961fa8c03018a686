from django.urls import reverse

from ..factories import draft_posting
from .test_new import SEAL


def preview_url(revision):
    return reverse("workspace:preview", args=[revision.pk])


def test_the_preview_shows_the_draft_as_villagers_will_see_it_with_a_banner(as_clerk_a, draft_a):
    page = as_clerk_a.get(preview_url(draft_a)).content.decode()

    assert "预览 — 尚未公开" in page
    assert "<h1>关于村道修路工程招标的公告</h1>" in page
    assert "招标正文" in page


def test_the_preview_shows_the_rows_of_a_list_of_powers(as_clerk_a, village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a, kind="power_list", power_items=[SEAL])

    page = as_clerk_a.get(preview_url(revision)).content.decode()

    assert "村委会公章使用" in page
    assert "申请→村委会主任审批→登记用印" in page


def test_the_supervisor_and_the_township_may_preview(
    as_supervisor_a, as_township_official, as_administrator, draft_a
):
    for client in (as_supervisor_a, as_township_official, as_administrator):
        assert client.get(preview_url(draft_a)).status_code == 200


def test_another_village_cannot_preview_a_draft(as_clerk_b, draft_a):
    assert as_clerk_b.get(preview_url(draft_a)).status_code == 404
