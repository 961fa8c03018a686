"""A township's order to correct: who may give it, the public note, its closing, mail and tasks."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from disclosure.oversight import orders
from disclosure.oversight.models import CorrectionOrder
from disclosure.publishing import services as publishing
from disclosure.publishing.models import AuditEntry, ChangeCount
from disclosure.publishing.tasks import tasks_for

from ..clock import minutes_later
from ..factories import draft_posting, published_posting, signed_off, withdrawn
from ..records import appended_by, logs, problems, tamper

pytestmark = pytest.mark.usefixtures("english")

REASON = "公告中的中标金额与合同不一致，请核实后更正。"


@pytest.fixture
def notice(village_a, clerk_a, supervisor_a):
    return published_posting(village_a, clerk_a, supervisor_a).posting


def order(notice, by, reason=REASON):
    return orders.order_correction(posting=notice, reason=reason, by=by, ip="192.0.2.1")


def publish_correction(posting, clerk, supervisor, minutes=5):
    with minutes_later(minutes):
        revision = publishing.start_correction(
            posting=posting, by=clerk, reason="按乡镇要求更正金额。"
        )
        return publishing.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)


def test_a_township_official_orders_a_correction_and_it_is_audited(notice, township_official):
    given = order(notice, township_official)
    assert (given.village, given.ordered_by_name, given.reason) == (
        notice.village,
        "孙干部",
        REASON,
    )
    entry = AuditEntry.objects.get(action="correction.order")
    assert (entry.user, entry.target, entry.detail["reason"]) == (
        township_official,
        notice.code,
        REASON,
    )


@pytest.mark.parametrize(
    "person",
    [
        "clerk_a",
        "supervisor_a",
        "clerk_b",
        "other_township_official",
        "report_handler",
        "village_report_handler",
        "administrator",
    ],
)
def test_nobody_else_may_order_a_correction(notice, person, request):
    with pytest.raises(PermissionDenied):
        order(notice, request.getfixturevalue(person))
    assert not CorrectionOrder.objects.exists()


def test_only_a_published_posting_can_be_ordered_corrected(
    village_a, clerk_a, supervisor_a, township_official
):
    draft = draft_posting(village_a, clerk_a).posting
    with pytest.raises(ValidationError, match="Only a published posting"):
        order(draft, township_official)
    published = published_posting(village_a, clerk_a, supervisor_a).posting
    withdrawn(published, clerk_a, supervisor_a, reason="重复发布。")
    with pytest.raises(ValidationError, match="Only a published posting"):
        order(published, township_official)
    assert not CorrectionOrder.objects.exists()


def test_an_order_needs_a_reason_of_reasonable_length(notice, township_official):
    with pytest.raises(ValidationError, match="Say what must be corrected"):
        order(notice, township_official, reason="   ")
    with pytest.raises(ValidationError, match="At most 1000"):
        order(notice, township_official, reason="错" * 1001)
    assert not CorrectionOrder.objects.exists()


def test_personal_data_in_the_reason_is_masked(notice, township_official):
    given = order(
        notice, township_official, reason="请删除身份证号320102199001011234和电话13812345678"
    )
    assert "320102199001011234" not in given.reason
    assert "13812345678" not in given.reason


def test_a_second_order_waits_for_the_first_to_be_carried_out(
    notice, township_official, clerk_a, supervisor_a
):
    order(notice, township_official)
    with pytest.raises(ValidationError, match="already has a correction order"):
        order(notice, township_official, reason="另一处错误")
    publish_correction(notice, clerk_a, supervisor_a)
    with minutes_later(10):
        assert order(notice, township_official, reason="另一处错误")


def test_an_order_closes_when_a_correction_is_published_after_it(
    notice, township_official, clerk_a, supervisor_a
):
    given = order(notice, township_official)
    revision = publishing.start_correction(posting=notice, by=clerk_a, reason="更正金额。")
    (found,) = orders.orders_of(notice)
    assert found.is_open, "a correction still in draft does not carry out the order"
    with minutes_later(5):
        publishing.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    (found,) = orders.orders_of(notice)
    assert not found.is_open
    assert found.closed_by_number == 2
    assert found.closed_at >= given.ordered_at


def test_a_correction_published_before_the_order_does_not_close_it(
    notice, township_official, clerk_a, supervisor_a
):
    publish_correction(notice, clerk_a, supervisor_a)
    with minutes_later(10):
        order(notice, township_official)
        assert orders.orders_of(notice)[0].is_open


def test_a_withdrawal_also_closes_the_order(notice, township_official, clerk_a, supervisor_a):
    order(notice, township_official)
    with minutes_later(5):
        withdrawn(notice, clerk_a, supervisor_a, reason="内容有误，撤回。")
    (found,) = orders.orders_of(notice)
    assert not found.is_open and found.closed_by_withdrawal


def test_villagers_see_the_order_on_the_posting_until_it_is_corrected(
    client, notice, township_official, clerk_a, supervisor_a
):
    url = notice.get_absolute_url()
    assert "ordered a correction" not in client.get(url).content.decode()
    order(notice, township_official)
    page = client.get(url).content.decode()
    assert f"The township has ordered a correction: {REASON}" in page
    publish_correction(notice, clerk_a, supervisor_a)
    page = client.get(url).content.decode()
    assert "The township has ordered a correction" not in page
    assert "Corrected as the township required" in page


def test_an_order_drops_the_cached_pages_of_its_village(
    notice, township_official, django_capture_on_commit_callbacks
):
    before = ChangeCount.objects.filter(scope=notice.village_id).first()
    with django_capture_on_commit_callbacks(execute=True):
        order(notice, township_official)
    after = ChangeCount.objects.get(scope=notice.village_id)
    # The order and its leaf in the county's log each count.
    assert after.count > (before.count if before else 0)


def test_the_village_clerks_are_emailed(task_queue, notice, township_official, clerk_a, clerk_b):
    clerk_a.email, clerk_b.email = "clerk_a@example.cn", "clerk_b@example.cn"
    clerk_a.save()
    clerk_b.save()
    order(notice, township_official)
    task_queue.run()
    (message,) = mail.outbox
    assert message.to == ["clerk_a@example.cn"]
    assert REASON in message.body
    assert "清河村" in message.subject


def test_clerks_find_open_orders_on_their_start_page(
    notice, township_official, clerk_a, clerk_b, supervisor_a
):
    order(notice, township_official)
    (task,) = [t for t in tasks_for(clerk_a) if t.url == reverse("oversight_staff:orders")]
    assert (task.label, task.count) == ("Correction orders from the township", 1)
    assert not [t for t in tasks_for(clerk_b) if t.url == reverse("oversight_staff:orders")]
    publish_correction(notice, clerk_a, supervisor_a)
    assert not [t for t in tasks_for(clerk_a) if t.url == reverse("oversight_staff:orders")]


def test_the_workspace_posting_page_shows_the_order_and_the_way_to_give_one(
    client, notice, township_official, clerk_a
):
    revision_url = reverse("workspace:revision", args=[notice.current_id])
    order_url = reverse("oversight_staff:order", args=[notice.code])
    client.force_login(township_official)
    assert order_url in client.get(revision_url).content.decode()
    order(notice, township_official)
    page = client.get(revision_url).content.decode()
    assert REASON in page and order_url not in page
    client.force_login(clerk_a)
    page = client.get(revision_url).content.decode()
    assert REASON in page and "not yet corrected" in page and order_url not in page


def test_the_public_note_reads_as_the_township_writes_it_in_chinese(
    notice, township_official, clerk_a, supervisor_a
):
    villager = Client()  # no language chosen: the site's Chinese
    given = order(notice, township_official)
    day = timezone.localtime(given.ordered_at).date().isoformat()
    page = villager.get(notice.get_absolute_url()).content.decode()
    assert f"乡镇已责令更正：{REASON}（{day}）" in page
    publish_correction(notice, clerk_a, supervisor_a)
    page = villager.get(notice.get_absolute_url()).content.decode()
    assert "已按乡镇要求更正（" in page and "乡镇已责令更正" not in page


def test_an_order_is_a_public_record_appended_to_the_county_log(
    notice, township_official, village_a
):
    given, leaves = appended_by(village_a, lambda: order(notice, township_official))

    assert len(leaves) == 1
    assert logs(leaves[0], "correction_order", given)


def test_a_changed_reason_is_named_by_verify_chain(notice, township_official, village_a):
    given = order(notice, township_official)

    tamper("UPDATE oversight_correctionorder SET reason = '无' WHERE id = %s", [given.pk])

    assert problems(village_a) == [
        f"清河村 (990101001001): correction order {given.pk} on posting {notice.code}: what "
        "villagers read of it no longer matches its digest."
    ]
