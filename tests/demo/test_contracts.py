import datetime

import pytest
import time_machine

from demo import contracts as demo
from demo import services as demo_services
from demo.places import VILLAGES
from disclosure.contracts import selectors
from disclosure.contracts.arrears import Status
from disclosure.publishing import chain

TODAY = datetime.date(2025, 6, 15)


@pytest.fixture
def demo_county(db):
    with time_machine.travel(TODAY):
        regions = demo_services._make_places()
        staff = demo_services._make_accounts(regions)
        demo.load(regions=regions, staff=staff, today=TODAY)
    return regions


@time_machine.travel(TODAY)
def test_each_demo_village_has_a_dozen_contracts_with_one_in_arrears_and_one_expiring(
    demo_county,
):
    for place in VILLAGES:
        statuses = selectors.statuses(selectors.current_contracts(demo_county[place.code]), TODAY)
        assert len(statuses) == 12
        assert [s.standing.status for s in statuses].count(Status.OVERDUE) == 1
        assert sum(s.expiring for s in statuses) == 1
        bidded = [s for s in statuses if s.contract.award_method == "public_bidding"]
        assert [len(s.contract.revision.bids.all()) for s in bidded] == [3]


@time_machine.travel(TODAY)
def test_each_demo_village_has_a_road_project_through_all_its_stages(demo_county):
    for place in VILLAGES:
        (project,) = selectors.current_projects(demo_county[place.code])
        assert len(project.stages.all()) == 7
        assert chain.first_mismatch(demo_county[place.code]) is None
