"""The township's rows: each figure from the app that owns it, for the right people only."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from disclosure.oversight.scoring import Standing
from disclosure.oversight.services import township_summaries, village_rows
from disclosure.participation import questions, subjects
from disclosure.regions.access import Action, villages_for
from disclosure.reports.models import ReportCategory
from disclosure.reports.services import Filing, file_report

from ..clock import SHANGHAI
from ..factories import published_posting
from ..spreadsheets.formulas import PAYLOADS, assert_xlsx_runs_nothing
from .builders import notice_published_on, period_published_on

pytestmark = pytest.mark.usefixtures("english")

D = datetime.date
TODAY = D(2026, 3, 1)


@pytest.fixture
def overdue_question(village_a, clerk_a, supervisor_a):
    posting = published_posting(village_a, clerk_a, supervisor_a).posting
    asked = datetime.datetime(2026, 1, 5, 10, tzinfo=SHANGHAI)
    question = questions.ask(
        subject=subjects.find(subjects.POSTING, posting.code),
        text="修路款是否已付清？",
        ip="10.0.0.1",
        now=asked,
    )
    return questions.list_question(question=question, by=supervisor_a, now=asked)


def rows_for(user, township, year=2025, today=TODAY):
    villages = villages_for(user, Action.OVERSEE).filter(code__startswith=township.prefix)
    return {row.village.code: row for row in village_rows(villages, user, today, year)}


def test_questions_and_reports_reach_the_row(
    village_a, overdue_question, township, township_official, administrator
):
    filing = Filing(village_a, ReportCategory.values[0], "村干部私自出租集体鱼塘。", True)
    file_report(filing=filing, ip="10.0.0.2")
    row = rows_for(township_official, township)[village_a.code]
    assert (row.questions.open, row.questions.overdue) == (1, 1)
    assert row.reports["received"] == 1
    assert rows_for(administrator, township)[village_a.code].reports is None


def test_an_overdue_question_keeps_a_perfect_village_off_the_red_list(
    village_a, clerk_a, supervisor_a, overdue_question, township, township_official
):
    for number, day in [(1, D(2025, 4, 1)), (2, D(2025, 7, 1)), (3, D(2025, 10, 1))]:
        period_published_on(day, village_a, clerk_a, supervisor_a, year=2025, number=number)
    period_published_on(D(2026, 1, 2), village_a, clerk_a, supervisor_a, year=2025, number=4)
    for day in [D(2025, 1, 2), D(2025, 4, 2), D(2025, 7, 2), D(2025, 10, 2)]:
        notice_published_on(
            day,
            village_a,
            clerk_a,
            supervisor_a,
            kind="power_list",
            title="小微权力清单",
            power_items=[_power()],
        )
    row = rows_for(township_official, township)[village_a.code]
    assert row.score == 100
    assert row.judgement.standing == Standing.NEITHER
    (later,) = [r for r in village_rows([village_a], township_official, D(2026, 1, 6), 2025)]
    assert later.questions.overdue == 0
    assert later.judgement.standing == Standing.RED


def _power():
    return {
        "name": "出具证明",
        "steps": "申请、审核、出具",
        "documents": "",
        "time_limit": "3个工作日",
        "fee": "免费",
        "responsible": "村文书",
    }


def test_a_village_without_disclosures_is_black_listed_with_its_reasons(
    village_a, village_b, clerk_b, supervisor_b, township, township_official
):
    for number, day in [(1, D(2025, 4, 1)), (2, D(2025, 7, 1)), (3, D(2025, 10, 1))]:
        period_published_on(day, village_b, clerk_b, supervisor_b, year=2025, number=number)
    rows = rows_for(township_official, township)
    empty = rows[village_a.code]
    assert empty.score == 0
    assert empty.judgement.standing == Standing.BLACK
    assert empty.judgement.reasons[0] == "Completeness score 0.0 is below 70."
    assert "Finances 2025, quarter 1 not disclosed (due 2025-04-15)." in empty.judgement.reasons
    # Ranked by risk: the village that disclosed nothing is the one to visit first.
    assert (empty.rank, rows[village_b.code].rank) == (1, 2)
    assert empty.risk.reason == "completeness score 0.0; 4 strong flags raised today"


def test_the_county_summary_averages_its_townships(
    county,
    township,
    other_township,
    village_a,
    village_b,
    village_c,
    clerk_b,
    supervisor_b,
    administrator,
):
    period_published_on(D(2025, 4, 1), village_b, clerk_b, supervisor_b, year=2025, number=1)
    villages = villages_for(administrator, Action.OVERSEE)
    rows = village_rows(villages, administrator, D(2025, 5, 1), 2025)
    first, second = township_summaries([township, other_township], rows)
    # 柳树村: 1 of 3 judged items on time (finance Q1; general Q1 and powers missing): 33.3;
    # 清河村 and 石桥村: 0.0. The township's average of 33.3 and 0.0 is 16.65, to 16.7.
    assert (first.villages, first.average, first.red, first.black) == (2, Decimal("16.7"), 0, 2)
    assert (second.villages, second.average, second.black) == (1, Decimal("0.0"), 1)


def test_the_spreadsheet_holds_the_figures_of_the_page(
    client, village_a, village_b, clerk_b, supervisor_b, township, township_official
):
    period_published_on(D(2025, 4, 1), village_b, clerk_b, supervisor_b, year=2025, number=1)
    period_published_on(D(2025, 7, 20), village_b, clerk_b, supervisor_b, year=2025, number=2)
    client.force_login(township_official)
    url = reverse("oversight_staff:export", args=[township.code])
    response = client.get(url, {"year": "2025"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *lines = list(sheet.iter_rows(values_only=True))
    assert header[:6] == ("Rank", "Division code", "Village", "Risk", "Why", "Finances: on time")
    # Every column of the page's two tables is in the file.
    for heading in ["Strong flags open", "Rectifications overdue", "Overdue questions"]:
        assert heading in header
    expected = village_rows([village_a, village_b], township_official, D.today(), 2025)
    assert [line[1] for line in lines] == [row.village.code for row in expected]
    score_at = header.index("Completeness score")
    for line, row in zip(lines, expected, strict=True):
        assert line[0] == row.rank
        assert (round(line[3], 1), line[4]) == (float(row.risk.points), row.risk.reason)
        assert line[5:8] == (
            row.tallies["finance"].on_time,
            row.tallies["finance"].late,
            row.tallies["finance"].missing,
        )
        assert round(line[score_at], 1) == float(row.score)
    b_line = lines[1]
    assert b_line[2] == "柳树村" and b_line[5:8] == (1, 1, 2)


def test_the_spreadsheet_runs_no_village_name_as_a_formula(
    client, village_a, township, township_official
):
    village_a.name = PAYLOADS[1]
    village_a.save(update_fields=["name"])
    client.force_login(township_official)
    response = client.get(reverse("oversight_staff:export", args=[township.code]))
    assert_xlsx_runs_nothing(response.content, PAYLOADS[1:2])
