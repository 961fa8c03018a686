from django.urls import reverse

from disclosure.publishing.models import Revision, RevisionAction, RevisionState


def correct_url(revision):
    return reverse("workspace:correct", args=[revision.posting.code])


def test_the_clerk_is_asked_for_the_reason_first(as_clerk_a, published_a):
    page = as_clerk_a.get(correct_url(published_a)).content.decode()

    assert "更正理由" in page
    assert published_a.title in page


def test_a_correction_starts_a_new_draft_with_its_reason(as_clerk_a, published_a):
    response = as_clerk_a.post(correct_url(published_a), {"reason": "中标金额写错"}, follow=True)

    correction = Revision.objects.get(action=RevisionAction.CORRECTION)
    assert response.redirect_chain[-1][0] == reverse("workspace:revision", args=[correction.pk])
    assert (correction.state, correction.reason, correction.number) == (
        RevisionState.DRAFT,
        "中标金额写错",
        2,
    )
    assert "已发起更正" in response.content.decode()
    assert "保存修改" in response.content.decode()


def test_a_correction_without_a_reason_is_refused_and_nothing_starts(as_clerk_a, published_a):
    response = as_clerk_a.post(correct_url(published_a), {"reason": ""})

    assert response.status_code == 200
    assert 'id="id_reason_error"' in response.content.decode()
    assert Revision.objects.count() == 1


def test_a_second_correction_while_one_is_open_is_refused(as_clerk_a, published_a):
    as_clerk_a.post(correct_url(published_a), {"reason": "中标金额写错"})

    response = as_clerk_a.post(correct_url(published_a), {"reason": "再次更正"})

    assert response.status_code == 200
    assert "该事项已有一项更正正在办理中" in response.content.decode()
    assert Revision.objects.count() == 2


def test_a_draft_cannot_be_corrected(as_clerk_a, draft_a):
    response = as_clerk_a.post(correct_url(draft_a), {"reason": "还没发布"})

    assert "只有已公开的事项才能更正" in response.content.decode()
    assert Revision.objects.count() == 1


def test_another_village_cannot_correct(as_clerk_b, published_a):
    assert as_clerk_b.post(correct_url(published_a), {"reason": "越权"}).status_code == 404
    assert Revision.objects.count() == 1


def test_an_unknown_posting_is_not_found(as_clerk_a, village_a):
    assert as_clerk_a.get(reverse("workspace:correct", args=["ZZZZZZ"])).status_code == 404


def test_a_posting_code_is_read_whatever_its_case(as_clerk_a, published_a):
    url = reverse("workspace:correct", args=[published_a.posting.code.lower()])

    assert as_clerk_a.get(url).status_code == 200


def test_an_address_that_is_not_a_posting_code_is_not_found(as_clerk_a, village_a):
    assert as_clerk_a.get("/staff/postings/%00/correct/").status_code == 404
