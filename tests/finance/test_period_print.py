"""On paper nothing can be tapped open: a period's print view shows every part of it."""

from .ledgers import draft_period, page, published_period


def test_the_print_view_unfolds_the_ledger_and_leaves_out_downloads(
    village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a)
    code = revision.posting.code

    screen = page(f"/p/{code}/")
    paper = page(f"/p/{code}/print/")

    assert f'<details class="more" id="entries-{revision.pk}">' in screen
    assert f'<details class="more" id="entries-{revision.pk}" open>' in paper
    assert "ledger.csv" in screen and "ledger.csv" not in paper
    assert "保洁员工资" in paper


def test_a_supervisor_reviewing_a_draft_sees_it_unfolded(village_a, clerk_a, client):
    revision = draft_period(village_a, clerk_a)
    client.force_login(clerk_a)

    html = client.get(f"/staff/revisions/{revision.pk}/preview/").content.decode()

    assert f'<details class="more" id="entries-{revision.pk}" open>' in html
