"""The public API of major matters: only what the portal shows, read-only, for anyone."""

import pytest
from rest_framework.test import APIClient

from disclosure.decisions import objections, services

from .builders import figures, new_matter, resolved_matter
from .journeys import finished_matter

MATTERS = "/api/v1/decisions/matters/"
STAGES = "/api/v1/decisions/stages/"


@pytest.fixture
def api():
    return APIClient()


def test_matters_are_listed_with_their_state_and_disclosures(api, village_a, clerk_a, supervisor_a):
    matter = finished_matter(village_a, clerk_a, supervisor_a)

    body = api.get(MATTERS).json()

    assert body["count"] == 1
    listed = body["results"][0]
    assert listed["title"] == "村道硬化工程"
    assert listed["village"] == village_a.code
    assert listed["amount"] == "380000.00"
    assert listed["state"] == "result_disclosed"
    assert listed["resolution"]["digest"] == matter.resolution.current.digest
    assert listed["result"]["code"] == matter.result.code
    assert listed["page"].endswith(f"/v/{village_a.code}/decisions/{matter.pk}/")


def test_a_matter_carries_its_whole_timeline(api, village_a, clerk_a, supervisor_a):
    matter = finished_matter(village_a, clerk_a, supervisor_a)

    body = api.get(f"{MATTERS}{matter.pk}/").json()

    assert [stage["number"] for stage in body["stages"]] == [1, 2, 3, 4]
    assert body["stages"][3]["present"] == 9
    assert body["stages"][3]["passed"] is True
    assert [update["percent"] for update in body["progress"]] == [40, 100]
    assert body["progress"][0]["spent"] == "150000.00"
    assert {photo["phase"] for photo in body["progress"][0]["photos"]} == {"before", "during"}
    assert body["progress"][0]["links"][0]["reference"] == "HT-2025-007"
    assert body["result_figures"]["final_cost"] == "371500.00"
    assert body["result_figures"]["resolved_amount"] == "380000.00"


def test_only_listed_objections_are_given_with_their_answers(api, village_a, clerk_a, supervisor_a):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    listed = objections.lodge_objection(matter=matter, text="请公开施工单位。", name="张三")
    objections.moderate_objection(objection=listed, approve=True, by=supervisor_a)
    objections.answer_objection(objection=listed, text="将公开招标。", by=clerk_a)
    objections.lodge_objection(matter=matter, text="待审核", ip="10.0.0.9")

    body = api.get(f"{MATTERS}{matter.pk}/").json()

    assert body["objections"] == [
        {
            "name": "张*",
            "text": "请公开施工单位。",
            "lodged_at": body["objections"][0]["lodged_at"],
            "answer": "将公开招标。",
            "answered_by_name": "王会计",
            "answered_at": body["objections"][0]["answered_at"],
        }
    ]
    assert "10.0.0.9" not in str(body)


def test_a_matter_in_discussion_gives_no_figures(api, village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    services.record_stage(matter=matter, figures=figures(1), minutes="内部记录", by=clerk_a)
    new_matter(village_a, clerk_a, title="尚未提议")

    listed = api.get(MATTERS).json()["results"]
    detail = api.get(f"{MATTERS}{matter.pk}/").json()

    assert [entry["title"] for entry in listed] == ["村道硬化工程"]
    assert listed[0]["state"] == "in_discussion"
    assert listed[0]["resolution"] is None
    assert detail["stages"] == []
    assert api.get(STAGES).json()["count"] == 0


def test_stages_are_those_the_current_resolution_publishes(
    api, village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    resolved_matter(village_b, clerk_b, supervisor_b)

    every = api.get(STAGES).json()
    mine = api.get(STAGES, {"village": village_a.code}).json()

    assert every["count"] == 8
    assert mine["count"] == 4
    assert {stage["matter"] for stage in mine["results"]} == {matter.pk}
    assert mine["results"][0]["digest"] == matter.resolution.current.digest
    assert mine["results"][0]["body_label"]


def test_matters_are_filtered_by_village(
    api, village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    resolved_matter(village_a, clerk_a, supervisor_a)
    resolved_matter(village_b, clerk_b, supervisor_b, title="柳树村的事项")

    body = api.get(MATTERS, {"village": village_b.code}).json()

    assert [entry["title"] for entry in body["results"]] == ["柳树村的事项"]


def test_nothing_can_be_written_and_unknown_matters_are_not_found(
    api, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    api.force_login(clerk_a)

    assert api.post(MATTERS, {"title": "新事项"}).status_code in (403, 405)
    assert api.delete(f"{MATTERS}{matter.pk}/").status_code in (403, 405)
    assert api.get(f"{MATTERS}99999999999/").status_code == 404
    assert api.get(f"{MATTERS}abc/").status_code == 404


def test_the_list_reads_a_fixed_number_of_queries(
    api, village_a, clerk_a, supervisor_a, django_assert_max_num_queries
):
    for number in range(3):
        resolved_matter(village_a, clerk_a, supervisor_a, title=f"第{number}项事项")

    with django_assert_max_num_queries(3):
        assert api.get(MATTERS).json()["count"] == 3
