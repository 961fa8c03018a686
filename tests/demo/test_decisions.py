"""The demo's major matters: each told through the services, visible as villagers would see it."""

from disclosure.decisions.models import Body, Matter, ObjectionStatus, Phase
from disclosure.decisions.states import MatterState, state_of
from disclosure.publishing.chain import first_mismatch
from disclosure.regions.models import Region


def matter_titled(title: str) -> Matter:
    return Matter.objects.get(title=title)


def page_of(client, matter) -> str:
    response = client.get(f"/v/{matter.village.code}/decisions/{matter.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_road_was_hardened_from_proposal_to_result(db, demo_county, client):
    road = matter_titled("石桥村二组至三组村道硬化工程")
    updates = list(road.progress.order_by("on"))
    row = road.result.current.decision_results.get()

    assert state_of(road) == MatterState.RESULT_DISCLOSED
    assert [stage.passed for stage in road.stages.all()] == [True] * 4
    assert updates[-1].percent == 100
    assert updates[-1].spent == row.final_cost
    assert {photo.phase for photo in road.files.all()} == set(Phase.values)
    assert row.final_cost < row.resolved_amount
    page = page_of(client, road)
    assert "比决议金额少7,640.00元（1.8%）" in page
    assert "完工后村道.jpg" in page


def test_the_land_lease_passed_the_representative_meeting_and_is_in_public_notice(
    db, demo_county, client
):
    lease = matter_titled("龙泉村集体荒山出租方案")

    assert lease.stages.get(number=4).body == Body.REPRESENTATIVES
    assert state_of(lease) == MatterState.IN_NOTICE
    page = page_of(client, lease)
    assert "公示期剩余" in page
    assert "提交异议" in page


def test_a_matter_lacked_a_quorum_at_first_and_passed_at_the_second_attempt(
    db, demo_county, client
):
    square = matter_titled("枫林村文化广场建设项目")
    first, second = square.stages.filter(number=4).order_by("attempt")

    assert (first.attempt, first.passed) == (1, False)
    assert (second.attempt, second.passed) == (2, True)
    published = square.resolution.current.decision_stages.filter(number=4)
    assert published.count() == 2
    assert first.outcome in page_of(client, square)


def test_a_disputed_matter_shows_the_listed_objections_and_their_answers(db, demo_county, client):
    disputed = matter_titled("高坪村土地征收补偿款分配方案")
    listed = disputed.objections.listed()
    rejected = disputed.objections.get(status=ObjectionStatus.REJECTED)

    assert listed.count() == 2
    assert all(objection.answer for objection in listed)
    page = page_of(client, disputed)
    assert all(objection.answer in page for objection in listed)
    assert rejected.text not in page


def test_the_matters_are_listed_by_state_in_their_villages(db, demo_county, client):
    for matter in Matter.objects.all():
        listing = client.get(f"/v/{matter.village.code}/decisions/").content.decode()
        assert matter.title in listing


def test_every_chain_still_verifies(db, demo_county):
    for village in Region.objects.within(demo_county).villages():
        assert first_mismatch(village) is None, village.name
