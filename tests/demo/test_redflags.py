"""The demo's red flags: an example of every rule, the worst village in 白沙乡, and the register
keeping identity numbers out of every page."""

import datetime
from collections import Counter

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from demo.places import FENGLIN, GAOPING, XINGHUA
from demo.services import load_demo
from disclosure.redflags.models import Cadre, Relative
from disclosure.redflags.rules import RULES
from disclosure.redflags.services import flags_for
from disclosure.regions.models import Region, Role

from ..conftest import ensure_default_chart

TODAY = datetime.date(2026, 5, 20)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo (red flags included) as loaded on TODAY, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("redflags_demo_media")):
            ensure_default_chart()
            load_demo(today=TODAY)
            villages = list(Region.objects.villages())
            yield {v.code: v for v in villages}, flags_for([v.pk for v in villages], TODAY)
        transaction.set_rollback(True)


def of(flags, village, rule=None):
    return [f for f in flags if f.village_id == village.pk and rule in (None, f.rule)]


def test_every_rule_has_an_example(db, demo):
    _villages, flags = demo
    assert {flag.rule for flag in flags} == set(RULES)


# The benefit rules have their examples in 桃源镇 (demo/benefit_checks.py), and so has the rise
# in three-public spending: 高坪村 has published nothing this year to compare with last year.
ELSEWHERE = {"benefit_payments", "benefit_recipients", "three_public_rose"}


def test_gaoping_has_the_most_flags_of_its_township_and_an_example_of_every_other_rule(db, demo):
    villages, flags = demo
    gaoping = villages[GAOPING.code]
    township = {v.pk for v in villages.values() if v.code[:9] == GAOPING.code[:9]}
    counts = Counter(flag.village_id for flag in flags if flag.village_id in township)
    assert counts.most_common(1)[0][0] == gaoping.pk
    assert {flag.rule for flag in of(flags, gaoping)} == set(RULES) - ELSEWHERE


def test_the_chairs_brother_is_a_strong_match_on_the_lease_and_weak_on_the_payment(db, demo):
    villages, flags = demo
    related = of(flags, villages[GAOPING.code], "related_party")
    assert sorted(flag.strong for flag in related) == [False, True]


def test_a_namesake_in_fenglin_is_only_a_weak_flag(db, demo):
    villages, flags = demo
    related = of(flags, villages[FENGLIN.code], "related_party")
    assert [flag.strong for flag in related] == [False]
    assert "同名" in related[0].explanation


def test_xinghuas_road_payments_are_linked_to_their_decision(db, demo):
    villages, flags = demo
    assert of(flags, villages[XINGHUA.code], "large_expenditure_without_decision") == []
    assert of(flags, villages[XINGHUA.code], "result_overdue") == []


def test_the_register_pages_show_identity_numbers_masked(db, demo, client):
    villages, _flags = demo
    official = Role.objects.get(region__code=GAOPING.code[:9] + "000", kind="township_official")
    client.force_login(official.user)
    page = client.get(reverse("redflags_staff:cadres", args=[GAOPING.code])).content.decode()
    numbers = [c.identity_number for c in Cadre.objects.filter(village__code=GAOPING.code)]
    numbers += [r.identity_number for r in Relative.objects.filter(village__code=GAOPING.code)]
    assert all(number and number not in page for number in numbers)
    assert all(number[:4] + "**********" + number[-4:] in page for number in numbers)


def test_xinghua_spent_more_on_receptions_and_hired_cars_than_last_year(db, demo):
    villages, flags = demo
    rose = [flag.village_id for flag in flags if flag.rule == "three_public_rose"]
    assert rose == [villages[XINGHUA.code].pk]
