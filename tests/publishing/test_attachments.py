import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from disclosure.publishing import services
from disclosure.publishing.attachments import blob_path, read_upload
from disclosure.publishing.models import Blob

from ..factories import draft_posting

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
GPS = 0x8825
ORIENTATION = 0x0112


def photo(fmt="JPEG", size=(1200, 800), mode="RGB", orientation=None, **save) -> bytes:
    """A photo as a phone takes it: camera make and model, and where it was taken."""
    exif = Image.Exif()
    exif[0x010F] = "Huawei"
    exif[0x0110] = "P40"
    exif[GPS] = {1: "N", 2: (30.0, 15.0, 7.5), 3: "E", 4: (120.0, 10.0, 3.2)}
    if orientation:
        exif[ORIENTATION] = orientation
    out = io.BytesIO()
    Image.new(mode, size, "red" if mode in ("RGB", "RGBA") else 128).save(
        out, fmt, exif=exif.tobytes(), **save
    )
    return out.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture
def draft(village_a, clerk_a):
    return draft_posting(village_a, clerk_a, title="村道修路工程现场照片")


def test_the_type_comes_from_the_content_not_the_name():
    assert read_upload(upload("报告.jpg", PDF))[1] == "application/pdf"
    assert read_upload(upload("照片.pdf", photo()))[1] == "image/jpeg"
    assert read_upload(upload("照片.jpg", photo("PNG")))[1] == "image/png"


@pytest.mark.parametrize(
    "content",
    [b"", b"just some text", b"PK\x03\x04 a zip file", b"<html><script>alert(1)</script>"],
)
def test_anything_but_pdf_jpeg_and_png_is_refused_by_name(content):
    with pytest.raises(ValidationError, match="账目.pdf"):
        read_upload(upload("账目.pdf", content))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_exif_with_the_location_is_removed_from_photos(fmt):
    original = photo(fmt)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS)

    cleaned, _type = read_upload(upload("现场.jpg", original))

    image = Image.open(io.BytesIO(cleaned))
    assert dict(image.getexif()) == {}
    assert not image.getexif().get_ifd(GPS)
    assert b"Huawei" not in cleaned
    assert b"Exif" not in cleaned


def test_a_jpeg_comment_is_removed():
    cleaned, _type = read_upload(upload("现场.jpg", photo(comment=b"taken by Wang, 13812345678")))

    assert b"13812345678" not in cleaned
    assert "comment" not in Image.open(io.BytesIO(cleaned)).info


def test_a_photo_taken_sideways_is_stored_upright():
    cleaned, _type = read_upload(upload("现场.jpg", photo(size=(300, 200), orientation=6)))

    assert Image.open(io.BytesIO(cleaned)).size == (200, 300)


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P", "L", "I;16"])
def test_pngs_of_every_colour_mode_are_kept(mode):
    cleaned, content_type = read_upload(upload("图.png", photo("PNG", size=(64, 64), mode=mode)))

    assert content_type == "image/png"
    assert Image.open(io.BytesIO(cleaned)).size == (64, 64)


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_stored(settings, draft, clerk_a):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024

    with pytest.raises(ValidationError, match="扫描件.pdf"):
        services.add_attachment(
            revision=draft, upload=upload("扫描件.pdf", PDF + b"0" * 2**20), by=clerk_a
        )

    assert not draft.attachments.exists()
    assert not Blob.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xd8\xff\xe0 this is no jpeg at all",
        b"\x89PNG\r\n\x1a\n broken",
        photo()[:400],
    ],
    ids=["garbage-jpeg", "garbage-png", "truncated-jpeg"],
)
def test_a_damaged_image_is_refused_with_its_name(content):
    with pytest.raises(ValidationError, match="坏照片.jpg"):
        read_upload(upload("坏照片.jpg", content))


def test_an_image_with_too_many_pixels_is_refused():
    huge = io.BytesIO()
    Image.new("1", (10_000, 6_000)).save(huge, "PNG")

    with pytest.raises(ValidationError):
        read_upload(upload("巨图.png", huge.getvalue()))


def test_a_photo_gets_a_small_jpeg_thumbnail(draft, clerk_a):
    attachment = services.add_attachment(
        revision=draft, upload=upload("现场.jpg", photo()), by=clerk_a
    )

    thumbnail = Image.open(blob_path(attachment.thumbnail))
    assert thumbnail.format == "JPEG"
    assert max(thumbnail.size) == 480
    assert attachment.thumbnail.content_type == "image/jpeg"


def test_a_pdf_gets_no_thumbnail(draft, clerk_a):
    attachment = services.add_attachment(revision=draft, upload=upload("报告.pdf", PDF), by=clerk_a)

    assert attachment.thumbnail is None


def test_files_are_stored_once_by_their_hash(village_a, clerk_a, draft):
    other = draft_posting(village_a, clerk_a, title="另一则公告")

    first = services.add_attachment(revision=draft, upload=upload("报告.pdf", PDF), by=clerk_a)
    second = services.add_attachment(revision=other, upload=upload("副本.pdf", PDF), by=clerk_a)

    assert first.blob == second.blob
    assert first.blob.sha256 == hashlib.sha256(PDF).hexdigest()
    assert blob_path(first.blob).read_bytes() == PDF
    assert Blob.objects.count() == 1


def test_the_stored_hash_is_of_the_cleaned_photo(draft, clerk_a):
    original = photo()
    attachment = services.add_attachment(
        revision=draft, upload=upload("现场.jpg", original), by=clerk_a
    )

    stored = blob_path(attachment.blob).read_bytes()
    assert attachment.blob.sha256 == hashlib.sha256(stored).hexdigest()
    assert attachment.blob.sha256 != hashlib.sha256(original).hexdigest()


def test_a_path_in_the_file_name_is_dropped(draft, clerk_a):
    attachment = services.add_attachment(
        revision=draft, upload=upload("C:\\Users\\王会计\\报告.pdf", PDF), by=clerk_a
    )

    assert attachment.filename == "报告.pdf"
