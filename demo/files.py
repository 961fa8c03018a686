"""Attachments of the demo, drawn in code: photos of a notice board and PDF documents.

The same story always gives the same bytes, so loading the demo twice on one machine stores
each file once.
"""

import io
import random
import zlib

from PIL import Image, ImageDraw, ImageFilter

PHOTO_SIZE = (1024, 768)


def attachment(filename: str, title: str, body: str) -> bytes:
    if filename.endswith(".pdf"):
        return pdf_document(title, body)
    return notice_board_photo(seed=f"{filename}{title}")


def notice_board_photo(seed: str) -> bytes:
    """A JPEG that looks like a photograph of a village notice board (公开栏) with sheets on it."""
    # Seeded for repeatable pictures, not for secrecy.
    rng = random.Random(zlib.crc32(seed.encode("utf-8")))  # noqa: S311
    image = _wall(rng)
    draw = ImageDraw.Draw(image)
    board = (90, 110, 934, 650)
    draw.rectangle(board, fill=(28, 72, 120), outline=(200, 200, 205), width=14)
    draw.rectangle((104, 124, 920, 190), fill=(178, 34, 34))
    for index in range(rng.randint(2, 4)):
        _sheet(draw, rng, left=130 + index * 195, top=215 + rng.randint(0, 20))
    image = image.rotate(rng.uniform(-2.5, 2.5), resample=Image.BICUBIC, fillcolor=(150, 140, 125))
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def _wall(rng: random.Random) -> Image.Image:
    """A plastered wall in daylight: a warm grey with grain."""
    base = (rng.randint(165, 190), rng.randint(155, 175), rng.randint(135, 150))
    wall = Image.new("RGB", PHOTO_SIZE, base)
    grain = Image.frombytes("L", PHOTO_SIZE, rng.randbytes(PHOTO_SIZE[0] * PHOTO_SIZE[1]))
    wall = Image.blend(wall, grain.convert("RGB"), 0.08)
    shade = Image.linear_gradient("L").resize(PHOTO_SIZE)
    return Image.composite(wall, Image.new("RGB", PHOTO_SIZE, (90, 85, 80)), shade.point(_light))


def _light(value: int) -> int:
    return 255 - value // 3


def _sheet(draw: ImageDraw.ImageDraw, rng: random.Random, left: int, top: int) -> None:
    """A printed A4 notice: a heading, lines of text and the red seal of the village committee."""
    width, height = 170, 240
    draw.rectangle((left + 4, top + 4, left + width + 4, top + height + 4), fill=(20, 50, 85))
    draw.rectangle((left, top, left + width, top + height), fill=(246, 244, 236))
    draw.rectangle((left + 35, top + 16, left + width - 35, top + 26), fill=(60, 60, 60))
    for row in range(rng.randint(10, 14)):
        y = top + 42 + row * 13
        right = left + width - 14 - (rng.randint(20, 80) if row % 4 == 3 else 0)
        draw.rectangle((left + 14, y, right, y + 5), fill=(110, 110, 110))
    seal = (left + width - 70, top + height - 70, left + width - 18, top + height - 18)
    draw.ellipse(seal, outline=(200, 30, 30), width=4)


# A4 in points, with 2 cm margins; the text is set in STSong-Light, one of the Chinese fonts
# every PDF reader must provide, so the file needs no embedded font and stays small.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 57
TITLE_SIZE, TEXT_SIZE, LEADING = 16, 11, 18


def pdf_document(title: str, body: str) -> bytes:
    """A PDF with the title and text of a posting, written by hand to the PDF 1.4 syntax."""
    pages = _paginate(_wrap(body, TEXT_SIZE))
    page_ids = [6 + 2 * index for index in range(len(pages))]
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % page for page in page_ids), len(pages)),
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        b" /DescendantFonts [4 0 R] >>",
        4: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>"
        b" /FontDescriptor 5 0 R /DW 1000 /W [%s] >>" % _latin_widths(),
        5: b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6"
        b" /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120"
        b" /CapHeight 880 /StemV 93 >>",
    }
    for number, (page_id, lines) in enumerate(zip(page_ids, pages, strict=True)):
        content = _page_content(title if number == 0 else "", lines)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R"
            b" >> >> /Contents %d 0 R >>" % (PAGE_WIDTH, PAGE_HEIGHT, page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    return _assemble(objects)


NARROW = ",.:;!'|"


def _units(character: str) -> float:
    """Width in ems: Latin letters and digits are half as wide as Chinese characters."""
    if character in NARROW:
        return 0.25
    return 0.5 if ord(character) < 128 else 1.0


def _latin_widths() -> bytes:
    # In the Adobe-GB1 character collection, CIDs 1 to 95 are the printable ASCII characters.
    widths = b" ".join(b"%d" % (1000 * _units(chr(code))) for code in range(32, 127))
    return b"1 [%s]" % widths


def _wrap(text: str, size: int) -> list[str]:
    limit = (PAGE_WIDTH - 2 * MARGIN) / size
    lines = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for character in paragraph:
            if used + _units(character) > limit:
                lines.append(line)
                line, used = "", 0.0
            line += character
            used += _units(character)
        lines.append(line)
    return lines


def _paginate(lines: list[str]) -> list[list[str]]:
    first = (PAGE_HEIGHT - 2 * MARGIN - 3 * LEADING) // LEADING
    rest = (PAGE_HEIGHT - 2 * MARGIN) // LEADING
    pages = [lines[:first]]
    for start in range(first, len(lines), rest):
        pages.append(lines[start : start + rest])
    return pages


def _text(value: str) -> bytes:
    # UniGB-UCS2-H takes each character as two bytes, big-endian, written here in hex.
    return b"<" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _page_content(title: str, lines: list[str]) -> bytes:
    top = PAGE_HEIGHT - MARGIN
    parts = [b"BT"]
    if title:
        title_width = sum(_units(ch) for ch in title) * TITLE_SIZE
        left = max(MARGIN, (PAGE_WIDTH - title_width) / 2)
        parts.append(b"/F1 %d Tf 1 0 0 1 %.1f %d Tm %s Tj" % (TITLE_SIZE, left, top, _text(title)))
        top -= 3 * LEADING
    parts.append(b"/F1 %d Tf %d TL 1 0 0 1 %d %d Tm" % (TEXT_SIZE, LEADING, MARGIN, top))
    parts.extend(_text(line) + b" Tj T*" for line in lines)
    parts.append(b"ET")
    return b"\n".join(parts)


def _assemble(objects: dict[int, bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe6\x9d\x91\xe5\x8a\xa1\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for number in sorted(objects):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
