import pytest

from disclosure.publishing.attachments import blob_path

from ..factories import draft_posting
from .conftest import PDF, PNG, upload


@pytest.fixture
def image(notice_with_files):
    return notice_with_files.attachments.get(filename="现场照片.png")


@pytest.fixture
def pdf(notice_with_files):
    return notice_with_files.attachments.get(filename="清查报告.pdf")


@pytest.fixture
def draft_file(village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a, title="待审核的合同")
    return upload(revision, clerk_a, "合同草稿.pdf", PDF + b"draft")


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_published_pdf_downloads_under_its_chinese_name(client, pdf):
    response = client.get(pdf.get_absolute_url())

    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E6%B8%85%E6%9F%A5%E6%8A%A5%E5%91%8A.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_a_published_picture_opens_in_the_browser(client, image):
    response = client.get(image.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline; filename*=utf-8''")


def test_a_published_picture_has_a_jpeg_thumbnail(client, image):
    response = client.get(f"/t/{image.thumbnail.sha256}.jpg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert body(response).startswith(b"\xff\xd8\xff")


def test_a_draft_file_is_not_found_by_a_villager(client, draft_file):
    assert client.get(draft_file.get_absolute_url()).status_code == 404


def test_the_clerk_of_the_village_can_preview_a_draft_file(client, draft_file, clerk_a):
    client.force_login(clerk_a)

    response = client.get(draft_file.get_absolute_url())

    assert response.status_code == 200
    assert body(response) == PDF + b"draft"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_clerk_of_another_village_cannot_fetch_a_draft_file(client, draft_file, clerk_b):
    client.force_login(clerk_b)

    assert client.get(draft_file.get_absolute_url()).status_code == 404


def test_a_draft_picture_thumbnail_is_hidden_from_villagers(client, village_a, clerk_a):
    revision = draft_posting(village_a, clerk_a, title="待审核的照片")
    attachment = upload(revision, clerk_a, "照片.png", PNG)
    url = f"/t/{attachment.thumbnail.sha256}.jpg"

    assert client.get(url).status_code == 404
    client.force_login(clerk_a)
    assert client.get(url).status_code == 200


def test_a_file_under_another_name_is_not_found(client, pdf):
    assert client.get(f"/a/{pdf.blob.sha256}/other.pdf").status_code == 404


def test_a_file_missing_from_the_disk_is_not_found(client, pdf):
    from disclosure.publishing.attachments import blob_path

    blob_path(pdf.blob).unlink()

    assert client.get(pdf.get_absolute_url()).status_code == 404


def test_every_file_response_is_sandboxed(client, pdf, image):
    for url in (pdf.get_absolute_url(), image.get_absolute_url()):
        assert client.get(url)["Content-Security-Policy"] == "sandbox"
    assert client.get(f"/t/{image.thumbnail.sha256}.jpg")["Content-Security-Policy"] == "sandbox"


def test_a_stored_file_altered_after_upload_is_never_served(client, pdf):
    path = blob_path(pdf.blob)
    path.write_bytes(PDF + b"<script>altered</script>")

    response = client.get(pdf.get_absolute_url())

    assert response.status_code == 404
    assert b"altered" not in response.content
