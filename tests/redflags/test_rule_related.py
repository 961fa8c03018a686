"""Contracts and payments to cadres and their declared relatives: strong and weak matches."""

import datetime
from decimal import Decimal

import pytest

from disclosure.redflags import cadres
from disclosure.redflags.rules.related import related_party

from .builders import contract, ledger, purchase, spend

TODAY = datetime.date(2025, 6, 1)
# Valid check characters (MOD 11-2), as the register requires.
IDENTITY_NUMBER = "320102199001011232"
OTHER_NUMBER = "110101199003071233"
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def chair(village_a, township_official):
    """The committee chair of 清河村 since 2020."""
    return cadres.add_cadre(
        village=village_a,
        name="张主任",
        position="村委会主任",
        started_on=datetime.date(2020, 1, 1),
        by=township_official,
    )


def declare(cadre, official, name="王建国", number="", relation="sibling"):
    return cadres.add_relative(
        cadre=cadre, name=name, relation=relation, identity_number=number, by=official
    )


def flags_of(village):
    return related_party([village.pk], TODAY)


def test_an_identity_number_match_is_strong(
    village_a, clerk_a, supervisor_a, chair, township_official
):
    # Declared under another spelling of the name: the identity number still matches.
    declare(chair, township_official, name="王建囯", number=IDENTITY_NUMBER)
    contract(village_a, clerk_a, supervisor_a, identity_number=IDENTITY_NUMBER)
    flags = flags_of(village_a)
    assert len(flags) == 1
    flag = flags[0]
    assert flag.strong
    assert "3201**********1232" in flag.explanation
    assert IDENTITY_NUMBER not in flag.explanation
    assert "brother or sister of the cadre 张主任 (村委会主任)" in flag.explanation


def test_a_name_only_match_is_weak_and_says_so(
    village_a, clerk_a, supervisor_a, chair, township_official
):
    declare(chair, township_official)
    contract(village_a, clerk_a, supervisor_a, identity_number=IDENTITY_NUMBER)
    flag = flags_of(village_a)[0]
    assert not flag.strong
    assert "namesake" in flag.explanation


def test_different_identity_numbers_are_different_people(
    village_a, clerk_a, supervisor_a, chair, township_official
):
    declare(chair, township_official, number=OTHER_NUMBER)
    contract(village_a, clerk_a, supervisor_a, identity_number=IDENTITY_NUMBER)
    assert flags_of(village_a) == []


def test_a_contract_with_the_cadre_himself(village_a, clerk_a, supervisor_a, chair):
    purchase(village_a, clerk_a, supervisor_a, "3000.00", "direct_award", counterparty="张主任")
    flags = flags_of(village_a)
    assert len(flags) == 1 and "the cadre 张主任" in flags[0].explanation


def test_a_ledger_payment_to_a_relative_is_a_weak_flag(
    village_a, clerk_a, supervisor_a, chair, township_official
):
    declare(chair, township_official, name="张小明", relation="child")
    ledger(village_a, clerk_a, supervisor_a, [spend("800.00", counterparty="张小明")])
    flags = flags_of(village_a)
    assert len(flags) == 1
    assert not flags[0].strong
    assert flags[0].amount == Decimal("800.00")
    assert "child of the cadre" in flags[0].explanation


def test_only_the_cadres_time_in_office_counts(
    village_a, clerk_a, supervisor_a, chair, township_official
):
    declare(chair, township_official, name="张小明", relation="child")
    ledger(village_a, clerk_a, supervisor_a, [spend("800.00", counterparty="张小明", day=20)])
    cadres.end_term(cadre=chair, ended_on=datetime.date(2025, 1, 19), by=township_official)
    assert flags_of(village_a) == []


def test_the_register_of_another_village_is_not_matched(
    village_a, village_b, clerk_a, supervisor_a, township_official
):
    other = cadres.add_cadre(
        village=village_b,
        name="李书记",
        position="村党支部书记",
        started_on=datetime.date(2020, 1, 1),
        by=township_official,
    )
    declare(other, township_official, number=IDENTITY_NUMBER)
    contract(village_a, clerk_a, supervisor_a, identity_number=IDENTITY_NUMBER)
    assert related_party([village_a.pk, village_b.pk], TODAY) == []
