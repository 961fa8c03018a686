"""Large expenditures without a decision, and purchases split just under the threshold."""

import datetime
from decimal import Decimal

import pytest

from disclosure.contracts import services as contracts
from disclosure.decisions import implementation
from disclosure.decisions.models import LinkKind
from disclosure.redflags.rules.money import large_expenditure_without_decision, split_purchases

from ..factories import withdrawn
from ..finance.ledgers import corrected_period, draft_period
from .builders import contract, ledger, resolved_matter, spend

TODAY = datetime.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("english")


def large(village_a):
    return large_expenditure_without_decision([village_a.pk], TODAY)


def test_an_expenditure_at_the_threshold_is_flagged_and_one_below_is_not(
    village_a, clerk_a, supervisor_a
):
    ledger(village_a, clerk_a, supervisor_a, [spend("50000.00"), spend("49999.99")])
    flags = large(village_a)
    assert [flag.amount for flag in flags] == [Decimal("50000.00")]
    flag = flags[0]
    assert flag.strong
    assert "50,000.00 yuan" in flag.explanation and "50,000 yuan" in flag.explanation
    assert flag.posting_id is not None


def test_the_threshold_is_read_when_the_rule_runs(village_a, clerk_a, supervisor_a, settings):
    ledger(village_a, clerk_a, supervisor_a, [spend("49999.99")])
    settings.FLAGS_DECISION_THRESHOLD = 40000
    assert len(large(village_a)) == 1


def test_the_chinese_explanation_gives_the_figures(village_a, clerk_a, supervisor_a):
    from django.utils import translation

    ledger(village_a, clerk_a, supervisor_a, [spend("68000.00")])
    with translation.override("zh-hans"):
        flag = large(village_a)[0]
    assert "68,000.00" in flag.explanation and "50,000" in flag.explanation
    assert "重大事项" in flag.explanation


def test_a_voucher_named_in_a_resolved_matter_is_linked(village_a, clerk_a, supervisor_a):
    revision = ledger(village_a, clerk_a, supervisor_a, [spend("68000.00")])
    voucher = revision.ledger_entries.get().voucher_no
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    implementation.add_link(
        matter=matter, kind=LinkKind.LEDGER_ENTRY, reference=voucher, by=clerk_a
    )
    assert large(village_a) == []


def test_a_link_to_a_matter_without_a_disclosed_resolution_does_not_count(
    village_a, clerk_a, supervisor_a
):
    from ..decisions.builders import discussed_matter

    revision = ledger(village_a, clerk_a, supervisor_a, [spend("68000.00")])
    voucher = revision.ledger_entries.get().voucher_no
    matter = discussed_matter(village_a, clerk_a)
    implementation.add_link(
        matter=matter, kind=LinkKind.LEDGER_ENTRY, reference=voucher, by=clerk_a
    )
    assert len(large(village_a)) == 1


def test_a_payment_under_a_contract_naming_a_resolved_matter_is_linked(
    village_a, clerk_a, supervisor_a
):
    revision = ledger(
        village_a, clerk_a, supervisor_a, [spend("68000.00", counterparty="路桥公司")]
    )
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    road = contract(village_a, clerk_a, supervisor_a, matter=matter)
    contracts.record_payment(
        posting=road.posting,
        paid_on=datetime.date(2025, 1, 5),
        amount=Decimal("68000.00"),
        ledger_entry=revision.ledger_entries.get(),
        by=clerk_a,
    )
    assert large(village_a) == []


def test_a_contract_naming_a_resolved_matter_with_the_same_counterparty_links_the_entry(
    village_a, clerk_a, supervisor_a
):
    ledger(village_a, clerk_a, supervisor_a, [spend("68000.00", counterparty="王建国")])
    matter = resolved_matter(village_a, clerk_a, supervisor_a)
    contract(village_a, clerk_a, supervisor_a, matter=matter)
    assert large(village_a) == []
    # Outside the contract's term the same counterparty links nothing.
    ledger(village_a, clerk_a, supervisor_a, [spend("70000.00", counterparty="王建国")], year=2023)
    assert [flag.amount for flag in large(village_a)] == [Decimal("70000.00")]


def test_only_the_current_published_revision_is_read(village_a, clerk_a, supervisor_a):
    revision = ledger(village_a, clerk_a, supervisor_a, [spend("68000.00")])
    corrected_period(revision, clerk_a, supervisor_a, [spend("6800.00")])
    draft_period(village_a, clerk_a, year=2025, number=2, lines=[spend("90000.00")])
    assert large(village_a) == []


def test_a_withdrawn_period_is_not_flagged(village_a, clerk_a, supervisor_a):
    revision = ledger(village_a, clerk_a, supervisor_a, [spend("68000.00")])
    withdrawn(revision.posting, clerk_a, supervisor_a, reason="重复公开")
    assert large(village_a) == []


def split(village_a):
    return split_purchases([village_a.pk], TODAY)


@pytest.mark.parametrize(("second_day", "flagged"), [(31, True), (32, False)])
def test_two_payments_just_under_the_threshold_within_the_window(
    village_a, clerk_a, supervisor_a, second_day, flagged
):
    # Day 1 and day 31 are 30 days apart: the window's edge; day 32 is one day past it.
    lines = [spend("6000.00", day=1), spend("5500.00", day=second_day)]
    ledger(village_a, clerk_a, supervisor_a, lines)
    flags = split(village_a)
    assert bool(flags) is flagged
    if flagged:
        assert flags[0].amount == Decimal("11500.00")
        assert "11,500.00" in flags[0].explanation and "10,000" in flags[0].explanation


@pytest.mark.parametrize(
    ("amounts", "flagged"),
    [
        (["5000.00", "5000.00"], True),  # each exactly half the threshold
        (["4999.99", "9000.00"], False),  # one of them is not "just under"
        (["10000.00", "9000.00"], False),  # one reaches the threshold: not split
        (["9999.99", "9999.99"], True),
    ],
)
def test_just_under_means_at_least_half_and_below_the_threshold(
    village_a, clerk_a, supervisor_a, amounts, flagged
):
    lines = [spend(amount, day=day) for day, amount in zip((3, 9), amounts, strict=True)]
    ledger(village_a, clerk_a, supervisor_a, lines)
    assert bool(split(village_a)) is flagged


def test_payments_to_different_counterparties_are_not_a_split(village_a, clerk_a, supervisor_a):
    lines = [spend("6000.00", "甲商店", day=3), spend("6000.00", "乙商店", day=4)]
    ledger(village_a, clerk_a, supervisor_a, lines)
    assert split(village_a) == []


def test_a_long_run_is_flagged_once_per_window(village_a, clerk_a, supervisor_a):
    days = [1, 10, 20, 50, 60]
    ledger(village_a, clerk_a, supervisor_a, [spend("6000.00", day=day) for day in days])
    flags = split(village_a)
    assert [flag.amount for flag in flags] == [Decimal("18000.00"), Decimal("12000.00")]


def test_the_window_spans_periods(village_a, clerk_a, supervisor_a):
    ledger(village_a, clerk_a, supervisor_a, [spend("6000.00", day=85)], number=1)
    second = ledger(village_a, clerk_a, supervisor_a, [spend("6000.00", day=5)], number=2)
    flags = split(village_a)
    assert len(flags) == 1
    assert flags[0].posting_id == second.posting_id


def test_the_window_setting_is_read_when_the_rule_runs(village_a, clerk_a, supervisor_a, settings):
    lines = [spend("6000.00", day=1), spend("6000.00", day=20)]
    ledger(village_a, clerk_a, supervisor_a, lines)
    settings.FLAGS_SPLIT_WINDOW_DAYS = 18
    assert split(village_a) == []
    settings.FLAGS_SPLIT_WINDOW_DAYS = 19
    assert len(split(village_a)) == 1
