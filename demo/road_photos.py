"""Photos of the demo's road works, drawn in code: the same phase and seed give the same JPEG.

A village road seen from where it starts: a dirt track with puddles before the works, half of it
poured with concrete during them, a finished concrete road with drains after.
"""

import io
import random
import zlib

from PIL import Image, ImageDraw, ImageFilter

SIZE = (960, 640)
HORIZON = 250
SKY = (176, 204, 228)
FIELD = (96, 138, 70)
DIRT = (150, 118, 82)
CONCRETE = (196, 196, 190)
PHASES = ("before", "during", "after")


def road_photo(phase: str, seed: str) -> bytes:
    if phase not in PHASES:
        raise ValueError(phase)
    # Seeded for repeatable pictures, not for secrecy.
    rng = random.Random(zlib.crc32(f"{phase}{seed}".encode()))  # noqa: S311
    image = Image.new("RGB", SIZE, SKY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HORIZON, SIZE[0], SIZE[1]), fill=FIELD)
    _trees(draw, rng)
    if phase == "before":
        _road(draw, DIRT)
        _puddles(draw, rng)
    elif phase == "during":
        _road(draw, DIRT)
        _road(draw, CONCRETE, left_half=True)
        _mixer(draw)
    else:
        _road(draw, CONCRETE)
        _drains(draw)
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _road(draw: ImageDraw.ImageDraw, colour, left_half: bool = False) -> None:
    middle = SIZE[0] // 2
    far_left, far_right = middle - 18, middle + 18
    near_left, near_right = 120, SIZE[0] - 120
    if left_half:
        far_right, near_right = middle, middle
    draw.polygon(
        [(far_left, HORIZON), (far_right, HORIZON), (near_right, SIZE[1]), (near_left, SIZE[1])],
        fill=colour,
    )


def _trees(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    for _ in range(14):
        x = rng.randint(0, SIZE[0])
        height = rng.randint(40, 90)
        draw.rectangle((x - 3, HORIZON - height // 3, x + 3, HORIZON + 4), fill=(90, 70, 50))
        draw.ellipse((x - 22, HORIZON - height, x + 22, HORIZON - height // 3), fill=(52, 98, 48))


def _puddles(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    for _ in range(6):
        y = rng.randint(HORIZON + 80, SIZE[1] - 40)
        x = rng.randint(SIZE[0] // 2 - 150, SIZE[0] // 2 + 150)
        width = (y - HORIZON) // 4
        draw.ellipse((x - width, y - width // 5, x + width, y + width // 5), fill=(120, 132, 140))


def _mixer(draw: ImageDraw.ImageDraw) -> None:
    """A concrete mixer truck on the unpoured half, and a worker beside it."""
    draw.rectangle((560, 420, 760, 500), fill=(214, 160, 32))
    draw.ellipse((600, 360, 740, 450), fill=(230, 230, 225), outline=(80, 80, 80), width=3)
    for x in (590, 720):
        draw.ellipse((x - 28, 480, x + 28, 536), fill=(30, 30, 30))
    draw.rectangle((520, 440, 532, 500), fill=(30, 60, 140))
    draw.ellipse((516, 420, 536, 440), fill=(240, 200, 40))


def _drains(draw: ImageDraw.ImageDraw) -> None:
    middle = SIZE[0] // 2
    for near in (100, SIZE[0] - 100):
        far = middle - 26 if near < middle else middle + 26
        draw.line([(far, HORIZON), (near, SIZE[1])], fill=(90, 90, 90), width=8)
    for y in range(HORIZON + 20, SIZE[1], 60):
        draw.line([(middle, y), (middle, y + 24)], fill=(250, 250, 250), width=3)
