"""The staff pages of major matters, as the clerk and the supervisor of village A use them."""

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from disclosure.decisions import objections
from disclosure.decisions.models import Matter, Stage

from ..factories import sign_off_through_page
from .builders import after_notice, discussed_matter, new_matter, resolved_matter


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_clerk_a(clerk_a):
    return client_for(clerk_a)


@pytest.fixture
def as_supervisor_a(supervisor_a):
    return client_for(supervisor_a)


def text_of(response) -> str:
    return response.content.decode()


def test_the_workspace_home_links_to_major_matters(as_clerk_a):
    response = as_clerk_a.get(reverse("workspace:home"))
    assert reverse("decisions_staff:list") in text_of(response)


def test_the_list_groups_my_matters_by_state(as_clerk_a, village_a, village_b, clerk_a, clerk_b):
    new_matter(village_a, clerk_a, title="鱼塘承包方案")
    new_matter(village_b, clerk_b, title="柳树村的事项")
    page = text_of(as_clerk_a.get(reverse("decisions_staff:list")))
    assert "鱼塘承包方案" in page
    assert "柳树村的事项" not in page
    assert "讨论中" in page and "公示中" in page


def test_a_clerk_opens_a_matter_with_an_amount_in_yuan(as_clerk_a, village_a):
    response = as_clerk_a.post(
        reverse("decisions_staff:new", args=[village_a.code]),
        {"title": "村集体鱼塘出租", "category": "collective_property", "amount": "12000.50"},
    )
    matter = Matter.objects.get()
    assert response["Location"] == reverse("decisions_staff:matter", args=[matter.pk])
    assert str(matter.amount) == "12000.50"


def test_an_amount_that_is_not_money_is_refused_with_a_message(as_clerk_a, village_a):
    response = as_clerk_a.post(
        reverse("decisions_staff:new", args=[village_a.code]),
        {"title": "鱼塘", "category": "collective_property", "amount": "一万"},
    )
    assert response.status_code == 200
    assert "数字" in text_of(response)
    assert not Matter.objects.exists()


def test_the_stage_form_shows_the_rule_that_will_judge_it(as_clerk_a, village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    for number in (1, 2):
        as_clerk_a.post(
            reverse("decisions_staff:record_stage", args=[matter.pk]),
            {
                "body": ["party_branch", "two_committees"][number - 1],
                "held_on": timezone.localdate().isoformat(),
                "eligible": "7",
                "present": "7",
                "votes_for": "7",
                "votes_against": "0",
                "abstentions": "0",
            },
        )
    page = text_of(as_clerk_a.get(reverse("decisions_staff:record_stage", args=[matter.pk])))
    assert "党员大会" in page
    assert "三分之二以上" in page


def test_a_meeting_without_quorum_is_recorded_as_not_passed_and_said_so(
    as_clerk_a, village_a, clerk_a
):
    matter = new_matter(village_a, clerk_a)
    response = as_clerk_a.post(
        reverse("decisions_staff:record_stage", args=[matter.pk]),
        {
            "body": "party_branch",
            "held_on": timezone.localdate().isoformat(),
            "eligible": "7",
            "present": "3",
            "votes_for": "3",
            "votes_against": "0",
            "abstentions": "0",
        },
        follow=True,
    )
    assert not Stage.objects.get().passed
    assert "未通过" in text_of(response)


def test_votes_beyond_those_present_are_refused_on_the_form(as_clerk_a, village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    response = as_clerk_a.post(
        reverse("decisions_staff:record_stage", args=[matter.pk]),
        {
            "body": "party_branch",
            "held_on": timezone.localdate().isoformat(),
            "eligible": "7",
            "present": "5",
            "votes_for": "6",
            "votes_against": "0",
            "abstentions": "0",
        },
    )
    assert response.status_code == 200
    assert "6" in text_of(response) and "5" in text_of(response)
    assert not Stage.objects.exists()


def test_the_clerk_prepares_the_resolution_and_lands_on_the_workspace_draft(
    as_clerk_a, village_a, clerk_a
):
    matter = discussed_matter(village_a, clerk_a)
    response = as_clerk_a.post(reverse("decisions_staff:prepare_resolution", args=[matter.pk]))
    matter.refresh_from_db()
    revision = matter.resolution.revisions.get()
    assert response["Location"] == reverse("workspace:revision", args=[revision.pk])


def test_the_matter_page_says_why_progress_cannot_be_recorded_yet(
    as_clerk_a, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    page = text_of(as_clerk_a.get(reverse("decisions_staff:matter", args=[matter.pk])))
    assert "公示期" in page


def test_the_supervisor_lists_an_objection_from_the_matter_page(
    as_supervisor_a, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    objection = objections.lodge_objection(matter=matter, text="补偿标准不清", ip="203.0.113.9")
    page = text_of(as_supervisor_a.get(reverse("decisions_staff:matter", args=[matter.pk])))
    assert reverse("decisions_staff:moderate", args=[objection.pk]) in page
    as_supervisor_a.post(
        reverse("decisions_staff:moderate", args=[objection.pk]), {"decision": "approve"}
    )
    assert matter.objections.listed().get() == objection


def test_progress_after_the_notice_period_shows_on_the_matter(
    as_clerk_a, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    with time_machine.travel(after_notice(matter)):
        as_clerk_a.force_login(clerk_a)  # days later: a staff session ends after idle minutes
        response = as_clerk_a.post(
            reverse("decisions_staff:record_progress", args=[matter.pk]),
            {
                "on": timezone.localdate().isoformat(),
                "description": "路基开挖",
                "percent": "20",
                "spent": "50000.00",
            },
            follow=True,
        )
    page = text_of(response)
    assert "路基开挖" in page and "20%" in page


def test_a_file_of_a_discussion_with_a_strange_stage_number_is_kept_on_the_matter(
    as_clerk_a, village_a, clerk_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    matter = new_matter(village_a, clerk_a)
    as_clerk_a.post(
        reverse("decisions_staff:add_file", args=[matter.pk]),
        {"file": SimpleUploadedFile("纪要.pdf", b"%PDF-1.4\n%%EOF\n"), "stage": "x"},
    )
    assert matter.files.get().stage is None


def test_the_list_costs_the_same_queries_however_many_matters_it_lists(
    as_clerk_a, village_a, clerk_a, django_assert_max_num_queries
):
    discussed_matter(village_a, clerk_a, title="第一件")
    with CaptureQueriesContext(connection) as one:
        as_clerk_a.get(reverse("decisions_staff:list"))
    for title in ("第二件", "第三件", "第四件"):
        discussed_matter(village_a, clerk_a, title=title)
    with django_assert_max_num_queries(len(one)):
        page = text_of(as_clerk_a.get(reverse("decisions_staff:list")))
    assert "第四件" in page


def test_the_list_shows_the_supervisor_which_matters_have_objections_to_moderate(
    as_supervisor_a, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    for text in ("占地补偿不清", "工程预算偏高"):
        objections.lodge_objection(matter=matter, text=text, ip="203.0.113.9")
    page = text_of(as_supervisor_a.get(reverse("decisions_staff:list")))
    assert "2条异议待审核" in page


def test_the_township_official_reads_a_matter_without_any_button_to_act(
    township_official, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    objection = objections.lodge_objection(matter=matter, text="补偿标准不清", ip="203.0.113.9")
    page = text_of(
        client_for(township_official).get(reverse("decisions_staff:matter", args=[matter.pk]))
    )
    assert "村道硬化工程" in page and "补偿标准不清" in page
    assert reverse("decisions_staff:moderate", args=[objection.pk]) not in page
    assert reverse("decisions_staff:answer", args=[objection.pk]) not in page
    assert reverse("decisions_staff:add_file", args=[matter.pk]) not in page
    assert reverse("decisions:matter", args=[village_a.code, matter.pk]) in page


def test_the_resolution_goes_through_the_workspace_to_public_notice(
    as_clerk_a, as_supervisor_a, village_a, clerk_a
):
    matter = discussed_matter(village_a, clerk_a)
    as_clerk_a.post(reverse("decisions_staff:prepare_resolution", args=[matter.pk]))
    matter.refresh_from_db()
    revision = matter.resolution.revisions.get()
    preview = text_of(as_supervisor_a.get(reverse("workspace:preview", args=[revision.pk])))
    assert "村民代表会议" in preview
    as_clerk_a.post(reverse("workspace:submit", args=[revision.pk]))
    sign_off_through_page(as_supervisor_a, revision, "程序合规，同意公开。")
    as_clerk_a.post(reverse("workspace:publish", args=[revision.pk]))
    matter.refresh_from_db()
    page = text_of(as_clerk_a.get(reverse("decisions_staff:matter", args=[matter.pk])))
    assert "公示中" in page and "公示期至" in page
