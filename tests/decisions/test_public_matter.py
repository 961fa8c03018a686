"""The matter page: a villager follows one major matter from proposal to result on a phone."""

from datetime import timedelta

import time_machine

from disclosure.decisions import objections, services
from disclosure.decisions.models import Body
from disclosure.decisions.states import notice_ends_at
from disclosure.publishing import services as publishing
from disclosure.publishing.models import Revision

from ..factories import signed_off, withdrawn
from .builders import after_notice, figures, new_matter, resolved_matter
from .journeys import finished_matter, report, started_matter


def page_of(matter) -> str:
    return f"/v/{matter.village.code}/decisions/{matter.pk}/"


def read(client, matter) -> str:
    response = client.get(page_of(matter))
    assert response.status_code == 200
    return response.content.decode()


def test_each_discussion_shows_its_date_attendance_votes_and_outcome(
    client, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)

    page = read(client, matter)

    assert "村道硬化工程" in page
    assert "380,000.00元" in page
    for name in ("第一议：党支部会提议", "第二议：“两委”会商议", "第三议：党员大会审议"):
        assert name in page
    assert "第四议：村民代表会议或村民会议决议" in page
    assert page.count("应到9人，实到9人") == 4
    assert page.count("表决：赞成9票，反对0票，弃权0票") == 4
    for stage in matter.stages.all():
        assert stage.outcome in page


def test_a_meeting_of_household_representatives_shows_households(
    client, village_a, clerk_a, supervisor_a
):
    matter = new_matter(village_a, clerk_a)
    for number in range(1, 4):
        services.record_stage(matter=matter, figures=figures(number), minutes="", by=clerk_a)
    households = figures(4, body=Body.HOUSEHOLDS, eligible=300, present=210, votes_for=160)
    services.record_stage(matter=matter, figures=households, minutes="", by=clerk_a)
    revision = services.prepare_resolution(matter=matter, by=clerk_a)
    publishing.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)

    page = read(client, matter)

    assert "应到300户，实到210户" in page
    assert page.count("应到9人，实到9人") == 3


def test_a_failed_attempt_stays_beside_the_attempt_that_passed(
    client, village_a, clerk_a, supervisor_a
):
    matter = new_matter(village_a, clerk_a)
    for number in (1, 2, 3):
        services.record_stage(matter=matter, figures=figures(number), by=clerk_a)
    services.record_stage(
        matter=matter, figures=figures(4, eligible=36, present=22, votes_for=20), by=clerk_a
    )
    services.record_stage(
        matter=matter, figures=figures(4, eligible=36, present=33, votes_for=30), by=clerk_a
    )
    revision = services.prepare_resolution(matter=matter, by=clerk_a)
    publishing.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    failed = matter.stages.get(number=4, attempt=1)

    page = read(client, matter)

    assert not failed.passed
    assert "应到36人，实到22人" in page
    assert failed.outcome in page
    assert 'class="outcome failed"' in page
    assert "第四议：村民代表会议或村民会议决议 · 第2次" in page
    assert "应到36人，实到33人" in page


def test_the_countdown_shows_the_days_and_hours_left(client, village_a, clerk_a, supervisor_a):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    published = matter.resolution.first_published_at

    with time_machine.travel(published + timedelta(days=2, hours=5, minutes=30), tick=False):
        page = read(client, matter)

    # 4 days 18 hours 30 minutes are left: the part of an hour counts as an hour.
    assert "公示期剩余4天19小时" in page
    assert "提交异议" in page


def test_once_the_notice_ends_the_countdown_and_the_form_are_gone(
    client, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)

    with time_machine.travel(notice_ends_at(matter), tick=False):
        page = read(client, matter)

    assert "公示期剩余" not in page
    assert "提交异议" not in page
    assert "公示期已于" in page


def test_only_objections_the_committee_listed_are_shown_with_their_answers(
    client, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    listed = objections.lodge_objection(matter=matter, text="路面应加宽到5米。", name="二组村民")
    objections.moderate_objection(objection=listed, approve=True, by=supervisor_a)
    objections.answer_objection(objection=listed, text="受用地限制，宽度维持4.5米。", by=clerk_a)
    rejected = objections.lodge_objection(matter=matter, text="与本事项无关的谩骂")
    objections.moderate_objection(objection=rejected, approve=False, by=supervisor_a)
    objections.lodge_objection(matter=matter, text="尚待审核的异议")

    page = read(client, matter)

    assert "二*" in page and "二组村民" not in page
    assert "路面应加宽到5米。" in page
    assert "王会计于" in page
    assert "受用地限制，宽度维持4.5米。" in page
    assert "与本事项无关的谩骂" not in page
    assert "尚待审核的异议" not in page


def test_progress_shows_photos_before_and_during_and_the_money_spent(
    client, village_a, clerk_a, supervisor_a
):
    matter = started_matter(village_a, clerk_a, supervisor_a)

    page = read(client, matter)

    assert "累计支出150,000.00元" in page
    assert "路基平整完成，开始浇筑路面。" in page
    assert "施工前.jpg" in page and "施工中.jpg" in page
    assert "HT-2025-007" in page
    assert 'value="40"' in page
    photo = matter.files.get(filename="施工前.jpg")
    assert client.get(f"/decisions/photos/{photo.blob_id}/施工前.jpg").status_code == 200
    thumbnail = client.get(f"/decisions/thumbnails/{photo.thumbnail_id}.jpg")
    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/jpeg"


def test_the_result_shows_the_final_cost_against_the_amount_resolved(
    client, village_a, clerk_a, supervisor_a
):
    matter = finished_matter(village_a, clerk_a, supervisor_a)

    page = read(client, matter)

    assert "最终费用" in page
    assert "371,500.00元" in page
    assert "比决议金额少8,500.00元（2.2%）" in page
    assert "镇农经站、村务监督委员会" in page
    assert "工程质量合格，同意验收。" in page
    assert "结果已公开" in page


def test_every_published_revision_is_listed_with_its_digest(
    client, village_a, clerk_a, supervisor_a
):
    matter = finished_matter(village_a, clerk_a, supervisor_a)

    page = read(client, matter)

    revisions = Revision.objects.published().filter(posting__in=[matter.resolution, matter.result])
    assert revisions.count() == 2
    for revision in revisions:
        assert revision.digest in page
        assert f'href="/p/{revision.posting.code}/1/"' in page


def test_a_result_not_disclosed_in_time_is_marked_overdue(client, village_a, clerk_a, supervisor_a):
    matter = finished_matter(village_a, clerk_a, supervisor_a, publish_result=False)

    with time_machine.travel(after_notice(matter) + timedelta(days=45), tick=False):
        page = read(client, matter)

    assert "结果逾期未公开" in page
    assert "未按要求" in page


def test_a_matter_in_discussion_shows_no_figures_before_they_are_signed_off(
    client, village_a, clerk_a
):
    matter = new_matter(village_a, clerk_a)
    services.record_stage(matter=matter, figures=figures(1), minutes="内部会议记录", by=clerk_a)

    page = read(client, matter)

    assert "村道硬化工程" in page
    assert "讨论中" in page
    assert "内部会议记录" not in page
    assert "实到" not in page
    assert "提交异议" not in page


def test_a_matter_nobody_has_proposed_yet_or_of_another_village_is_not_found(
    client, village_a, village_b, clerk_a, supervisor_a
):
    unproposed = new_matter(village_a, clerk_a)
    matter = resolved_matter(village_a, clerk_a, supervisor_a)

    assert client.get(page_of(unproposed)).status_code == 404
    assert client.get(f"/v/{village_b.code}/decisions/{matter.pk}/").status_code == 404
    assert client.get(f"/v/{village_a.code}/decisions/99999999999/").status_code == 404


def test_a_photo_is_served_only_under_its_own_name_and_digest(
    client, village_a, clerk_a, supervisor_a
):
    matter = started_matter(village_a, clerk_a, supervisor_a)
    photo = matter.files.get(filename="施工前.jpg")

    assert client.get(f"/decisions/photos/{photo.blob_id}/别的名字.jpg").status_code == 404
    assert client.get(f"/decisions/photos/{'0' * 64}/施工前.jpg").status_code == 404
    assert client.get(f"/decisions/thumbnails/{photo.blob_id}.jpg").status_code == 404


def test_the_page_reads_the_same_number_of_queries_however_long_the_work(
    client, village_a, clerk_a, supervisor_a, django_assert_max_num_queries
):
    matter = started_matter(village_a, clerk_a, supervisor_a)
    # One of them reads the count of changes that keys the page cache.
    with django_assert_max_num_queries(13) as short:
        read(client, matter)
    with time_machine.travel(after_notice(matter) + timedelta(days=1)):
        for percent in (50, 60, 70):
            report(
                matter,
                clerk_a,
                percent=percent,
                spent=None,
                text=f"完成{percent}%",
                photos=[("during", f"施工{percent}.jpg")],
            )

    with django_assert_max_num_queries(len(short.captured_queries)):
        read(client, matter)


def test_a_withdrawn_resolution_leaves_its_notice_and_no_figures(
    client, village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    withdrawn(matter.resolution, clerk_a, supervisor_a, reason="第三议日期有误，重新召开。")

    page = read(client, matter)

    assert "决议公开已撤回" in page
    assert f'href="/p/{matter.resolution.code}/"' in page
    assert "应到9人" not in page
    assert "提交异议" not in page


def test_the_page_reads_in_english_after_the_switch(client, village_a, clerk_a, supervisor_a):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    client.get("/language/en/")

    page = read(client, matter)

    assert "Public notice: 7 days 0 hours left" in page
    assert "Discussion 4: the villagers&#x27; (representative) meeting resolves" in page
    assert "380,000.00 yuan" in page
