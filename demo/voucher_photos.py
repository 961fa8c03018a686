"""Voucher photos for the demo, drawn with Pillow: a paper slip with its number, date and amount."""

import datetime
import io
from decimal import Decimal

from PIL import Image, ImageDraw


def voucher_photo(number: str, date: datetime.date, amount: Decimal) -> bytes:
    image = Image.new("RGB", (800, 520), (236, 230, 214))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 760, 480), fill=(252, 250, 244), outline=(150, 60, 60), width=4)
    for y in range(150, 440, 48):
        draw.line((60, y, 740, y), fill=(200, 170, 170), width=2)
    # Pillow's built-in font has no Chinese; the voucher number keeps its digits only.
    draw.text((70, 70), f"No. {number.split('-')[-1]}", fill=(40, 40, 40), font_size=40)
    draw.text((70, 170), date.isoformat(), fill=(40, 40, 40), font_size=36)
    draw.text((70, 270), f"RMB {amount:,.2f}", fill=(20, 20, 120), font_size=48)
    draw.ellipse((560, 300, 720, 460), outline=(200, 30, 30), width=6)
    content = io.BytesIO()
    image.save(content, "JPEG", quality=80)
    return content.getvalue()
