"""The two disclosures of a matter on their own posting pages, and in the staff preview."""

from disclosure.decisions import services

from .builders import discussed_matter, resolved_matter
from .journeys import finished_matter


def test_the_resolution_posting_shows_every_discussion_and_leads_to_the_matter(
    client, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)

    page = client.get(f"/p/{matter.resolution.code}/").content.decode()

    assert "第一议：党支部会提议" in page
    assert page.count("应到9人，实到9人") == 4
    assert f'href="/v/{village_a.code}/decisions/{matter.pk}/"' in page


def test_the_result_posting_shows_the_cost_against_the_amount_resolved(
    client, village_a, clerk_a, supervisor_a
):
    matter = finished_matter(village_a, clerk_a, supervisor_a)

    page = client.get(f"/p/{matter.result.code}/").content.decode()

    assert "380,000.00元" in page
    assert "371,500.00元" in page
    assert "比决议金额少8,500.00元（2.2%）" in page
    assert "工程质量合格，同意验收。" in page
    assert f'href="/v/{village_a.code}/decisions/{matter.pk}/"' in page


def test_the_staff_preview_of_a_draft_resolution_shows_the_discussions_without_a_public_link(
    client, village_a, clerk_a
):
    matter = discussed_matter(village_a, clerk_a)
    revision = services.prepare_resolution(matter=matter, by=clerk_a)
    client.force_login(clerk_a)

    page = client.get(f"/staff/revisions/{revision.pk}/preview/").content.decode()

    assert page.count("应到9人，实到9人") == 4
    assert f"/decisions/{matter.pk}/" not in page
