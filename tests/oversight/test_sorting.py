"""The township's table by risk on the page: the reason beside each village, and every column
sorted by a link in its heading (or the form above, on a phone), with no script."""

import datetime
import re

import pytest
from django.urls import reverse

from disclosure.oversight import summaries
from disclosure.oversight.models import VillageSummary
from disclosure.oversight.summaries import dashboard_rows

from .builders import period_published_on

pytestmark = pytest.mark.usefixtures("english")

D = datetime.date


@pytest.fixture
def page(client, township_official, township, village_a, village_b, clerk_b, supervisor_b):
    """柳树村 disclosed its first quarter; 清河村 nothing at all."""
    period_published_on(D(2025, 4, 1), village_b, clerk_b, supervisor_b, year=2025, number=1)
    client.force_login(township_official)
    url = reverse("oversight_staff:region", args=[township.code])

    def page(**params):
        response = client.get(url, {"year": "2025", **params})
        assert response.status_code == 200
        return response.content.decode()

    return page


def village_order(text: str) -> list[str]:
    """The villages in the order of the table ranked by risk (the first table on the page)."""
    table = text.split("</table>")[0]
    return re.findall(r'<th scope="row" class="name"><a [^>]*>([^<]+)</a>', table)


def test_the_village_to_visit_first_is_at_the_top_with_its_reason(page):
    text = page()
    assert village_order(text) == ["清河村", "柳树村"]
    assert 'aria-sort="descending"><a href="?year=2025&amp;sort=risk&amp;order=asc"' in text
    assert "completeness score 0.0" in text
    assert "How the risk is weighed" in text
    assert "10 points for each strong red flag not closed or dismissed" in text


def test_a_heading_link_sorts_by_its_column_and_the_next_click_reverses_it(page):
    text = page(sort="score", order="desc")
    assert village_order(text) == ["柳树村", "清河村"]
    assert 'aria-sort="descending"><a href="?year=2025&amp;sort=score&amp;order=asc"' in text

    assert village_order(page(sort="score", order="asc")) == ["清河村", "柳树村"]
    assert village_order(page(sort="risk", order="asc")) == ["柳树村", "清河村"]
    assert village_order(page(sort="village")) == ["清河村", "柳树村"]


def test_an_unknown_column_or_order_shows_the_ranking_by_risk(page):
    assert village_order(page(sort="nonsense", order="sideways")) == ["清河村", "柳树村"]


def test_a_summary_kept_in_an_older_shape_is_computed_again(
    village_a, village_b, township_official
):
    today = D(2025, 8, 1)
    dashboard_rows([village_a, village_b], township_official, today, 2025)
    summary = VillageSummary.objects.get(village=village_a, year=2025)
    older = {name: value for name, value in summary.figures.items() if name != "format"}
    VillageSummary.objects.filter(pk=summary.pk).update(figures=older)

    rows = dashboard_rows([village_a, village_b], township_official, today, 2025)

    assert all(row.risk is not None for row in rows)
    assert VillageSummary.objects.get(pk=summary.pk).figures["format"] == summaries.FORMAT
