import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from disclosure.assets import services
from disclosure.publishing import chain
from disclosure.publishing import services as publishing

MAY_DAY = datetime.date(2025, 5, 1)
NEW_YEAR = datetime.date(2026, 1, 1)


def add_asset(village, clerk, number="ZC-001", **values):
    defaults = {
        "number": number,
        "category": "buildings",
        "name": "村委会办公楼",
        "location": "村中心",
        "quantity": 1,
        "original_value": Decimal("380000.00"),
        "acquired_on": datetime.date(2012, 6, 1),
        "condition": "完好",
        "user": "村委会",
    }
    return services.save_asset(village=village, values={**defaults, **values}, by=clerk)


def add_resource(village, clerk, number="ZY-001", **values):
    defaults = {
        "number": number,
        "type": "pond",
        "name": "东塘",
        "location": "村东",
        "area_mu": Decimal("12.50"),
        "status": "contracted_out",
        "user": "养殖户",
    }
    return services.save_resource(village=village, values={**defaults, **values}, by=clerk)


def publish_snapshot(village, clerk, supervisor, today=MAY_DAY):
    revision = services.take_snapshot(village=village, by=clerk, today=today)
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion="与台账核对无误。",
    )
    return publishing.publish(revision=revision, by=clerk)


def workbook(rows: list[list], title="固定资产") -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "register.xlsx"
    out.size = len(out.getvalue())
    return out


ASSET_HEADER = [
    "编号",
    "类别",
    "名称",
    "坐落位置",
    "数量",
    "原值（元）",
    "购置日期",
    "状况",
    "使用人",
]
RESOURCE_HEADER = ["编号", "类型", "名称", "坐落位置", "面积（亩）", "状态", "使用人"]


@pytest.fixture
def register_a(village_a, clerk_a):
    """Village A's working register: an office building, a pump and a pond."""
    add_asset(village_a, clerk_a)
    add_asset(
        village_a,
        clerk_a,
        number="ZC-002",
        category="water_works",
        name="灌溉泵站",
        original_value=Decimal("56000.00"),
        condition="一般",
    )
    add_resource(village_a, clerk_a)
    return village_a


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def signed_in(client):
    """The test client signed in as the given person."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
