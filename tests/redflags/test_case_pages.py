"""A flag's page and its steps through the browser's forms: who sees it (role × node), who takes
which step, and a refused step that changes nothing."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from disclosure.redflags import cases, lifecycle
from disclosure.redflags.models import CaseStatus, FlagCase
from disclosure.redflags.services import flags_for

from ..clock import at
from .builders import ledger, spend

pytestmark = pytest.mark.usefixtures("english")
NOW = at(2025, 6, 2)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _in_june():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def case(village_a, clerk_a, supervisor_a):
    ledger(village_a, clerk_a, supervisor_a, [spend("68000.00", summary="购置挖掘机")])
    flags = flags_for([village_a.pk], TODAY, ["large_expenditure_without_decision"])
    return next(iter(cases.track(flags=flags, today=TODAY).values()))


def page_of(client, user, case):
    client.force_login(user)
    return client.get(reverse("redflags_staff:case", args=[case.pk]))


def step(client, user, case, name, **data):
    client.force_login(user)
    return client.post(reverse("redflags_staff:step", args=[case.pk, name]), data)


@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("clerk_a", 200),
        ("supervisor_a", 200),
        ("township_official", 200),
        ("report_handler", 200),
        ("administrator", 200),
        ("clerk_b", 404),
        ("other_township_official", 404),
    ],
)
def test_who_sees_a_flags_page(client, request, case, person, status):
    assert page_of(client, request.getfixturevalue(person), case).status_code == status


def test_anonymous_visitors_are_sent_to_sign_in(client, case):
    response = client.get(reverse("redflags_staff:case", args=[case.pk]))
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_the_clerk_is_offered_the_explanation_and_the_township_its_decisions(
    client, case, clerk_a, township_official, supervisor_a
):
    clerk_page = page_of(client, clerk_a, case).content.decode()
    township_page = page_of(client, township_official, case).content.decode()
    committee_page = page_of(client, supervisor_a, case).content.decode()

    assert "Explain the flag" in clerk_page and "Dismiss as unfounded" not in clerk_page
    assert "Order a rectification" in township_page and "Explain the flag" not in township_page
    assert "<form" not in committee_page.split("History", 1)[1]


# (person, step, expected status) on a fresh case of 清河村.
MATRIX = [
    ("clerk_a", "acknowledge", 302),
    ("supervisor_a", "acknowledge", 403),
    ("township_official", "acknowledge", 403),
    ("clerk_b", "acknowledge", 404),
    ("township_official", "dismiss", 302),
    ("clerk_a", "dismiss", 403),
    ("report_handler", "dismiss", 403),
    ("other_township_official", "dismiss", 404),
]
DATA = {"acknowledge": {"explanation": "经村民代表会议决定。"}, "dismiss": {"reason": "误报。"}}


@pytest.mark.parametrize(("person", "name", "status"), MATRIX)
def test_who_takes_which_step(client, request, case, person, name, status):
    response = step(client, request.getfixturevalue(person), case, name, **DATA[name])
    assert response.status_code == status
    assert (FlagCase.objects.get().status == CaseStatus.OPEN) is (status != 302)


def test_an_unknown_step_is_not_found(client, case, township_official):
    assert step(client, township_official, case, "approve").status_code == 404


def test_a_refused_step_says_why_and_changes_nothing(client, case, township_official):
    response = step(
        client,
        township_official,
        case,
        "rectify",
        instructions="补录决议。",
        responsible="",
        deadline=TODAY.isoformat(),
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert FlagCase.objects.get().status == CaseStatus.OPEN


def test_the_whole_life_through_the_forms(client, case, clerk_a, township_official):
    step(client, clerk_a, case, "acknowledge", explanation="购置前已口头报告。")
    response = step(
        client,
        township_official,
        case,
        "rectify",
        instructions="补开村民代表会议并公开决议。",
        responsible=clerk_a.pk,
        deadline=(TODAY + datetime.timedelta(days=10)).isoformat(),
    )
    assert response.status_code == 302
    step(client, clerk_a, case, "report", report="已于6月5日补开会议。")
    step(client, township_official, case, "close", conclusion="整改完毕。")

    page = page_of(client, township_official, case).content.decode()
    assert FlagCase.objects.get().status == CaseStatus.CLOSED
    for said in (
        "购置前已口头报告。",
        "补开村民代表会议并公开决议。",
        "已于6月5日补开会议。",
        "整改完毕。",
    ):
        assert said in page
    assert "Reopen" in page


def test_the_list_keeps_closed_flags_apart(client, case, clerk_a, township_official):
    lifecycle.dismiss(case=case, reason="误报。", by=township_official)
    client.force_login(township_official)
    listed = client.get(reverse("redflags_staff:index")).content.decode()
    finished = client.get(reverse("redflags_staff:index"), {"state": "finished"}).content.decode()
    assert "购置挖掘机" not in listed and "购置挖掘机" in finished


def start_page_count(client, user) -> str:
    client.force_login(user)
    page = client.get(reverse("workspace:home")).content.decode()
    line = f'<a href="{reverse("redflags_staff:index")}">Red flags</a> <strong>'
    return page.split(line, 1)[1].split("<", 1)[0] if line in page else ""


def test_the_start_page_counts_what_waits_for_each(client, case, clerk_a, township_official):
    """清河村's open flags (the payment, the quarters of 2024 never disclosed) wait for the clerk;
    once the clerk explains the payment, it waits for the township instead."""
    waiting = len(flags_for([case.village_id], TODAY))
    assert start_page_count(client, clerk_a) == str(waiting) and waiting > 1
    assert start_page_count(client, township_official) == ""

    lifecycle.acknowledge(case=case, explanation="已说明。", by=clerk_a)

    assert start_page_count(client, clerk_a) == str(waiting - 1)
    assert start_page_count(client, township_official) == "1"
