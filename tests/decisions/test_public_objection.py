"""A villager objects to a resolution in public notice, from the matter page, without an account."""

import pytest
import time_machine

from disclosure.decisions.models import Objection, ObjectionStatus
from disclosure.decisions.states import notice_ends_at
from disclosure.web.addresses import keyed
from disclosure.web.models import Attempt

from .builders import resolved_matter


@pytest.fixture
def matter(village_a, clerk_a, supervisor_a):
    return resolved_matter(village_a, clerk_a, supervisor_a)


def object_to(client, matter, **data):
    url = f"/v/{matter.village.code}/decisions/{matter.pk}/objections/"
    return client.post(url, {"name": "", "text": "", "website": "", **data}, follow=True)


def test_an_objection_is_received_and_waits_for_the_committee(client, matter):
    response = object_to(
        client, matter, name="二组 张大爷", text="路线经过我家承包地，未征求意见。"
    )

    page = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("?objection=received#objections")
    assert "您的异议已收到，经村务监督委员会审核后将在此公开。" in page
    assert "路线经过我家承包地" not in page
    objection = Objection.objects.get()
    assert objection.status == ObjectionStatus.PENDING
    assert objection.name == "二组 张大爷"
    assert "127.0.0.1" not in str(Objection.objects.values().get())
    assert Attempt.objects.get().key == keyed("127.0.0.1")


def test_a_name_is_not_needed(client, matter):
    object_to(client, matter, text="建议公开施工单位的选定方式。")

    assert Objection.objects.get().name == ""


def test_an_empty_objection_is_refused_with_a_message(client, matter):
    response = object_to(client, matter, text="   ")

    assert response.status_code == 400
    assert "请填写异议内容。" in response.content.decode()
    assert not Objection.objects.exists()


def test_an_objection_too_long_is_refused_and_the_text_is_kept(client, matter):
    response = object_to(client, matter, text="长" * 2001)

    page = response.content.decode()
    assert response.status_code == 400
    assert "2000" in page
    assert "长" * 2001 in page
    assert not Objection.objects.exists()


def test_a_filled_trap_field_saves_nothing_and_tells_the_program_nothing(client, matter):
    response = object_to(client, matter, text="广告内容", website="http://spam.example")

    assert response.redirect_chain[-1][0].endswith("?objection=received#objections")
    assert not Objection.objects.exists()


def test_after_the_notice_period_no_objection_is_taken(client, matter):
    with time_machine.travel(notice_ends_at(matter), tick=False):
        response = object_to(client, matter, text="公示期已过才看到。")

    assert response.status_code == 400
    assert "公示期内" in response.content.decode()
    assert not Objection.objects.exists()


def test_too_many_objections_from_one_network_are_refused(client, matter, settings):
    settings.DECISIONS_OBJECTIONS_PER_HOUR = 2
    object_to(client, matter, text="第一条")
    object_to(client, matter, text="第二条")

    response = object_to(client, matter, text="第三条")

    assert response.status_code == 400
    assert Objection.objects.count() == 2


def test_a_matter_not_in_notice_shows_no_form_and_refuses_a_post(
    client, village_a, clerk_a, supervisor_a
):
    from .builders import discussed_matter

    matter = discussed_matter(village_a, clerk_a)

    page = client.get(f"/v/{village_a.code}/decisions/{matter.pk}/").content.decode()
    response = object_to(client, matter, text="还在讨论中")

    assert "提交异议" not in page
    assert response.status_code == 400
    assert not Objection.objects.exists()


def test_the_objection_address_takes_only_posts(client, matter):
    url = f"/v/{matter.village.code}/decisions/{matter.pk}/objections/"

    assert client.get(url).status_code == 405


def test_the_page_with_the_form_is_not_kept_by_shared_caches(client, matter):
    response = client.get(f"/v/{matter.village.code}/decisions/{matter.pk}/")

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
