"""A village's major matters listed by where they stand, and the way there from the village page."""

import gzip
from datetime import timedelta

import time_machine
from django.conf import settings

from disclosure.decisions import services

from .builders import figures, new_matter, resolved_matter
from .journeys import finished_matter, started_matter

VILLAGE_A = "/v/990101001001/"
MATTERS_A = "/v/990101001001/decisions/"


def sections(page: str) -> list[str]:
    """The headings of the state sections, in order."""
    return [part.split("</h2>")[0].split(">")[-1] for part in page.split('<h2 id="state-')[1:]]


def test_matters_are_listed_under_their_state(client, village_a, clerk_a, supervisor_a):
    in_discussion = new_matter(village_a, clerk_a, title="村集体鱼塘发包方案")
    services.record_stage(matter=in_discussion, figures=figures(1), by=clerk_a)
    resolved_matter(village_a, clerk_a, supervisor_a, title="荒山出租方案")
    finished_matter(village_a, clerk_a, supervisor_a)

    page = client.get(MATTERS_A).content.decode()

    assert sections(page) == ["公示中 (1)", "讨论中 (1)", "结果已公开 (1)"]
    assert "村集体鱼塘发包方案" in page
    assert "荒山出租方案" in page
    assert "村道硬化工程" in page
    assert "380,000.00元" in page


def test_being_implemented_and_overdue_matters_have_their_own_sections(
    client, village_a, clerk_a, supervisor_a
):
    matter = started_matter(village_a, clerk_a, supervisor_a)
    finished_matter(village_a, clerk_a, supervisor_a, publish_result=False)

    with time_machine.travel(matter.resolution.first_published_at + timedelta(days=60)):
        page = client.get(MATTERS_A).content.decode()

    assert sections(page) == ["结果逾期未公开 (1)", "实施中 (1)"]


def test_a_matter_not_yet_proposed_or_of_another_village_is_not_listed(
    client, village_a, village_b, clerk_a, clerk_b, supervisor_b
):
    new_matter(village_a, clerk_a, title="尚未提议的事项")
    resolved_matter(village_b, clerk_b, supervisor_b, title="柳树村的事项")

    page = client.get(MATTERS_A).content.decode()

    assert "尚未提议的事项" not in page
    assert "柳树村的事项" not in page
    assert "暂无重大事项" in page


def test_the_village_page_leads_to_the_matters(client, village_a):
    page = client.get(VILLAGE_A).content.decode()

    assert f'href="{MATTERS_A}"' in page


def test_the_list_reads_a_fixed_number_of_queries(
    client, village_a, clerk_a, supervisor_a, django_assert_max_num_queries
):
    for number in range(4):
        resolved_matter(village_a, clerk_a, supervisor_a, title=f"第{number}项事项")

    # One of them reads the count of changes that keys the page cache.
    with django_assert_max_num_queries(4):
        assert client.get(MATTERS_A).status_code == 200


def test_an_unknown_village_has_no_list(client, village_a, township):
    assert client.get("/v/990101001099/decisions/").status_code == 404
    assert client.get(f"/v/{township.code}/decisions/").status_code == 404


def test_the_pages_stay_within_the_weight_budget(client, village_a, clerk_a, supervisor_a):
    matter = finished_matter(village_a, clerk_a, supervisor_a)
    stylesheet = (settings.BASE_DIR / "static" / "css" / "site.css").read_bytes()

    for url in (MATTERS_A, f"{MATTERS_A}{matter.pk}/"):
        html = client.get(url).content
        assert len(gzip.compress(html + stylesheet, mtime=0)) <= 30 * 1024, url
