"""A file whose account names disagree with the mapping's names for the same codes stops the
import, naming its rows; the scope of a mapping rule (county, township, village) works."""

from disclosure.finance.models import LedgerEntry, MappingRule
from disclosure.finance.services.mapping import Chart

from .ledger_files import ROWS, SIGNED, checked, csv_bytes

# The 2004 chart's 541 was 管理费用; the 2023 chart's 541 is 其他支出.
OLD_CHART = [
    ["2026-03-02", "记-101", "村委会办公费", "541", "管理费用", "", "300", "文具店", *SIGNED],
    ["2026-03-03", "记-102", "村委会电费", "541", "管理费用", "", "200", "供电所", *SIGNED],
]


def test_an_account_named_otherwise_than_in_the_mapping_stops_the_import(quarter_a, clerk_a):
    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=[*ROWS, *OLD_CHART]))

    rows = [(p["row"], p["column"]) for p in ledger_import.problems]
    assert rows == [(7, "E"), (8, "E")]
    assert "“管理费用”" in ledger_import.problems[0]["message"]
    assert "“其他支出”" in ledger_import.problems[0]["message"]
    assert not LedgerEntry.objects.exists()


def test_a_village_rule_settles_the_disagreement_for_that_village_only(
    quarter_a, clerk_a, village_a, village_b
):
    MappingRule.objects.create(
        region=village_a, prefix="541", category="management_expenses", account_name="管理费用"
    )

    ledger_import = checked(quarter_a, clerk_a, csv_bytes(rows=[*ROWS, *OLD_CHART]))

    assert ledger_import.problems == []
    assert Chart(village_a).rule_for("541").category == "management_expenses"
    assert Chart(village_b).rule_for("541").category == "other_expenditure"


def test_the_nearest_region_wins_for_the_same_prefix(village_a, village_c, township, county):
    MappingRule.objects.create(
        region=county, prefix="531", category="other_expenditure", account_name="县管理费"
    )
    MappingRule.objects.create(
        region=township, prefix="531", category="public_welfare", account_name="镇管理费"
    )

    assert Chart(village_a).rule_for("53101").account_name == "镇管理费"
    assert Chart(village_c).rule_for("53101").account_name == "县管理费"
