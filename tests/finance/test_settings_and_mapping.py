"""Village finance settings, account mapping per county, and the chain over a ledger."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from disclosure.finance.models import MappingRule
from disclosure.finance.services import periods, rules
from disclosure.finance.services.mapping import Chart
from disclosure.publishing import chain, services
from tests.factories import signed_off

from .ledger_files import imported


def test_a_monthly_village_gets_month_periods_due_as_configured(village_a, clerk_a):
    rules.set_village_rule(village=village_a, frequency="monthly", due_days=10, by=clerk_a)

    period = periods.get_or_create_period(village=village_a, year=2026, number=2, by=clerk_a)

    assert (period.start, period.end) == (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    assert period.due_date == datetime.date(2026, 3, 10)


def test_a_quarter_is_due_fifteen_days_after_it_ends_by_default(quarter_a):
    assert quarter_a.end == datetime.date(2026, 3, 31)
    assert quarter_a.due_date == datetime.date(2026, 4, 15)


@pytest.mark.parametrize(("frequency", "number"), [("quarterly", 5), ("monthly", 13)])
def test_there_is_no_fifth_quarter_or_thirteenth_month(village_a, clerk_a, frequency, number):
    rules.set_village_rule(village=village_a, frequency=frequency, due_days=15, by=clerk_a)

    with pytest.raises(ValidationError):
        periods.get_or_create_period(village=village_a, year=2026, number=number, by=clerk_a)


def test_a_supervisor_cannot_change_the_settings(village_a, supervisor_a):
    with pytest.raises(PermissionDenied):
        rules.set_village_rule(village=village_a, frequency="monthly", due_days=5, by=supervisor_a)


def test_the_longest_prefix_wins_and_a_county_overrides_the_default(village_a, village_c, county):
    MappingRule.objects.create(
        region=county, prefix="53105", category="other_expenditure", account_name="招待费"
    )

    chart = Chart(village_a)

    assert chart.rule_for("531").category == "management_expenses"
    assert chart.rule_for("5310501").category == "other_expenditure"
    assert chart.rule_for("999") is None


def test_a_county_rule_changes_nothing_in_another_county(village_a, county):
    from disclosure.regions.models import Level, Region

    other = Region.objects.create(code="320200000000", name="邻县", level=Level.COUNTY)
    MappingRule.objects.create(
        region=other, prefix="531", category="public_welfare", account_name="公益性管理"
    )

    assert Chart(village_a).rule_for("531").category == "management_expenses"


def test_a_published_ledger_is_in_the_chain_and_verifies(quarter_a, clerk_a, supervisor_a):
    revision = imported(quarter_a, clerk_a)
    revision = services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)

    document = chain.revision_document(revision)
    assert "村道硬化工程款" in str(document)
    assert chain.first_mismatch(quarter_a.village) is None


def test_a_ledger_changed_behind_the_database_s_back_breaks_the_chain(
    quarter_a, clerk_a, supervisor_a
):
    revision = imported(quarter_a, clerk_a)
    revision = services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    with connection.cursor() as cursor:
        # Pending foreign-key checks of the test's transaction would keep the table unalterable.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE finance_ledgerentry DISABLE TRIGGER freeze_published")
        cursor.execute(
            "UPDATE finance_ledgerentry SET expenditure = 1 WHERE revision_id = %s", [revision.pk]
        )
        cursor.execute("ALTER TABLE finance_ledgerentry ENABLE TRIGGER freeze_published")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    assert chain.first_mismatch(quarter_a.village) is not None
