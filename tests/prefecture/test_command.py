"""manage.py generate_scale_data: what an operator sees."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from disclosure.finance.models import LedgerEntry
from disclosure.regions.models import Region
from prefecture.services import PREFIX

SMALL = ["--villages=2", "--townships=1", "--years=1", "--entries=60", "--last-year=2024"]


def run(*arguments) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("generate_scale_data", *arguments, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_reports_rows_per_table_and_speed(db):
    output = run(*SMALL)
    entries = LedgerEntry.objects.filter(village__code__startswith=PREFIX).count()
    assert (
        f"finance_ledgerentry {entries:>12,}".split()
        == [line for line in output.splitlines() if line.startswith("finance_ledgerentry")][
            0
        ].split()
    )
    assert "rows/s" in output


def test_a_second_run_needs_replace(db):
    run(*SMALL)
    codes = set(Region.objects.filter(code__startswith=PREFIX).values_list("name", flat=True))
    with pytest.raises(CommandError, match="--replace"):
        run(*SMALL, "--seed=5")
    assert set(Region.objects.filter(code__startswith=PREFIX).values_list("name", flat=True)) == (
        codes
    )
    run(*SMALL, "--seed=5", "--replace")
    assert Region.objects.filter(code__startswith=PREFIX, level="village").count() == 2


@pytest.mark.parametrize(
    "arguments",
    [
        ["--townships=0"],
        ["--villages=1", "--townships=2"],
        ["--villages=900", "--townships=1"],
        ["--years=0"],
        ["--entries=0"],
        ["--large-village=-1"],
    ],
)
def test_impossible_sizes_are_refused_and_change_nothing(db, arguments):
    with pytest.raises(CommandError):
        run(*SMALL, *arguments)
    assert not Region.objects.filter(code__startswith=PREFIX).exists()


def test_the_refusal_is_in_chinese_by_default(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="生产数据库"):
        call_command("generate_scale_data", *SMALL)
