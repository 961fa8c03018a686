"""Kept summaries: the dashboard reads them while nothing changed, and computes them again after
a public change in the village, on a new day, or after a change to its register of cadres."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from disclosure.oversight.models import VillageSummary
from disclosure.oversight.services import village_rows
from disclosure.oversight.summaries import dashboard_rows
from disclosure.redflags import cadres
from disclosure.reports.models import ReportCategory
from disclosure.reports.services import Filing, file_report

from .builders import period_published_on

pytestmark = pytest.mark.usefixtures("english")

D = datetime.date
TODAY = D(2025, 8, 1)


def _shown(row) -> tuple:
    return (
        row.rank,
        row.village.code,
        row.tallies,
        row.score,
        row.judgement,
        row.questions,
        row.satisfaction,
        row.flags,
        row.strong_flags,
        row.open_orders,
        row.reports,
    )


def _by_village(villages, user, today=TODAY) -> dict:
    return {row.village: row for row in dashboard_rows(villages, user, today, 2025)}


@pytest.fixture
def villages(village_a, village_b, clerk_b, supervisor_b):
    period_published_on(D(2025, 4, 1), village_b, clerk_b, supervisor_b, year=2025, number=1)
    period_published_on(D(2025, 7, 20), village_b, clerk_b, supervisor_b, year=2025, number=2)
    return [village_a, village_b]


def test_kept_summaries_show_what_a_fresh_computation_shows(villages, township_official):
    fresh = [_shown(row) for row in village_rows(villages, township_official, TODAY, 2025)]
    computed = [_shown(row) for row in dashboard_rows(villages, township_official, TODAY, 2025)]
    kept = [_shown(row) for row in dashboard_rows(villages, township_official, TODAY, 2025)]
    assert computed == fresh
    assert kept == fresh
    assert VillageSummary.objects.filter(village__in=villages, year=2025).count() == 2


def test_a_kept_summary_names_its_reasons_in_the_language_of_the_reader(
    villages, village_a, township_official
):
    dashboard_rows(villages, township_official, TODAY, 2025)
    with translation.override("zh-hans"):
        row = _by_village(villages, township_official)[village_a]
        (fresh,) = village_rows([village_a], township_official, TODAY, 2025)
    assert row.judgement.reasons == fresh.judgement.reasons
    assert "Finances" not in "".join(row.judgement.reasons)


def test_a_kept_summary_is_read_in_a_few_queries(
    villages, township_official, django_assert_num_queries
):
    dashboard_rows(villages, township_official, TODAY, 2025)
    # Counts of changes, summaries, villages whose reports the official may read, their reports,
    # and for the risk the cases of strong flags and the rectifications overdue.
    with django_assert_num_queries(6):
        dashboard_rows(villages, township_official, TODAY, 2025)


def test_a_publication_in_the_village_computes_its_summary_again(
    villages,
    village_a,
    village_b,
    clerk_a,
    supervisor_a,
    township_official,
    django_capture_on_commit_callbacks,
):
    before = _by_village(villages, township_official)
    kept_b = VillageSummary.objects.get(village=village_b, year=2025)
    with django_capture_on_commit_callbacks(execute=True):
        period_published_on(D(2025, 4, 2), village_a, clerk_a, supervisor_a, year=2025, number=1)
    after = _by_village(villages, township_official)
    assert before[village_a].tallies["finance"].on_time == 0
    assert after[village_a].tallies["finance"].on_time == 1
    assert VillageSummary.objects.get(village=village_b, year=2025).changes == kept_b.changes


def test_a_new_day_computes_the_summaries_again(villages, village_a, township_official):
    # The second quarter's finances are due on 15 July: not yet missing on the day itself.
    due_day = _by_village(villages, township_official, D(2025, 7, 15))[village_a]
    day_after = _by_village(villages, township_official, D(2025, 7, 16))[village_a]
    assert due_day.tallies["finance"].missing == 1
    assert day_after.tallies["finance"].missing == 2


def test_a_change_to_the_register_of_cadres_has_the_village_summary_computed_again(
    villages, village_a, village_b, township_official
):
    dashboard_rows(villages, township_official, TODAY, 2025)
    before = dict(VillageSummary.objects.values_list("village_id", "changes"))

    cadres.add_cadre(
        village=village_a,
        name="王建国",
        position="村委会主任",
        started_on=D(2024, 1, 1),
        by=township_official,
    )
    dashboard_rows(villages, township_official, TODAY, 2025)

    after = dict(VillageSummary.objects.values_list("village_id", "changes"))
    assert after[village_a.pk] > before[village_a.pk]
    assert after[village_b.pk] == before[village_b.pk]


def test_a_report_reaches_a_kept_summary(villages, village_a, township_official):
    dashboard_rows(villages, township_official, TODAY, 2025)
    filing = Filing(village_a, ReportCategory.values[0], "村干部私自出租集体鱼塘。", True)
    file_report(filing=filing, ip="10.0.0.2")
    assert _by_village(villages, township_official)[village_a].reports["received"] == 1


def test_the_daily_job_computes_the_summaries_not_yet_current(
    villages, village_a, village_b, village_c
):
    out = io.StringIO()
    call_command("summarise_villages", stdout=out)
    assert "Summaries computed for 3 villages." in out.getvalue()
    today = timezone.localdate()
    kept = VillageSummary.objects.filter(year=today.year, computed_on=today)
    assert set(kept.values_list("village", flat=True)) == {v.pk for v in villages + [village_c]}
    out = io.StringIO()
    call_command("summarise_villages", stdout=out)
    assert "Summaries computed for 0 villages." in out.getvalue()
