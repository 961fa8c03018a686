"""The township dashboard's counts of reports per village and status."""

from disclosure.reports.models import ReportStatus
from disclosure.reports.services import report_counts

from .making import make_report, moved


def test_it_counts_reports_per_village_and_status(village_a, village_b, village_c, report_handler):
    make_report(village_a)
    investigated, _ = make_report(village_a, anonymous=True)
    moved(investigated, report_handler, ReportStatus.INVESTIGATING)
    make_report(village_c)

    counts = report_counts([village_a.pk, village_b.pk, village_c.pk])

    assert counts[village_a.pk] == {"received": 1, "investigating": 1, "concluded": 0}
    assert counts[village_b.pk] == {"received": 0, "investigating": 0, "concluded": 0}
    assert counts[village_c.pk] == {"received": 1, "investigating": 0, "concluded": 0}


def test_it_costs_one_query_however_many_villages(
    village_a, village_b, village_c, django_assert_num_queries
):
    make_report(village_a)
    make_report(village_b)
    with django_assert_num_queries(1):
        counts = report_counts([village_a.pk, village_b.pk, village_c.pk])
    assert sum(sum(by_status.values()) for by_status in counts.values()) == 2


def test_it_answers_for_an_empty_list(db):
    assert report_counts([]) == {}
