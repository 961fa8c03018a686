"""A villager files a report at /jubao/: the township first, then the village and the report."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from disclosure.publishing.attachments import blob_path
from disclosure.publishing.models import AuditEntry
from disclosure.reports import codes
from disclosure.reports.models import Report, ReportStatus
from disclosure.web.models import Attempt

from ..publishing.test_attachments import GPS, PDF, photo
from .making import NAME, PHONE, TEXT

URL = "/jubao/"


def form_data(village, **changes):
    data = {
        "village": village.code,
        "category": "finance",
        "text": TEXT,
        "identity": "anonymous",
        "name": "",
        "contact": "",
        "website": "",
    }
    data.update(changes)
    return data


def post(client, village, files=(), address="10.0.0.1", **changes):
    data = form_data(village, **changes)
    if files:
        data["files"] = list(files)
    url = f"{URL}?township={village.parent.code}"
    return client.post(url, data, REMOTE_ADDR=address)


def code_on_receipt(client) -> str:
    page = client.get("/jubao/receipt/").content.decode()
    start = page.index('code" aria-label')
    return page[page.index("<strong>", start) + 8 : page.index("</strong>", start)]


def test_the_first_step_chooses_among_the_townships_grouped_by_county(client, village_a, village_c):
    page = client.get(URL).content.decode()
    assert '<optgroup label="示范县">' in page
    assert "青山镇" in page and "白水镇" in page
    assert "清河村" not in page


def test_the_form_offers_the_villages_of_the_chosen_township(
    client, village_a, village_b, village_c
):
    page = client.get(URL, {"township": village_a.parent.code}).content.decode()
    assert "清河村" in page and "柳树村" in page
    assert "石桥村" not in page


def test_a_village_page_link_preselects_the_village(client, village_a, village_b):
    page = client.get(URL, {"village": village_a.code}).content.decode()
    assert f'<option value="{village_a.code}" selected>' in page


def test_the_form_says_the_village_never_sees_the_report(client, village_a):
    page = client.get(URL, {"township": village_a.parent.code}).content.decode()
    assert "举报将送往乡镇，而不是村里" in page
    assert "csrfmiddlewaretoken" in page


def test_the_pages_are_never_cached(client, village_a):
    response = client.get(URL, {"township": village_a.parent.code})
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_an_anonymous_report_is_stored_without_identity_and_a_code_is_shown_once(client, village_a):
    response = post(client, village_a, name=NAME, contact=PHONE)
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.anonymous
    assert (report.reporter_name, report.reporter_contact) == ("", "")
    assert report.status == ReportStatus.RECEIVED
    assert report.village == village_a

    code = code_on_receipt(client)
    assert len(code) == 14 and code.count("-") == 2
    assert report.code_hash == codes.hash_of(codes.normalise(code))
    assert code.replace("-", "") not in str(list(Report.objects.values()))
    # Shown once only: the code is kept nowhere to show it again.
    again = client.get("/jubao/receipt/").content.decode()
    assert code not in again
    assert "无法再次显示" in again


def test_a_named_report_keeps_the_name_and_contact(client, village_a):
    post(client, village_a, identity="named", name=NAME, contact=PHONE)
    report = Report.objects.get()
    assert not report.anonymous
    assert (report.reporter_name, report.reporter_contact) == (NAME, PHONE)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": "太短"}, "text", "至少10个字"),
        ({"text": "长" * 5001}, "text", "最多5000个字"),
        ({"category": ""}, "category", "请选择举报的内容类别"),
        ({"category": "gossip"}, "category", "请选择举报的内容类别"),
        ({"identity": "named", "name": ""}, "name", "请填写您的姓名，或选择匿名举报"),
        (
            {"identity": "named", "name": NAME, "contact": "call me"},
            "contact",
            "电话号码或电子邮箱",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_stored(
    client, village_a, changes, field, message
):
    response = post(client, village_a, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()
    assert not Attempt.objects.exists()


def test_a_village_of_another_township_is_refused(client, village_a, village_c):
    response = client.post(
        f"{URL}?township={village_a.parent.code}", form_data(village_c), REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 400
    assert "请选择举报涉及的村" in response.content.decode()
    assert not Report.objects.exists()


def test_a_forged_township_leads_back_to_the_first_step(client, village_a):
    response = client.post(f"{URL}?township=999999999999", form_data(village_a))
    assert response.status_code == 200
    assert not Report.objects.exists()


def test_a_photo_is_kept_without_its_location_and_a_pdf_as_it_is(client, village_a):
    files = [
        SimpleUploadedFile("现场.jpg", photo()),
        SimpleUploadedFile("收据.pdf", PDF),
    ]
    post(client, village_a, files=files)
    stored = list(Report.objects.get().files.select_related("blob"))
    assert [file.filename for file in stored] == ["现场.jpg", "收据.pdf"]
    cleaned = blob_path(stored[0].blob).read_bytes()
    assert not Image.open(io.BytesIO(cleaned)).getexif().get_ifd(GPS)
    assert b"Huawei" not in cleaned
    assert blob_path(stored[1].blob).read_bytes() == PDF


def test_a_file_that_is_not_a_photo_or_pdf_is_refused(client, village_a):
    response = post(client, village_a, files=[SimpleUploadedFile("a.jpg", b"<script>")])
    assert response.status_code == 400
    assert "a.jpg" in response.content.decode()
    assert not Report.objects.exists()


def test_at_most_three_files(client, village_a):
    files = [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(4)]
    response = post(client, village_a, files=files)
    assert response.status_code == 400
    assert "最多可附3个文件" in response.content.decode()
    assert not Report.objects.exists()


def test_a_program_filling_the_hidden_field_is_not_stored(client, village_a):
    response = post(client, village_a, website="http://spam.example")
    assert response.status_code == 302
    assert not Report.objects.exists()


def test_reports_per_hour_from_one_address_are_limited(client, village_a, settings):
    settings.REPORTS_PER_HOUR = 2
    for _ in range(2):
        assert post(client, village_a).status_code == 302
    refused = post(client, village_a)
    assert refused.status_code == 400
    assert "您所在的网络在过去一小时内提交的举报过多" in refused.content.decode()
    assert Report.objects.count() == 2
    assert post(client, village_a, address="10.0.0.2").status_code == 302


def test_the_address_is_not_kept_with_the_report_nor_in_the_log(client, village_a):
    post(client, village_a, address="10.9.8.7")
    assert "10.9.8.7" not in str(list(Report.objects.values()))
    assert "10.9.8.7" not in str(list(Attempt.objects.values()))
    entry = AuditEntry.objects.get(action="report.file")
    assert entry.address == ""
    assert entry.village == village_a


def test_the_township_readers_are_emailed_without_text_identity_or_code(
    client,
    village_a,
    township_official,
    report_handler,
    clerk_a,
    supervisor_a,
    administrator,
    village_report_handler,
    task_queue,
):
    for person in (township_official, report_handler, clerk_a, supervisor_a, administrator):
        person.email = f"{person.username}@example.org"
        person.save()
    village_report_handler.email = "inspector_a@example.org"
    village_report_handler.save()
    post(
        client,
        village_a,
        files=[SimpleUploadedFile("现场.jpg", photo())],
        **{
            "identity": "named",
            "name": NAME,
            "contact": PHONE,
        },
    )
    task_queue.run()
    code = code_on_receipt(client)

    [message] = mail.outbox
    assert sorted(message.to) == ["inspector@example.org", "official@example.org"]
    assert "清河村" in message.subject
    everything = message.subject + message.body
    for secret in (NAME, PHONE, TEXT[:10], code, code.replace("-", ""), "现场.jpg"):
        assert secret not in everything
    assert "/staff/reports/" in message.body
