"""The oversight pages: who may open which, what they show, and what they cost in queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from disclosure.oversight import orders
from disclosure.oversight.models import CorrectionOrder
from disclosure.regions.models import Level

from ..factories import RegionFactory, published_posting
from .builders import power_list_published_on

pytestmark = pytest.mark.usefixtures("english")

EVERYONE = [
    "clerk_a",
    "supervisor_a",
    "clerk_b",
    "township_official",
    "other_township_official",
    "report_handler",
    "village_report_handler",
    "administrator",
]


def status_for(client, request, person, url, method="get", data=None):
    if person != "anonymous":
        client.force_login(request.getfixturevalue(person))
    return getattr(client, method)(url, data or {}).status_code


# Who may open what. Staff without oversight are refused; a region or village outside what the
# user oversees is not found, so nobody learns what exists elsewhere.
TOWNSHIP_PAGE = {
    "anonymous": 302,
    "clerk_a": 403,
    "supervisor_a": 403,
    "clerk_b": 403,
    "township_official": 200,
    "other_township_official": 404,
    "report_handler": 200,
    "village_report_handler": 403,
    "administrator": 200,
}
COUNTY_PAGE = {**TOWNSHIP_PAGE, "township_official": 404, "report_handler": 404}
# access.py grants OVERSEE through a report-handler role even when it is wrongly held on a
# village; these pages are the township's, so such a role opens none of them.
VILLAGE_PAGE = TOWNSHIP_PAGE
ORDER_PAGE = {
    "anonymous": 302,
    "clerk_a": 403,
    "supervisor_a": 403,
    "clerk_b": 404,
    "township_official": 200,
    "other_township_official": 404,
    "report_handler": 404,
    "village_report_handler": 404,
    "administrator": 403,
}


@pytest.mark.parametrize("person", ["anonymous", *EVERYONE])
def test_who_may_open_the_township_page(client, request, person, township):
    url = reverse("oversight_staff:region", args=[township.code])
    assert status_for(client, request, person, url) == TOWNSHIP_PAGE[person]


@pytest.mark.parametrize("person", ["anonymous", *EVERYONE])
def test_who_may_download_the_township_spreadsheet(client, request, person, township):
    url = reverse("oversight_staff:export", args=[township.code])
    assert status_for(client, request, person, url) == TOWNSHIP_PAGE[person]


@pytest.mark.parametrize("person", ["anonymous", *EVERYONE])
def test_who_may_open_the_county_page(client, request, person, county, township):
    url = reverse("oversight_staff:region", args=[county.code])
    assert status_for(client, request, person, url) == COUNTY_PAGE[person]


@pytest.mark.parametrize("person", ["anonymous", *EVERYONE])
def test_who_may_open_a_village(client, request, person, village_a):
    url = reverse("oversight_staff:village", args=[village_a.code])
    assert status_for(client, request, person, url) == VILLAGE_PAGE[person]


@pytest.mark.parametrize("person", ["anonymous", *EVERYONE])
def test_who_may_order_a_correction(client, request, person, village_a, clerk_a, supervisor_a):
    posting = published_posting(village_a, clerk_a, supervisor_a).posting
    url = reverse("oversight_staff:order", args=[posting.code])
    assert status_for(client, request, person, url) == ORDER_PAGE[person]
    data = {"reason": "金额有误，请更正。"}
    expected = 302 if ORDER_PAGE[person] == 200 else ORDER_PAGE[person]
    assert status_for(client, request, person, url, "post", data) == expected
    assert CorrectionOrder.objects.count() == (1 if person == "township_official" else 0)


def test_unknown_codes_and_other_townships_villages_are_not_found(
    client, township_official, village_c
):
    client.force_login(township_official)
    for url in [
        reverse("oversight_staff:region", args=["999999999999"]),
        reverse("oversight_staff:village", args=["nonsense"]),
        reverse("oversight_staff:village", args=[village_c.code]),
        reverse("oversight_staff:order", args=["ZZZZZZ"]),
    ]:
        assert client.get(url).status_code == 404


def test_an_order_form_without_a_reason_says_so_and_orders_nothing(
    client, village_a, clerk_a, supervisor_a, township_official
):
    posting = published_posting(village_a, clerk_a, supervisor_a).posting
    client.force_login(township_official)
    url = reverse("oversight_staff:order", args=[posting.code])
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not CorrectionOrder.objects.exists()


def test_a_township_official_with_one_township_lands_on_it(client, township_official, township):
    client.force_login(township_official)
    response = client.get(reverse("oversight_staff:index"))
    assert response.url == reverse("oversight_staff:region", args=[township.code])


def test_the_township_page_lists_its_villages_only(
    client, township_official, village_a, village_b, village_c
):
    client.force_login(township_official)
    page = client.get(reverse("oversight_staff:region", args=[village_a.parent.code]))
    text = page.content.decode()
    assert "清河村" in text and "柳树村" in text and "石桥村" not in text
    assert "How the score is computed" in text


def test_report_counts_only_for_those_who_may_see_reports(
    client, township_official, administrator, report_handler, township, village_a
):
    url = reverse("oversight_staff:region", args=[township.code])
    for person, shown in [
        (township_official, True),
        (report_handler, True),
        (administrator, False),
    ]:
        client.force_login(person)
        text = client.get(url).content.decode()
        assert ("Reports received / investigating / concluded" in text) is shown


def test_a_nonsense_year_says_so_and_shows_this_year(client, township_official, township):
    client.force_login(township_official)
    url = reverse("oversight_staff:region", args=[township.code])
    response = client.get(url, {"year": "20x5"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is no calendar for “20x5”" in text
    assert f"disclosure in {datetime.date.today().year}" in text


def test_the_township_page_costs_the_same_queries_for_more_villages(
    client, township_official, township, village_a, village_b
):
    client.force_login(township_official)
    url = reverse("oversight_staff:region", args=[township.code])
    with CaptureQueriesContext(connection) as two_computed:
        client.get(url)
    with CaptureQueriesContext(connection) as two_kept:
        client.get(url)
    for number in range(3, 6):
        RegionFactory(code=f"990101001{number:03d}", level=Level.VILLAGE, parent=township)
    with CaptureQueriesContext(connection) as five_computed:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as five_kept:
        assert client.get(url).status_code == 200
    assert len(five_computed) == len(two_computed)
    assert len(five_kept) == len(two_kept) < len(two_computed)


def _ordered_notice(village, clerk, supervisor, official):
    posting = published_posting(village, clerk, supervisor).posting
    orders.order_correction(posting=posting, reason="金额有误，请更正。", by=official)
    return posting


def test_the_orders_page_shows_each_person_the_orders_of_their_villages(
    client, village_a, clerk_a, supervisor_a, clerk_b, township_official, other_township_official
):
    posting = _ordered_notice(village_a, clerk_a, supervisor_a, township_official)
    url = reverse("oversight_staff:orders")
    correct_url = reverse("workspace:correct", args=[posting.code])
    for person, sees, may_correct in [
        (clerk_a, True, True),
        (supervisor_a, True, False),
        (township_official, True, False),
        (clerk_b, False, False),
        (other_township_official, False, False),
    ]:
        client.force_login(person)
        text = client.get(url).content.decode()
        assert ("金额有误，请更正。" in text) is sees, person
        assert (correct_url in text) is may_correct, person


def test_the_drill_down_shows_items_orders_and_the_way_to_order(
    client, village_a, clerk_a, supervisor_a, township_official, report_handler
):
    posting = _ordered_notice(village_a, clerk_a, supervisor_a, township_official)
    other = power_list_published_on(timezone.localdate(), village_a, clerk_a, supervisor_a)
    other = other.posting
    url = reverse("oversight_staff:village", args=[village_a.code])
    client.force_login(township_official)
    text = client.get(url).content.decode()
    assert f"Finances {datetime.date.today().year}, quarter 1" in text
    assert "strong flags raised today" in text  # the risk's reason, as on the township's page
    assert "金额有误，请更正。" in text and "not yet corrected" in text
    assert posting.get_absolute_url() in text
    assert reverse("oversight_staff:order", args=[other.code]) in text
    client.force_login(report_handler)
    text = client.get(url).content.decode()
    assert "金额有误，请更正。" in text
    assert reverse("oversight_staff:order", args=[other.code]) not in text


def test_the_drill_down_shows_questions_left_by_the_committee_and_those_not_listed(
    client, village_a, clerk_a, supervisor_a, township_official
):
    from disclosure.participation import questions, subjects

    posting = published_posting(village_a, clerk_a, supervisor_a).posting
    about = subjects.find(subjects.POSTING, posting.code)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    questions.ask(subject=about, text="修路款是否已付清？", ip="10.0.0.1", now=long_ago)
    rejected = questions.ask(subject=about, text="村主任家的事情？", ip="10.0.0.2")
    questions.reject_question(question=rejected, reason="与村务公开无关。", by=supervisor_a)
    client.force_login(township_official)
    text = client.get(reverse("oversight_staff:village", args=[village_a.code])).content.decode()
    waiting = text.split('id="waiting-questions"')[1].split("</section>")[0]
    assert "修路款是否已付清？" in waiting
    not_listed = text.split('id="rejected-questions"')[1].split("</section>")[0]
    assert "村主任家的事情？" in not_listed and "与村务公开无关。" in not_listed
    assert "1 question overdue" in text  # the committee's lateness weighs in the risk
    assert "1 awaiting the committee (1 late), 1 not listed" in text
