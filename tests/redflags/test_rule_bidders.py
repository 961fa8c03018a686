"""A losing bid from a cadre or a declared relative of the village (陪标)."""

import datetime
from decimal import Decimal

import pytest

from disclosure.redflags import cadres
from disclosure.redflags.rules.bidders import related_bidder

from .builders import purchase

TODAY = datetime.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def chair(village_a, township_official):
    chair = cadres.add_cadre(
        village=village_a,
        name="张主任",
        position="村委会主任",
        started_on=datetime.date(2020, 1, 1),
        by=township_official,
    )
    cadres.add_relative(cadre=chair, name="王建国", relation="spouse", by=township_official)
    return chair


def tender(village, clerk, supervisor, *bidders):
    bids = [("青山建筑队", Decimal("150000.00"), True)]
    bids += [(name, Decimal("160000.00") + n, False) for n, name in enumerate(bidders)]
    return purchase(village, clerk, supervisor, "150000.00", "public_bidding", bids=bids)


def test_a_relative_who_lost_the_tender_is_a_weak_flag(village_a, clerk_a, supervisor_a, chair):
    tender(village_a, clerk_a, supervisor_a, "王建国", "李明")
    flags = related_bidder([village_a.pk], TODAY)
    assert [(flag.strong, flag.rule) for flag in flags] == [(False, "related_bidder")]
    assert "王建国, who has the same name as spouse of the cadre 张主任" in flags[0].explanation
    assert "namesake" in flags[0].explanation


@pytest.mark.parametrize(
    "case",
    ["other bidders", "another village", "left office before", "no register"],
)
def test_what_is_not_flagged(
    village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b, township_official, case
):
    if case != "no register":
        chair = cadres.add_cadre(
            village=village_a,
            name="张主任",
            position="村委会主任",
            started_on=datetime.date(2020, 1, 1),
            by=township_official,
        )
        cadres.add_relative(cadre=chair, name="王建国", relation="spouse", by=township_official)
        if case == "left office before":
            cadres.end_term(cadre=chair, ended_on=datetime.date(2021, 1, 1), by=township_official)
    if case == "another village":
        tender(village_b, clerk_b, supervisor_b, "王建国")
    else:
        tender(village_a, clerk_a, supervisor_a, "李明" if case == "other bidders" else "王建国")
    assert related_bidder([village_a.pk, village_b.pk], TODAY) == []
