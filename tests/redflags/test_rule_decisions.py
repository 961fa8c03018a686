"""Matters carried out without a valid resolution, and result disclosures overdue."""

import datetime

import pytest
import time_machine

from disclosure.decisions import implementation
from disclosure.decisions import services as decisions
from disclosure.decisions.models import LinkKind
from disclosure.publishing import services as publishing
from disclosure.redflags.rules.decisions import resolution_without_quorum, result_overdue

from ..decisions.builders import new_matter
from ..factories import signed_off
from .builders import contract, decided_by, finished_matter, resolved_matter

TODAY = datetime.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("english")


def quorum_flags(village):
    return resolution_without_quorum([village.pk], TODAY)


@pytest.mark.parametrize(("present", "flagged"), [(19, True), (20, False)])
def test_a_contract_under_a_matter_resolved_without_quorum(
    village_a, clerk_a, supervisor_a, present, flagged
):
    # Two thirds of 30 representatives is 20: with 19 present the meeting could not decide.
    matter = decided_by(village_a, clerk_a, present)
    contract(village_a, clerk_a, supervisor_a, matter=matter)
    flags = quorum_flags(village_a)
    assert bool(flags) is flagged
    if flagged:
        assert "quorum" in flags[0].explanation and "19 of 30" in flags[0].explanation


def test_a_matter_not_carried_out_is_not_flagged(village_a, clerk_a):
    decided_by(village_a, clerk_a, present=10)
    assert quorum_flags(village_a) == []


def test_a_matter_never_resolved_but_linked_to_a_payment(village_a, clerk_a):
    matter = new_matter(village_a, clerk_a)
    implementation.add_link(
        matter=matter, kind=LinkKind.LEDGER_ENTRY, reference="记-009", by=clerk_a
    )
    flags = quorum_flags(village_a)
    assert len(flags) == 1
    assert "no villagers' (representative) meeting" in flags[0].explanation


def test_a_properly_resolved_matter_being_carried_out_is_not_flagged(
    village_a, clerk_a, supervisor_a
):
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    contract(village_a, clerk_a, supervisor_a, matter=matter)
    assert quorum_flags(village_a) == []


def test_the_published_meeting_is_judged_again_by_the_rules_in_force(
    village_a, clerk_a, supervisor_a, settings
):
    matter = decided_by(village_a, clerk_a, present=21)
    revision = decisions.prepare_resolution(matter=matter, by=clerk_a)
    publishing.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    contract(village_a, clerk_a, supervisor_a, matter=matter)
    assert quorum_flags(village_a) == []
    settings.DECISIONS_REPRESENTATIVES_QUORUM = "3/4"
    assert len(quorum_flags(village_a)) == 1


def overdue(village, today):
    return result_overdue([village.pk], today)


def test_a_result_is_overdue_the_day_after_it_was_due(village_a, clerk_a, supervisor_a, settings):
    matter = finished_matter(village_a, clerk_a, supervisor_a)
    due = matter.implementation_ended_on + datetime.timedelta(
        days=settings.DECISIONS_RESULT_DUE_DAYS
    )
    assert overdue(village_a, due) == []
    flags = overdue(village_a, due + datetime.timedelta(days=1))
    assert len(flags) == 1
    assert flags[0].on == due
    assert "1 days late" in flags[0].explanation
    assert flags[0].posting_id == matter.resolution_id


def test_a_published_result_is_not_overdue(village_a, clerk_a, supervisor_a):
    matter = finished_matter(village_a, clerk_a, supervisor_a)
    ended = matter.implementation_ended_on
    with time_machine.travel(datetime.datetime.combine(ended, datetime.time(12))):
        revision = decisions.prepare_result(
            matter=matter,
            body="已完工",
            final_cost=matter.amount,
            accepted_on=ended,
            accepted_by="验收小组",
            acceptance="合格",
            by=clerk_a,
        )
    publishing.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    assert overdue(village_a, ended + datetime.timedelta(days=400)) == []
