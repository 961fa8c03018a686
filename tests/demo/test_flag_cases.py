"""The demo's flags as a township official finds them: one closed with a published conclusion,
one whose rectification is overdue, a namesake dismissed, the rest open since first seen."""

import datetime

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from demo.flag_cases import FIRST_SEEN_DAYS_AGO
from demo.places import BAISHA, FENGLIN, GAOPING, LIUWAN
from demo.services import load_demo
from disclosure.publishing import verification
from disclosure.redflags.models import CaseStatus, Conclusion, FlagCase
from disclosure.regions.models import Region, Role

from ..conftest import ensure_default_chart

TODAY = datetime.date(2026, 5, 20)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("flag_cases_demo_media")):
            ensure_default_chart()
            load_demo(today=TODAY)
            yield {v.code: v for v in Region.objects.villages()}
        transaction.set_rollback(True)


def record_problems(village) -> list:
    """What verify_chain finds wrong with the village's conclusions on flags (each test has
    media of its own, so the demo's stored files are not there to check)."""
    problems = verification.village_problems(village)
    return [p for p in problems if p.record is not None and p.record[0] == "flag_conclusion"]


def case_of(village, rule, **more):
    """The village's first case of the rule, the one the demo deals with."""
    return FlagCase.objects.filter(village=village, rule=rule, **more).order_by("pk").first()


def test_every_flag_has_a_case_first_seen_forty_days_ago(db, demo):
    first_seen = set(FlagCase.objects.values_list("first_seen_on", flat=True))
    assert first_seen == {TODAY - datetime.timedelta(days=FIRST_SEEN_DAYS_AGO)}
    assert FlagCase.objects.filter(status=CaseStatus.OPEN).exists()


def test_liuwans_lease_was_put_to_tender_and_the_conclusion_is_public(db, demo, client):
    case = case_of(demo[LIUWAN.code], "contract_without_competition")
    assert case.status == CaseStatus.CLOSED
    assert [step.status for step in case.steps.all()] == [
        CaseStatus.ACKNOWLEDGED,
        CaseStatus.RECTIFYING,
        CaseStatus.RECTIFIED,
        CaseStatus.CLOSED,
    ]
    page = client.get(reverse("portal:posting", args=[case.posting.code])).content.decode()
    assert "整改到位" in page
    assert record_problems(demo[LIUWAN.code]) == []


def test_gaopings_rectification_is_overdue(db, demo):
    case = case_of(demo[GAOPING.code], "related_party", strong=True)
    assert case.status == CaseStatus.RECTIFYING and case.overdue_on(TODAY)


def test_fenglins_namesake_was_dismissed_in_the_open(db, demo):
    case = case_of(demo[FENGLIN.code], "related_party")
    assert case.status == CaseStatus.DISMISSED
    assert Conclusion.objects.filter(case=case, outcome=CaseStatus.DISMISSED).exists()
    assert record_problems(demo[FENGLIN.code]) == []


def test_the_baisha_official_finds_the_overdue_flag_on_the_start_page(db, demo, client):
    official = Role.objects.get(region__code=BAISHA.code, kind="township_official").user
    client.force_login(official)
    page = client.get(reverse("redflags_staff:index")).content.decode()
    assert "Under rectification" in page or "整改中" in page
    case = case_of(demo[GAOPING.code], "related_party", strong=True)
    detail = client.get(reverse("redflags_staff:case", args=[case.pk])).content.decode()
    assert "整改已逾期" in detail or "rectification overdue" in detail
