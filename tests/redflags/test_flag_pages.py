"""The flags pages: who sees the flags of which village (role × node), filters, the posting's
own flags on its staff page, and the start page's task line."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from disclosure.redflags import cadres

from .builders import contract, ledger, spend

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def flagged(village_a, village_c, clerk_a, supervisor_a):
    """A large expenditure of 清河村 without a decision; 石桥村 has flags of missing periods."""
    return ledger(village_a, clerk_a, supervisor_a, [spend("68000.00", summary="购置挖掘机")])


def get(client, user, url, **params):
    client.force_login(user)
    return client.get(url, params)


# Who may see flags of 清河村 (A), 柳树村 (B, same township) and 石桥村 (C, other township).
MATRIX = [
    ("clerk_a", {"a"}),
    ("supervisor_a", {"a"}),
    ("clerk_b", {"b"}),
    ("township_official", {"a", "b"}),
    ("other_township_official", {"c"}),
    ("report_handler", {"a", "b"}),
    ("administrator", {"a", "b", "c"}),
]


@pytest.mark.parametrize(("person", "visible"), MATRIX)
def test_the_village_page_of_flags(client, request, flagged, person, visible):
    user = request.getfixturevalue(person)
    for key in "abc":
        village = request.getfixturevalue(f"village_{key}")
        response = get(client, user, reverse("redflags_staff:village", args=[village.code]))
        assert response.status_code == (200 if key in visible else 404), (person, key)


@pytest.mark.parametrize(("person", "visible"), MATRIX)
def test_the_list_shows_only_the_users_villages(client, request, flagged, person, visible):
    user = request.getfixturevalue(person)
    page = get(client, user, reverse("redflags_staff:index")).content.decode()
    assert ("购置挖掘机" in page) is ("a" in visible)
    assert ("石桥村" in page) is ("c" in visible)


def test_anonymous_visitors_are_sent_to_sign_in(client, flagged, village_a):
    for url in (
        reverse("redflags_staff:index"),
        reverse("redflags_staff:village", args=[village_a.code]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/staff/login/" in response["Location"]


def test_the_list_is_filtered_by_rule_and_village(client, flagged, township_official, village_b):
    url = reverse("redflags_staff:index")
    missing_periods = reverse("finance_staff:village", args=[village_b.code])
    rule = "large_expenditure_without_decision"
    page = get(client, township_official, url, rule=rule).content.decode()
    assert "购置挖掘机" in page and missing_periods not in page
    page = get(client, township_official, url, village=village_b.code).content.decode()
    assert "购置挖掘机" not in page and missing_periods in page


def test_unknown_filters_show_everything_the_user_may_see(client, flagged, clerk_a):
    response = get(client, clerk_a, reverse("redflags_staff:index"), rule="nonsense", village="x")
    assert response.status_code == 200
    assert "购置挖掘机" in response.content.decode()


def test_each_flag_gives_its_strength_and_reason(client, flagged, clerk_a):
    page = get(client, clerk_a, reverse("redflags_staff:index")).content.decode()
    assert "Strong" in page
    assert "68,000.00 yuan reaches the threshold of 50,000 yuan" in page


def test_the_postings_staff_page_lists_its_flags(client, flagged, clerk_a, village_a):
    page = get(client, clerk_a, reverse("workspace:revision", args=[flagged.pk])).content.decode()
    assert 'id="red-flags"' in page
    assert "68,000.00 yuan" in page
    # The village's missing periods belong to no posting: not listed here.
    assert reverse("finance_staff:village", args=[village_a.code]) not in page


def test_a_posting_without_flags_has_no_flags_section(client, village_a, clerk_a, supervisor_a):
    clean = ledger(village_a, clerk_a, supervisor_a, [spend("800.00")])
    page = get(client, clerk_a, reverse("workspace:revision", args=[clean.pk])).content.decode()
    assert 'id="red-flags"' not in page


def test_the_start_page_counts_the_flags(client, flagged, clerk_a):
    page = get(client, clerk_a, reverse("workspace:home")).content.decode()
    assert reverse("redflags_staff:index") in page
    assert "Red flags" in page


def test_the_list_costs_the_same_queries_however_many_villages_have_flags(
    client, village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b, township_official
):
    url = reverse("redflags_staff:index")
    ledger(village_a, clerk_a, supervisor_a, [spend("68000.00")])
    client.force_login(township_official)
    client.get(url)  # the session and the roles are read once
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    ledger(village_b, clerk_b, supervisor_b, [spend("70000.00"), spend("6000.00", day=2)])
    client.get(url)  # the first sighting of 柳树村's flags gives them their cases
    with CaptureQueriesContext(connection) as two:
        page = client.get(url).content.decode()
    assert "70,000.00" in page
    assert len(two.captured_queries) == len(one.captured_queries)


def test_a_related_party_flag_shows_the_identity_number_masked(
    client, village_a, clerk_a, supervisor_a, township_official
):
    number = "320102199001011232"
    chair = cadres.add_cadre(
        village=village_a,
        name="张主任",
        position="村委会主任",
        started_on=datetime.date(2020, 1, 1),
        by=township_official,
    )
    cadres.add_relative(
        cadre=chair, name="王建国", relation="spouse", identity_number=number, by=township_official
    )
    revision = contract(village_a, clerk_a, supervisor_a, identity_number=number)
    for user, url in [
        (township_official, reverse("redflags_staff:index")),
        (clerk_a, reverse("redflags_staff:village", args=[village_a.code])),
        (clerk_a, reverse("workspace:revision", args=[revision.pk])),
    ]:
        page = get(client, user, url).content.decode()
        assert "3201**********1232" in page and number not in page


@pytest.mark.parametrize(("person", "linked"), [("township_official", True), ("clerk_a", False)])
def test_the_register_is_linked_for_those_who_keep_it(client, request, village_a, person, linked):
    page = get(client, request.getfixturevalue(person), reverse("redflags_staff:index"))
    assert (reverse("redflags_staff:cadres_index") in page.content.decode()) is linked
