"""Demo registers: each village's assets and resources, disclosed twice with changes between.

The first register is taken at the end of last year, the second a month ago; between them an old
machine is scrapped on a villagers' decision, a building is renovated, new things are bought and a
pond is contracted out, so the portal has differences to show.
"""

import datetime
import io
import random
import zlib
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from disclosure.assets import services
from disclosure.assets.models import Asset, Resource
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.regions.models import RoleKind

BUILDINGS = [
    "村委会办公楼",
    "村文化活动中心",
    "老年活动室",
    "集体仓库",
    "村卫生室用房",
    "旧村小学校舍",
]
EQUIPMENT = ["拖拉机", "联合收割机", "抽水泵", "办公电脑", "村广播设备", "监控设备", "打印复印机"]
ROADS = ["村主干道水泥路", "田间机耕路", "组道硬化路", "便民桥"]
WATER_WORKS = ["灌溉泵站", "蓄水池", "引水渠", "自来水管网", "排涝闸"]
OTHER = ["健身器材", "文化广场", "垃圾收集亭"]
PLACES = ["村委会院内", "一组", "二组", "三组", "村东", "村西", "后山脚", "河边"]
RESOURCES = [
    ("farmland", "机动地", "contracted_out"),
    ("farmland", "河滩地", "contracted_out"),
    ("farmland", "村南耕地", "self_operated"),
    ("forest", "集体山林", "contracted_out"),
    ("forest", "后山竹林", "self_operated"),
    ("pond", "东塘", "idle"),
    ("pond", "西塘", "contracted_out"),
    ("wasteland", "北坡荒地", "idle"),
    ("wasteland", "四荒地", "idle"),
    ("construction_land", "原砖厂用地", "contracted_out"),
    ("construction_land", "集体经营性建设用地", "idle"),
    ("other", "晒谷场", "self_operated"),
]


def load(*, regions, staff, today: datetime.date) -> None:
    for code, people in staff.items():
        if RoleKind.CLERK in people and regions[code].is_village:
            _village(regions[code], people[RoleKind.CLERK], people[RoleKind.SUPERVISOR], today)


def _village(village, clerk, supervisor, today: datetime.date) -> None:
    # Seeded so that every load of the demo gives each village the same register.
    rng = random.Random(zlib.crc32(village.code.encode("ascii")))  # noqa: S311
    _fill_register(village, clerk, rng)
    _publish(village, clerk, supervisor, datetime.date(today.year - 1, 12, 31))
    _change_register(village, clerk, rng, today)
    _publish(village, clerk, supervisor, today - datetime.timedelta(days=30))


def _fill_register(village, clerk, rng: random.Random) -> None:
    number = 0
    for category, names, low, high in (
        ("buildings", BUILDINGS, 80_000, 600_000),
        ("equipment", EQUIPMENT, 3_000, 120_000),
        ("roads", ROADS, 50_000, 900_000),
        ("water_works", WATER_WORKS, 20_000, 300_000),
        ("other", OTHER, 5_000, 80_000),
    ):
        for name in names:
            number += 1
            values = {
                "number": f"ZC-{number:03d}",
                "category": category,
                "name": name,
                "location": rng.choice(PLACES),
                "quantity": rng.choice([1, 1, 1, 2, 3]) if category == "equipment" else 1,
                "original_value": Decimal(rng.randrange(low, high, 100)),
                "acquired_on": datetime.date(rng.randint(2005, 2023), rng.randint(1, 12), 1),
                "condition": rng.choice(["完好", "完好", "一般", "需维修"]),
                "user": rng.choice(["村委会", "村民共用", "村股份经济合作社"]),
            }
            asset = services.save_asset(village=village, values=values, by=clerk)
            if number in (1, 22):
                _photo(asset, clerk)
    for index, (kind, name, status) in enumerate(RESOURCES, start=1):
        values = {
            "number": f"ZY-{index:03d}",
            "type": kind,
            "name": name,
            "location": rng.choice(PLACES),
            "area_mu": Decimal(rng.randrange(150, 30000)) / 100,
            "status": status,
            "user": ""
            if status == "idle"
            else rng.choice(["村股份经济合作社", "承包户", "村委会"]),
        }
        resource = services.save_resource(village=village, values=values, by=clerk)
        if index == 6:
            _photo(resource, clerk)


def _change_register(village, clerk, rng: random.Random, today: datetime.date) -> None:
    tractor = Asset.objects.get(village=village, number="ZC-007")
    services.dispose_asset(
        asset=tractor,
        values={
            "disposal": "scrapped",
            "disposed_on": datetime.date(today.year - 1, 12, 31) + datetime.timedelta(days=40),
            "disposal_reason": "使用年限已满，发动机损坏无修复价值，经评估报废。",
            "proceeds": Decimal("1200.00"),
            "decision_reference": f"{today.year}年第1次村民代表会议",
        },
        by=clerk,
    )
    office = Asset.objects.get(village=village, number="ZC-001")
    renovation = Decimal(rng.randrange(20_000, 90_000, 100))
    services.save_asset(
        village=village,
        asset=office,
        values={"original_value": office.original_value + renovation, "condition": "完好"},
        by=clerk,
    )
    for number, name, category, value in (
        ("ZC-101", "太阳能路灯（40盏）", "equipment", "96000.00"),
        ("ZC-102", "农产品冷藏库", "buildings", "185000.00"),
    ):
        values = {
            "number": number,
            "category": category,
            "name": name,
            "location": rng.choice(PLACES),
            "original_value": Decimal(value),
            "acquired_on": today - datetime.timedelta(days=60),
            "condition": "完好",
            "user": "村委会",
        }
        services.save_asset(village=village, values=values, by=clerk)
    pond = Resource.objects.get(village=village, number="ZY-006")
    services.save_resource(
        village=village,
        resource=pond,
        values={"status": "contracted_out", "user": "承包户"},
        by=clerk,
    )


def _publish(village, clerk, supervisor, taken_on: datetime.date) -> None:
    revision = services.take_snapshot(village=village, by=clerk, today=taken_on)
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        by=supervisor,
        opinion="已与资产台账和实地核对，同意公开。",
        content_digest=chain.content_digest(revision),
    )
    publishing.publish(revision=revision, by=clerk)


def _photo(item, clerk) -> None:
    upload = SimpleUploadedFile(f"{item.number}.jpg", _picture(item.number + item.name))
    services.add_photo(item=item, upload=upload, by=clerk)


def _picture(seed: str) -> bytes:
    """A small JPEG of a building under the sky, different for every item."""
    rng = random.Random(zlib.crc32(seed.encode("utf-8")))  # noqa: S311
    image = Image.new("RGB", (480, 320), (150 + rng.randint(0, 60), 190, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 220, 480, 320), fill=(90, 130 + rng.randint(0, 50), 70))
    left = rng.randint(40, 200)
    draw.rectangle(
        (left, 120, left + 200, 240), fill=(220, 215, 200), outline=(90, 80, 70), width=3
    )
    draw.polygon([(left - 10, 120), (left + 100, 70), (left + 210, 120)], fill=(150, 60, 50))
    draw.rectangle((left + 85, 180, left + 115, 240), fill=(110, 80, 60))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()
