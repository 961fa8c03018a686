import io
import re

from PIL import Image

from demo.files import notice_board_photo, pdf_document


def _objects_at_xref_offsets(pdf: bytes) -> list[bytes]:
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", pdf).group(1))
    table = pdf[start:].split(b"trailer")[0].splitlines()[3:]
    return [pdf[int(entry[:10]) :].split(b"\n")[0] for entry in table]


def test_every_cross_reference_of_a_pdf_points_at_its_object():
    pdf = pdf_document("杏花村财务审计报告", "一、基本情况：总收入628,450.00元。")

    heads = _objects_at_xref_offsets(pdf)

    assert pdf.startswith(b"%PDF-1.4")
    assert heads == [b"%d 0 obj" % number for number in range(1, len(heads) + 1)]


def test_the_title_is_written_in_chinese_on_the_first_page():
    pdf = pdf_document("审计报告", "正文")

    assert "审计报告".encode("utf-16-be").hex().upper().encode() in pdf
    assert b"/BaseFont /STSong-Light" in pdf


def test_a_long_report_runs_onto_more_pages():
    assert b"/Count 1 " in pdf_document("报告", "短文。")
    assert b"/Count 3 " in pdf_document("报告", "\n".join(["一行"] * 100))


def test_a_notice_board_photo_is_a_jpeg_that_is_the_same_for_the_same_story():
    photo = notice_board_photo(seed="村道现状照片.jpg")

    assert Image.open(io.BytesIO(photo)).format == "JPEG"
    assert photo == notice_board_photo(seed="村道现状照片.jpg")
    assert photo != notice_board_photo(seed="危桥现状.jpg")
