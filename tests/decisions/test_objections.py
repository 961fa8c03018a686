"""Objections during the notice period: lodged by anyone, moderated, answered."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from disclosure.decisions import objections
from disclosure.decisions.models import Objection, ObjectionStatus
from disclosure.decisions.states import notice_ends_at

from .builders import discussed_matter, resolved_matter

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def matter(village_a, clerk_a, supervisor_a):
    return resolved_matter(village_a, clerk_a, supervisor_a)


def lodge(matter, text="修路占用了我家承包地，补偿标准没有说明。", ip="203.0.113.5", name=""):
    return objections.lodge_objection(matter=matter, text=text, name=name, ip=ip)


def test_a_villager_objects_without_an_account_and_waits_for_moderation(matter):
    objection = lodge(matter, name="张三")
    assert objection.status == ObjectionStatus.PENDING
    assert objection.name == "张三"
    assert not matter.objections.listed().exists()


def test_a_phone_number_in_an_objection_is_masked(matter):
    objection = lodge(matter, text="请联系我13812345678")
    assert "13812345678" not in objection.text


def test_an_empty_objection_is_refused(matter):
    with pytest.raises(ValidationError):
        lodge(matter, text="   ")


def test_an_overlong_objection_is_refused(matter):
    with pytest.raises(ValidationError, match="2000"):
        lodge(matter, text="异" * 2001)
    lodge(matter, text="异" * 2000)


def test_objections_before_the_resolution_is_published_are_refused(village_a, clerk_a):
    matter = discussed_matter(village_a, clerk_a)
    with pytest.raises(ValidationError, match="public notice"):
        lodge(matter)


def test_objections_after_the_notice_period_are_refused(matter):
    with time_machine.travel(notice_ends_at(matter)):
        with pytest.raises(ValidationError, match="public notice"):
            lodge(matter)


def test_one_address_may_object_five_times_an_hour(matter):
    for _ in range(5):
        lodge(matter)
    with pytest.raises(ValidationError, match="Too many"):
        lodge(matter)
    lodge(matter, ip="203.0.113.6")
    with time_machine.travel(timezone.now() + timedelta(hours=1, seconds=1)):
        lodge(matter)
    assert Objection.objects.count() == 7


def test_the_supervisor_lists_an_objection(matter, supervisor_a):
    objection = objections.moderate_objection(
        objection=lodge(matter), approve=True, by=supervisor_a
    )
    assert objection.status == ObjectionStatus.APPROVED
    assert list(matter.objections.listed()) == [objection]


def test_the_supervisor_rejects_an_abusive_objection(matter, supervisor_a):
    objection = objections.moderate_objection(
        objection=lodge(matter), approve=False, by=supervisor_a
    )
    assert not matter.objections.listed().exists()
    with pytest.raises(ValidationError):
        objections.moderate_objection(objection=objection, approve=True, by=supervisor_a)


@pytest.mark.parametrize(
    "person", ["clerk_a", "supervisor_b", "township_official", "administrator"]
)
def test_only_the_village_supervisor_moderates(matter, person, request):
    with pytest.raises(PermissionDenied):
        objections.moderate_objection(
            objection=lodge(matter), approve=True, by=request.getfixturevalue(person)
        )


@pytest.mark.parametrize("person", ["clerk_a", "supervisor_a"])
def test_the_clerk_or_the_supervisor_answers_a_listed_objection(
    matter, supervisor_a, person, request
):
    objection = objections.moderate_objection(
        objection=lodge(matter), approve=True, by=supervisor_a
    )
    by = request.getfixturevalue(person)
    answered = objections.answer_objection(objection=objection, text="占地按县标准补偿。", by=by)
    assert answered.answer == "占地按县标准补偿。"
    assert answered.answered_by_name == by.public_name


@pytest.mark.parametrize("person", ["clerk_b", "township_official"])
def test_others_do_not_answer(matter, supervisor_a, person, request):
    objection = objections.moderate_objection(
        objection=lodge(matter), approve=True, by=supervisor_a
    )
    with pytest.raises(PermissionDenied):
        objections.answer_objection(
            objection=objection, text="答复", by=request.getfixturevalue(person)
        )


def test_an_unlisted_objection_is_not_answered(matter, clerk_a):
    with pytest.raises(ValidationError):
        objections.answer_objection(objection=lodge(matter), text="答复", by=clerk_a)


def test_an_answer_is_given_once(matter, clerk_a, supervisor_a):
    objection = objections.moderate_objection(
        objection=lodge(matter), approve=True, by=supervisor_a
    )
    objections.answer_objection(objection=objection, text="第一次答复", by=clerk_a)
    with pytest.raises(ValidationError):
        objections.answer_objection(objection=objection, text="改口", by=clerk_a)
    objection.refresh_from_db()
    assert objection.answer == "第一次答复"
