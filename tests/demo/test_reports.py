"""The demo's reports, loaded on the demo's own places and people; codes from its README work."""

import datetime

import pytest

from demo import reports as demo
from demo.places import LIUWAN, PLACES, SHIQIAO, TAOYUAN, XINGHUA
from disclosure.regions.models import Region, RoleKind
from disclosure.reports.models import Report, ReportStatus

from ..factories import make_staff

TODAY = datetime.date(2025, 11, 20)


@pytest.fixture
def loaded(db):
    regions = {}
    for place in PLACES[: PLACES.index(SHIQIAO) + 1]:
        regions[place.code] = Region.objects.create(
            code=place.code, name=place.name, level=place.level, parent=regions.get(place.parent)
        )
    handler = make_staff("taoyuan_inspector", RoleKind.REPORT_HANDLER, regions[TAOYUAN.code])
    demo.load(
        regions=regions, staff={TAOYUAN.code: {RoleKind.REPORT_HANDLER: handler}}, today=TODAY
    )
    return regions


def test_the_demo_has_one_report_of_each_kind(loaded):
    reports = {report.village.code: report for report in Report.objects.select_related("village")}
    assert reports[XINGHUA.code].anonymous
    assert reports[XINGHUA.code].status == ReportStatus.INVESTIGATING
    assert reports[LIUWAN.code].status == ReportStatus.CONCLUDED
    assert reports[LIUWAN.code].conclusion
    assert not reports[SHIQIAO.code].anonymous
    assert reports[SHIQIAO.code].status == ReportStatus.RECEIVED


def test_the_readme_codes_follow_the_reports(client, loaded):
    page = client.post("/jubao/track/", {"code": demo.INVESTIGATING_CODE}).content.decode()
    assert "调查中" in page and "杏花村" in page
    page = client.post("/jubao/track/", {"code": demo.CONCLUDED_CODE}).content.decode()
    assert "已办结" in page and "责令村委会补充公开" in page


def test_each_step_happened_on_its_own_day(loaded):
    concluded = Report.objects.get(status=ReportStatus.CONCLUDED)
    days = [event.at.date() for event in concluded.events.all()]
    assert days == sorted(days) and len(set(days)) == 3
    assert concluded.received_at.date() == TODAY - datetime.timedelta(days=40)
