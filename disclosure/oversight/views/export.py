"""The township view as a spreadsheet, with the same figures as the page: every column of both
its tables, in the ranking by risk."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from disclosure.reports.models import ReportStatus
from disclosure.spreadsheets import writing
from disclosure.web.decorators import staff_required

from ..calendar import SECTION_LABELS, DueSection
from ..services import VillageRow
from ..summaries import dashboard_rows
from .common import chosen_year, local_today, overseen_region, overseen_villages

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SCORE_FORMAT = "0.0"
RISK_COLUMN = 3


def _headers(show_reports: bool) -> list[str]:
    headers = [_("Rank"), _("Division code"), _("Village"), _("Risk"), _("Why")]
    for section in DueSection:
        label = SECTION_LABELS[section]
        headers += [
            _("%(section)s: on time") % {"section": label},
            _("%(section)s: late") % {"section": label},
            _("%(section)s: missing") % {"section": label},
        ]
    headers += [_("Completeness score"), _("List"), _("Reasons")]
    headers += [_("Open questions"), _("Overdue questions")]
    if show_reports:
        headers += [_("Reports: %(status)s") % {"status": s.label} for s in ReportStatus]
    headers += [_("Red flags"), _("Strong flags open"), _("Rectifications overdue")]
    headers += [_("Satisfied or basically satisfied (%)")]
    headers += [_("Open correction orders")]
    return headers


def _cells(row: VillageRow, show_reports: bool) -> list:
    cells = [row.rank, row.village.code, row.village.name, row.risk.points, row.risk.reason]
    for section in DueSection:
        tally = row.tallies[section]
        cells += [tally.on_time, tally.late, tally.missing]
    cells += [row.score, str(row.judgement.label), "\n".join(row.judgement.reasons)]
    cells += [row.questions.open, row.questions.overdue]
    if show_reports:
        cells += [row.reports[s] if row.reports is not None else "" for s in ReportStatus]
    measures = row.risk.measures
    cells += [row.flags, measures["strong_flags"].amount, measures["overdue_rectifications"].amount]
    cells += [row.satisfaction.satisfied_share, row.open_orders]
    return cells


@staff_required
def region_xlsx(request, code: str):
    place = overseen_region(request.user, code)
    today = local_today()
    year = chosen_year(request, today)
    rows = dashboard_rows(overseen_villages(request.user, place), request.user, today, year)
    show_reports = any(row.reports is not None for row in rows)
    score_column = 5 + 3 * len(DueSection)
    rows = [_headers(show_reports), *(_cells(row, show_reports) for row in rows)]
    formats = {RISK_COLUMN: SCORE_FORMAT, score_column: SCORE_FORMAT}
    content = writing.as_xlsx([writing.Sheet(str(year), rows, formats)])
    response = HttpResponse(content, content_type=XLSX)
    filename = f"oversight-{place.code}-{year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
