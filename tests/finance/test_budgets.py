"""A year's budget goes through the lifecycle and is set against the published periods."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from disclosure.finance.services.budgets import budget_vs_actual, save_budget
from disclosure.publishing import services
from tests.factories import signed_off

from .ledger_files import imported


def _publish(revision, clerk, supervisor):
    return services.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)


@pytest.fixture
def budget_2026(village_a, clerk_a, supervisor_a):
    amounts = {
        "operating_income": Decimal("24000.00"),
        "management_expenses": Decimal("8000.00"),
        "public_welfare": Decimal("50000.00"),
    }
    revision = save_budget(village=village_a, year=2026, amounts=amounts, by=clerk_a)
    return _publish(revision, clerk_a, supervisor_a)


def test_budget_against_actual_counts_only_published_periods(
    budget_2026, village_a, quarter_a, clerk_a, supervisor_a
):
    before = {line.category: line.actual for line in budget_vs_actual(village=village_a, year=2026)}
    _publish(imported(quarter_a, clerk_a), clerk_a, supervisor_a)

    lines = {line.category: line for line in budget_vs_actual(village=village_a, year=2026)}

    assert before["public_welfare"] == Decimal("0.00")
    assert lines["public_welfare"].budget == Decimal("50000.00")
    assert lines["public_welfare"].actual == Decimal("12000.50")
    assert lines["public_welfare"].share == Decimal("24.0")
    assert lines["operating_income"].actual == Decimal("6000.00")
    assert lines["subsidy_income"].budget == Decimal("0.00")
    assert lines["subsidy_income"].share is None


def test_a_corrected_period_counts_once_with_its_corrected_figures(
    budget_2026, village_a, quarter_a, clerk_a, supervisor_a
):
    published = _publish(imported(quarter_a, clerk_a), clerk_a, supervisor_a)
    correction = services.start_correction(posting=published.posting, by=clerk_a, reason="复核")
    _publish(correction, clerk_a, supervisor_a)

    lines = {line.category: line for line in budget_vs_actual(village=village_a, year=2026)}

    assert lines["public_welfare"].actual == Decimal("12000.50")


def test_without_a_published_budget_there_is_no_comparison(village_a, clerk_a):
    save_budget(village=village_a, year=2026, amounts={"public_welfare": 1}, by=clerk_a)

    assert budget_vs_actual(village=village_a, year=2026) == []


def test_negative_or_unknown_budget_amounts_are_refused(village_a, clerk_a):
    with pytest.raises(ValidationError):
        save_budget(village=village_a, year=2026, amounts={"public_welfare": -1}, by=clerk_a)
    with pytest.raises(ValidationError):
        save_budget(village=village_a, year=2026, amounts={"cash": 1}, by=clerk_a)


def test_a_clerk_of_another_village_cannot_enter_its_budget(village_a, clerk_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        save_budget(village=village_a, year=2026, amounts={"public_welfare": 1}, by=clerk_b)
