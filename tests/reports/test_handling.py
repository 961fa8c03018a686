"""The report handler's steps: received → investigating → concluded, notes, and the start page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from disclosure.publishing.models import AuditEntry
from disclosure.reports import handling
from disclosure.reports.models import ReportStatus

from .making import NAME, PHONE, TEXT, make_report, moved

CONCLUSION = "经调查，举报事项部分属实，已责令村委会十日内补充公开。"


@pytest.fixture
def report(village_a):
    return make_report(village_a)[0]


def test_the_handler_moves_a_report_on_and_each_step_is_kept(report, report_handler):
    report = moved(report, report_handler, ReportStatus.INVESTIGATING, ReportStatus.CONCLUDED)
    assert report.status == ReportStatus.CONCLUDED
    assert report.concluded_at is not None
    steps = [(event.status, event.by) for event in report.events.all()]
    assert steps == [
        (ReportStatus.RECEIVED, None),
        (ReportStatus.INVESTIGATING, report_handler),
        (ReportStatus.CONCLUDED, report_handler),
    ]
    actions = AuditEntry.objects.filter(user=report_handler).values_list("action", flat=True)
    assert list(actions.order_by("pk")) == ["report.investigating", "report.concluded"]


def test_a_report_may_be_concluded_without_investigation(report, report_handler):
    assert moved(report, report_handler, ReportStatus.CONCLUDED).status == ReportStatus.CONCLUDED


def test_a_conclusion_is_needed_to_conclude(report, report_handler):
    with pytest.raises(ValidationError) as refused:
        handling.change_status(
            report=report, status=ReportStatus.CONCLUDED, conclusion="  ", by=report_handler
        )
    assert "conclusion" in refused.value.message_dict
    report.refresh_from_db()
    assert report.status == ReportStatus.RECEIVED


@pytest.mark.parametrize("status", [ReportStatus.RECEIVED, ReportStatus.INVESTIGATING, "lost"])
def test_a_concluded_report_stays_concluded(report, report_handler, status):
    report = moved(report, report_handler, ReportStatus.CONCLUDED)
    with pytest.raises(ValidationError):
        handling.change_status(report=report, status=status, by=report_handler)
    report.refresh_from_db()
    assert report.status == ReportStatus.CONCLUDED


def test_a_township_official_cannot_move_a_report(report, township_official):
    with pytest.raises(PermissionDenied):
        handling.change_status(
            report=report, status=ReportStatus.INVESTIGATING, by=township_official
        )


def test_the_conclusion_form_keeps_what_was_typed_when_refused(client, report, report_handler):
    client.force_login(report_handler)
    long = "长" * (handling.CONCLUSION_MAX_CHARS + 1)
    response = client.post(
        f"/staff/reports/{report.pk}/status/", {"status": "concluded", "conclusion": long}
    )
    assert response.status_code == 400
    assert long in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.RECEIVED


def test_concluding_in_the_workspace(client, report, report_handler):
    client.force_login(report_handler)
    response = client.post(
        f"/staff/reports/{report.pk}/status/",
        {"status": "concluded", "conclusion": CONCLUSION},
        follow=True,
    )
    page = response.content.decode()
    assert "该举报现为“已办结”" in page
    assert CONCLUSION in page
    assert "保存状态" not in page


def test_the_form_offers_only_the_next_steps(client, report, report_handler):
    client.force_login(report_handler)
    moved(report, report_handler, ReportStatus.INVESTIGATING)
    page = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert '<option value="concluded"' in page
    assert '<option value="investigating"' not in page


def test_notes_are_seen_by_handlers_only(client, report, report_handler, township_official):
    handling.add_note(report=report, text="已调取2024年三季度凭证。", by=report_handler)
    client.force_login(report_handler)
    assert "已调取2024年三季度凭证" in client.get(f"/staff/reports/{report.pk}/").content.decode()
    client.force_login(township_official)
    assert (
        "已调取2024年三季度凭证" not in client.get(f"/staff/reports/{report.pk}/").content.decode()
    )


def test_an_empty_note_is_refused(client, report, report_handler):
    client.force_login(report_handler)
    response = client.post(f"/staff/reports/{report.pk}/notes/", {"text": ""})
    assert response.status_code == 400
    assert not report.notes.exists()


def test_the_list_filters_by_status(client, village_a, report_handler):
    received, _ = make_report(village_a)
    investigated = moved(make_report(village_a)[0], report_handler, ReportStatus.INVESTIGATING)
    client.force_login(report_handler)
    page = client.get("/staff/reports/", {"status": "investigating"}).content.decode()
    assert f"/staff/reports/{investigated.pk}/" in page
    assert f"/staff/reports/{received.pk}/" not in page


def test_new_reports_wait_on_the_handlers_start_page(
    client, village_a, village_c, report_handler, township_official, clerk_a
):
    make_report(village_a)
    make_report(village_a)
    make_report(village_c)
    moved(make_report(village_a)[0], report_handler, ReportStatus.INVESTIGATING)
    client.force_login(report_handler)
    page = client.get("/staff/").content.decode()
    assert '<a href="/staff/reports/?status=received">新举报待受理</a> <strong>2</strong>' in page
    for person in (township_official, clerk_a):
        client.force_login(person)
        assert "新举报待受理" not in client.get("/staff/").content.decode()


def test_the_audit_log_page_shows_report_steps_without_their_content(
    client, report, report_handler, township_official, administrator, clerk_a, supervisor_a
):
    moved(report, report_handler, ReportStatus.INVESTIGATING)
    client.force_login(report_handler)
    client.get(f"/staff/reports/{report.pk}/identity/")
    client.get("/staff/reports/")
    for person in (township_official, administrator):
        client.force_login(person)
        page = client.get("/staff/audit/").content.decode()
        assert "report.view_identity" in page
        assert "report.list" in page
        for secret in (NAME, PHONE, TEXT[:10]):
            assert secret not in page
    for person in (clerk_a, supervisor_a):
        client.force_login(person)
        assert client.get("/staff/audit/").status_code == 403
