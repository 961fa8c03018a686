"""A tender or auction with a single bid, and one firm holding contracts across a township."""

import datetime
from decimal import Decimal

import pytest

from disclosure.redflags.rules.competition import same_counterparty_across_villages, single_bid

from ..factories import RegionFactory, make_staff
from .builders import contract, purchase

TODAY = datetime.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("english")
ONE_BID = [("王建国", Decimal("15000.00"), True)]
TWO_BIDS = [*ONE_BID, ("李明", Decimal("13800.00"), False)]


@pytest.mark.parametrize(
    ("method", "bids", "flagged"),
    [
        ("auction", ONE_BID, True),
        ("public_bidding", ONE_BID, True),
        ("auction", TWO_BIDS, False),
        ("negotiation", [], False),  # no competition claimed: another rule's business
    ],
)
def test_a_competitive_award_with_a_single_bid(
    village_a, clerk_a, supervisor_a, method, bids, flagged
):
    contract(village_a, clerk_a, supervisor_a, award_method=method, bids=bids)
    flags = single_bid([village_a.pk], TODAY)
    assert bool(flags) is flagged
    if flagged:
        assert "1 bids recorded; at least 2" in flags[0].explanation
        assert flags[0].amount == Decimal("15000.00")


def test_the_fewest_bids_are_read_when_the_rule_runs(village_a, clerk_a, supervisor_a, settings):
    contract(village_a, clerk_a, supervisor_a, award_method="auction", bids=TWO_BIDS)
    assert single_bid([village_a.pk], TODAY) == []
    settings.FLAGS_MIN_BIDS = 3
    assert len(single_bid([village_a.pk], TODAY)) == 1


@pytest.fixture
def villages_of_the_township(township, village_a, village_b):
    return [
        village_a,
        village_b,
        RegionFactory(code="990101001003", name="桃园村", parent=township),
    ]


def build(village, firm="青山建筑队", method="negotiation", amount="150000.00", **changes):
    """A contract of the village with the firm, through its own clerk and committee."""
    clerk = make_staff(f"clerk_{village.code}", "clerk", village)
    supervisor = make_staff(f"supervisor_{village.code}", "supervisor", village)
    bids = [(firm, Decimal(amount), True), ("李明", Decimal(amount) + 1, False)]
    purchase(village, clerk, supervisor, amount, method, counterparty=firm, bids=bids, **changes)


def test_a_firm_given_large_contracts_without_competition_in_two_villages_is_flagged_in_each(
    villages_of_the_township, village_c
):
    first, second, third = villages_of_the_township
    build(first)
    build(second, method="direct_award")
    build(third, method="public_bidding")  # won in competition: not counted
    build(village_c)  # another township: not counted

    flags = same_counterparty_across_villages([first.pk], TODAY)

    assert [flag.village_id for flag in flags] == [first.pk]
    assert "in 2 villages of the township (柳树村、清河村)" in flags[0].explanation
    every = [v.pk for v in [*villages_of_the_township, village_c]]
    assert sorted(f.village_id for f in same_counterparty_across_villages(every, TODAY)) == sorted(
        [first.pk, second.pk]
    )


@pytest.mark.parametrize(
    "other",
    [
        {"method": "auction"},
        {"amount": "99999.99"},
        {"firm": "白水建筑队"},
        {"counterparty_kind": "person", "identity_number": "320102199001011232"},
    ],
)
def test_what_does_not_make_the_pattern(villages_of_the_township, other):
    first, second, _third = villages_of_the_township
    build(first)
    build(second, **other)
    assert same_counterparty_across_villages([first.pk, second.pk], TODAY) == []


def test_the_number_of_villages_is_read_when_the_rule_runs(villages_of_the_township, settings):
    first, second, _third = villages_of_the_township
    build(first)
    build(second)
    settings.FLAGS_SAME_COUNTERPARTY_VILLAGES = 3
    assert same_counterparty_across_villages([first.pk], TODAY) == []
