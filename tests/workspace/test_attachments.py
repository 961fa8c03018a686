import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from disclosure.publishing import services
from disclosure.publishing.models import Attachment

from ..factories import draft_posting

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(out, "PNG")
    return out.getvalue()


def upload(client, revision, *files):
    return client.post(reverse("workspace:upload", args=[revision.pk]), {"files": list(files)})


def test_a_clerk_attaches_several_files_at_once(as_clerk_a, draft_a):
    response = upload(
        as_clerk_a,
        draft_a,
        SimpleUploadedFile("招标文件.pdf", PDF),
        SimpleUploadedFile("现场照片.png", png()),
    )

    assert response.status_code == 302
    names = [attachment.filename for attachment in draft_a.attachments.all()]
    assert names == ["招标文件.pdf", "现场照片.png"]
    page = as_clerk_a.get(response.url).content.decode()
    assert "已添加 2 个附件" in page
    assert "招标文件.pdf" in page


def test_a_program_renamed_to_pdf_is_refused_beside_the_field(as_clerk_a, draft_a):
    program = SimpleUploadedFile("招标文件.pdf", b"MZ\x90\x00\x03\x00\x00\x00 program")

    response = upload(as_clerk_a, draft_a, program)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_files_error"' in page
    assert "文件“招标文件.pdf”不是 PDF、JPEG 或 PNG 格式" in page.split('id="id_files_error"')[1]
    assert not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused(as_clerk_a, draft_a):
    huge = SimpleUploadedFile("全年凭证.pdf", b"%PDF-" + b"0" * (50 * 2**20))

    response = upload(as_clerk_a, draft_a, huge)

    assert response.status_code == 200
    assert "文件“全年凭证.pdf”大小为 50.0 MB" in response.content.decode()
    assert not Attachment.objects.exists()


def test_one_refused_file_keeps_the_others_out_too(as_clerk_a, draft_a):
    response = upload(
        as_clerk_a,
        draft_a,
        SimpleUploadedFile("招标文件.pdf", PDF),
        SimpleUploadedFile("病毒.pdf", b"MZ not a pdf"),
    )

    assert response.status_code == 200
    assert not Attachment.objects.exists()


def test_an_upload_without_a_file_asks_for_one(as_clerk_a, draft_a):
    response = as_clerk_a.post(reverse("workspace:upload", args=[draft_a.pk]), {})

    assert response.status_code == 200
    assert "该字段是必填项" in response.content.decode()


def test_files_cannot_be_added_once_submitted(as_clerk_a, submitted_a):
    response = upload(as_clerk_a, submitted_a, SimpleUploadedFile("补充.pdf", PDF))

    assert response.status_code == 200
    assert 'id="id_files_error"' in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_clerk_of_another_village_cannot_attach_files(as_clerk_b, draft_a):
    response = upload(as_clerk_b, draft_a, SimpleUploadedFile("越权.pdf", PDF))

    assert response.status_code == 404
    assert not Attachment.objects.exists()


def test_uploads_are_posted_not_fetched(as_clerk_a, draft_a):
    assert as_clerk_a.get(reverse("workspace:upload", args=[draft_a.pk])).status_code == 405


def test_a_clerk_removes_an_attachment(as_clerk_a, draft_a, clerk_a):
    attachment = services.add_attachment(
        revision=draft_a, upload=SimpleUploadedFile("旧版.pdf", PDF), by=clerk_a
    )
    url = reverse("workspace:remove_attachment", args=[draft_a.pk, attachment.pk])

    response = as_clerk_a.post(url, follow=True)

    assert not Attachment.objects.exists()
    assert "已删除附件“旧版.pdf”" in response.content.decode()


def test_an_attachment_is_removed_only_through_its_own_revision(
    as_clerk_a, draft_a, clerk_a, village_a
):
    attachment = services.add_attachment(
        revision=draft_a, upload=SimpleUploadedFile("旧版.pdf", PDF), by=clerk_a
    )
    other = draft_posting(village_a, clerk_a, title="另一份通知")
    url = reverse("workspace:remove_attachment", args=[other.pk, attachment.pk])

    assert as_clerk_a.post(url).status_code == 404
    assert Attachment.objects.exists()


def test_a_supervisor_cannot_remove_attachments(as_supervisor_a, draft_a, clerk_a):
    attachment = services.add_attachment(
        revision=draft_a, upload=SimpleUploadedFile("旧版.pdf", PDF), by=clerk_a
    )
    url = reverse("workspace:remove_attachment", args=[draft_a.pk, attachment.pk])

    assert as_supervisor_a.post(url).status_code == 403
    assert Attachment.objects.exists()
