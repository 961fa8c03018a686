"""Drafts, submitted, returned and signed-off revisions never leave through the public API."""

import pytest

from .conftest import UNPUBLISHED_TITLES


def _listings(village_a, road_notice):
    code = road_notice.posting.code
    return [
        "/api/v1/villages/",
        f"/api/v1/villages/{village_a.code}/",
        f"/api/v1/villages/{village_a.code}/chain/",
        "/api/v1/postings/",
        f"/api/v1/postings/?village={village_a.code}",
        "/api/v1/postings/?q=通知",
        "/api/v1/postings/?q=更正",
        f"/api/v1/postings/{code}/",
        "/api/v1/revisions/",
        "/api/v1/revisions/?q=通知",
        f"/api/v1/revisions/?posting={code}",
        f"/api/v1/revisions/{road_notice.pk}/",
    ]


def _assert_nothing_unpublished(text):
    for title in UNPUBLISHED_TITLES:
        assert title not in text


def test_no_unpublished_revision_appears_anywhere(api, village_a, road_notice, unpublished_work):
    for url in _listings(village_a, road_notice):
        response = api.get(url)
        assert response.status_code == 200, url
        _assert_nothing_unpublished(response.content.decode())


@pytest.mark.parametrize("who", ["clerk_a", "supervisor_a", "township_official", "administrator"])
def test_staff_who_may_see_the_drafts_still_get_only_published_work_here(
    api, request, who, village_a, road_notice, unpublished_work
):
    api.force_login(request.getfixturevalue(who))
    for url in _listings(village_a, road_notice):
        _assert_nothing_unpublished(api.get(url).content.decode())


def test_the_id_of_an_unpublished_revision_gives_404(api, unpublished_work):
    for revision in unpublished_work:
        assert api.get(f"/api/v1/revisions/{revision.pk}/").status_code == 404, revision.state


def test_the_code_of_a_posting_never_published_gives_404(api, unpublished_work):
    never_published = [revision.posting for revision in unpublished_work[:4]]
    for posting in never_published:
        assert api.get(f"/api/v1/postings/{posting.code}/").status_code == 404


def test_a_correction_in_progress_leaves_the_published_revision_current(
    api, road_notice, unpublished_work
):
    data = api.get(f"/api/v1/postings/{road_notice.posting.code}/").json()

    assert data["title"] == "村道修路工程招标公告"
    assert [revision["number"] for revision in data["revisions"]] == [1]


def test_the_chain_holds_only_published_revisions(api, village_a, road_notice, unpublished_work):
    chain = api.get(f"/api/v1/villages/{village_a.code}/chain/").json()

    assert [entry["digest"] for entry in chain["revisions"]] == [road_notice.digest]
