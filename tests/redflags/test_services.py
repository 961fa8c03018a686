"""flags_for and flag_counts, as the township dashboard reads them: every village asked for,
a fixed number of queries whatever the number of villages, and only published data."""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from disclosure.benefits import disbursements
from disclosure.benefits.models import Disbursement
from disclosure.contracts import services as contracts
from disclosure.redflags import cadres
from disclosure.redflags.rules import RULES
from disclosure.redflags.services import flag_counts, flags_for

from ..benefits.conftest import identity, import_draft, publish
from ..benefits.test_reconciliation import payments_of
from .builders import contract, decided_by, finished_matter, ledger, purchase, spend

TODAY = datetime.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("english")


def troubles(village, clerk, supervisor, official):
    """One of several rules' flags in the village."""
    ledger(
        village,
        clerk,
        supervisor,
        [spend("68000.00"), spend("6000.00", day=2)] + [spend("6000.00", day=9)],
    )
    # More spent on receptions in the first quarter of 2026 than in that of 2025 (nothing).
    meal = spend("800.00", summary="接待检查组工作餐")
    ledger(village, clerk, supervisor, [replace(meal, hospitality=True)], year=2026)
    purchase(village, clerk, supervisor, "150000.00", "direct_award")
    one_bid = [("青山建筑队", Decimal("60000.00"), True)]
    auctioned = purchase(village, clerk, supervisor, "60000.00", "auction", bids=one_bid)
    contracts.record_payment(
        posting=auctioned.posting,
        paid_on=datetime.date(2024, 7, 1),
        amount=Decimal("60500.00"),
        by=clerk,
    )
    contract(village, clerk, supervisor, identity_number="320102199001011232")
    chair = cadres.add_cadre(
        village=village,
        name="张主任",
        position="村委会主任",
        started_on=datetime.date(2020, 1, 1),
        by=official,
    )
    cadres.add_relative(cadre=chair, name="王建国", relation="spouse", by=official)
    bids = [("青山建筑队", Decimal("90000.00"), True), ("王建国", Decimal("93000.00"), False)]
    purchase(village, clerk, supervisor, "90000.00", "public_bidding", bids=bids)
    cadres.add_relative(cadre=chair, name="王秀英", relation="sibling", by=official)
    contract(village, clerk, supervisor, matter=decided_by(village, clerk, present=10))
    finished_matter(village, clerk, supervisor)
    benefits_unpaid(village, clerk, supervisor, official)


def benefits_unpaid(village, clerk, supervisor, official):
    """A published benefit list, and the township's one 一卡通 file, which pays none of it."""
    publish(import_draft(village, clerk), clerk, supervisor)
    if Disbursement.objects.filter(township=village.parent).exists():
        return
    today = timezone.localdate()
    stranger = (
        f"清河村,钱多多,{identity('99010119900101004')},6230000000000000099,,800,{today},低保"
    )
    disbursements.import_disbursement(
        township=village.parent,
        filename="一卡通.csv",
        payments=payments_of(village.parent, [stranger]),
        lists_from=today - datetime.timedelta(days=1),
        lists_to=today + datetime.timedelta(days=1),
        by=official,
    )


def test_every_village_asked_for_has_a_count(village_a, village_b, village_c):
    counts = flag_counts([village_a.pk, village_b.pk, village_c.pk], TODAY)
    assert set(counts) == {village_a.pk, village_b.pk, village_c.pk}
    assert flag_counts([], TODAY) == {}


def test_counts_are_the_flags_of_each_village(
    village_a, village_b, clerk_a, supervisor_a, township_official
):
    troubles(village_a, clerk_a, supervisor_a, township_official)
    flags = flags_for([village_a.pk, village_b.pk], TODAY)
    counts = flag_counts([village_a.pk, village_b.pk], TODAY)
    assert counts[village_a.pk] == sum(1 for f in flags if f.village_id == village_a.pk)
    assert counts[village_b.pk] == sum(1 for f in flags if f.village_id == village_b.pk)
    rules = {flag.rule for flag in flags if flag.village_id == village_a.pk}
    assert rules >= {
        "large_expenditure_without_decision",
        "split_purchases",
        "contract_without_competition",
        "related_party",
        "period_not_disclosed",
    }


def test_flags_can_be_limited_to_some_rules(village_a, clerk_a, supervisor_a, township_official):
    troubles(village_a, clerk_a, supervisor_a, township_official)
    flags = flags_for([village_a.pk], TODAY, rules=["split_purchases"])
    assert [flag.rule for flag in flags] == ["split_purchases"]


@pytest.mark.parametrize("code", list(RULES))
def test_each_rule_costs_the_same_queries_for_one_village_or_two(
    code,
    village_a,
    village_b,
    clerk_a,
    supervisor_a,
    clerk_b,
    supervisor_b,
    township_official,
    django_assert_num_queries,
    settings,
):
    # One village is enough for a firm's pattern here: it is the cost that is measured.
    settings.FLAGS_SAME_COUNTERPARTY_VILLAGES = 1
    troubles(village_a, clerk_a, supervisor_a, township_official)
    rule = RULES[code][1]
    # Late enough for the finished matter's result to be overdue.
    today = timezone.localdate() + datetime.timedelta(days=90)
    with CaptureQueriesContext(connection) as one:
        assert rule([village_a.pk], today)
    troubles(village_b, clerk_b, supervisor_b, township_official)
    with django_assert_num_queries(len(one.captured_queries)):
        flags = rule([village_a.pk, village_b.pk], today)
    assert {flag.village_id for flag in flags} == {village_a.pk, village_b.pk}
