"""Who may do what with a report about 清河村: every person of the tests, every staff page.

Nobody with a role on the village (clerk, supervisor, even a report-handler role wrongly held on
the village) learns that a report exists; township officials read what it says but not who made
it; only the township's report handler sees the reporter and acts on the report.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.publishing.models import AuditEntry
from disclosure.reports.models import Report, ReportStatus

from ..portal.conftest import PDF
from ..publishing.test_attachments import photo
from .making import NAME, PHONE, TEXT, make_report

PEOPLE = [
    "anonymous",
    "clerk_a",
    "supervisor_a",
    "clerk_b",
    "supervisor_b",
    "township_official",
    "other_township_official",
    "report_handler",
    "village_report_handler",
    "administrator",
]
NOBODY = dict.fromkeys(["list", "detail", "identity", "file", "status", "note"], 404)
LOGIN = dict.fromkeys(NOBODY, 302)
READER = {"list": 200, "detail": 200, "identity": 403, "file": 200, "status": 403, "note": 403}
HANDLER = {"list": 200, "detail": 200, "identity": 200, "file": 200, "status": 302, "note": 302}
OUTSIDER = {**NOBODY, "list": 200}
EXPECTED = {
    "anonymous": LOGIN,
    "clerk_a": NOBODY,
    "supervisor_a": NOBODY,
    "clerk_b": NOBODY,
    "supervisor_b": NOBODY,
    "township_official": READER,
    "other_township_official": OUTSIDER,
    "report_handler": HANDLER,
    "village_report_handler": NOBODY,
    "administrator": NOBODY,
}


@pytest.fixture
def report(village_a):
    upload = SimpleUploadedFile("现场.jpg", photo())
    return make_report(village_a, uploads=[upload])[0]


def open_view(client, view: str, report: Report):
    base = f"/staff/reports/{report.pk}/"
    if view == "list":
        return client.get("/staff/reports/")
    if view == "detail":
        return client.get(base)
    if view == "identity":
        return client.get(f"{base}identity/")
    if view == "file":
        return client.get(f"{base}files/1/")
    if view == "status":
        return client.post(f"{base}status/", {"status": ReportStatus.INVESTIGATING})
    return client.post(f"{base}notes/", {"text": "已电话核实。"})


def signed_in(client, request, person: str):
    if person != "anonymous":
        client.force_login(request.getfixturevalue(person))
    return client


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("latin-1")
    return response.content.decode()


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("view", list(NOBODY))
def test_who_may_open_what(client, request, report, person, view):
    client = signed_in(client, request, person)
    response = open_view(client, view, report)
    assert response.status_code == EXPECTED[person][view]
    if response.status_code == 302 and person == "anonymous":
        assert response["Location"].startswith("/staff/login/")
    report.refresh_from_db()
    acted = person == "report_handler"
    changed = view == "status" and acted
    assert report.status == (ReportStatus.INVESTIGATING if changed else ReportStatus.RECEIVED)
    assert report.notes.exists() == (view == "note" and acted)


@pytest.mark.parametrize("person", PEOPLE)
def test_the_reporter_is_seen_by_the_handler_alone(client, request, report, person):
    client = signed_in(client, request, person)
    pages = [body(open_view(client, view, report)) for view in ("list", "detail", "identity")]
    seen = any(NAME in page and PHONE in page for page in pages)
    assert seen == (person == "report_handler")
    # Even the handler sees it on the identity page only, after asking for it.
    assert NAME not in pages[0] + pages[1]


@pytest.mark.parametrize("person", ["township_official", "report_handler"])
def test_readers_see_the_text_and_the_photo(client, request, report, person):
    client = signed_in(client, request, person)
    assert TEXT in body(open_view(client, "detail", report))
    response = open_view(client, "file", report)
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]


def test_another_townships_official_lists_nothing(client, report, other_township_official):
    client.force_login(other_township_official)
    page = client.get("/staff/reports/").content.decode()
    assert "清河村" not in page
    assert "暂无举报" in page


def test_every_reading_is_logged_with_whether_the_reporter_was_shown(
    client, report, report_handler, township_official
):
    client.force_login(township_official)
    open_view(client, "list", report)
    open_view(client, "detail", report)
    open_view(client, "file", report)
    client.force_login(report_handler)
    open_view(client, "identity", report)

    entries = AuditEntry.objects.filter(action__startswith="report.").exclude(action="report.file")
    entries = entries.order_by("at", "pk")
    logged = [
        (entry.username, entry.action, entry.detail.get("identity_shown")) for entry in entries
    ]
    assert logged == [
        ("official", "report.list", None),
        ("official", "report.view_report", False),
        ("official", "report.view_file", False),
        ("inspector", "report.view_identity", True),
    ]
    assert entries[0].detail["reports"] == [report.pk]
    # The listing is kept on the official's township, where its audit log shows it.
    assert entries[0].village == report.village.parent
    for entry in entries:
        assert NAME not in str(entry.detail) + entry.target
        assert TEXT[:10] not in str(entry.detail) + entry.target


def test_a_wrong_file_number_is_missing(client, report, report_handler):
    client.force_login(report_handler)
    assert client.get(f"/staff/reports/{report.pk}/files/2/").status_code == 404


def test_a_report_that_does_not_exist_is_missing(client, db, report_handler):
    client.force_login(report_handler)
    assert client.get("/staff/reports/999999/").status_code == 404


def test_a_reports_pdf_is_a_sandboxed_download_never_opened_inline(
    client, village_a, report_handler
):
    upload = SimpleUploadedFile("证据.pdf", PDF)
    report = make_report(village_a, uploads=[upload])[0]
    client.force_login(report_handler)

    response = client.get(f"/staff/reports/{report.pk}/files/1/")

    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox"
    assert "no-store" in response["Cache-Control"]
