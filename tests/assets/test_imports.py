import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from disclosure.assets.imports import ImportRefused, import_register, parse_workbook
from disclosure.assets.models import Asset, Resource

from .conftest import ASSET_HEADER, RESOURCE_HEADER, add_asset, workbook

GOOD_ASSETS = [
    ["清河村集体资产登记表"],
    ASSET_HEADER,
    ["ZC-001", "房屋建筑", "村委会办公楼", "村中心", 1, 380000, "2012-06-01", "完好", "村委会"],
    [
        "zc-002",
        "equipment",
        "收割机",
        "农机库",
        2,
        "56,000.50",
        datetime.datetime(2020, 3, 5),
        "",
        "",
    ],
    [None, None, None],
    ["ZC-003", "水利设施", "灌溉渠", "村东", 1, 12000, "2018年4月1日", "一般", ""],
]


def _import(village, clerk, rows, register="assets"):
    parsed = parse_workbook(upload=workbook(rows), register=register)
    return import_register(village=village, parsed=parsed, by=clerk)


def test_a_workbook_adds_every_row_to_the_register(village_a, clerk_a):
    assert _import(village_a, clerk_a, GOOD_ASSETS) == (3, 0)

    harvester = Asset.objects.get(village=village_a, number="ZC-002")
    assert harvester.category == "equipment"
    assert harvester.quantity == 2
    assert harvester.original_value == Decimal("56000.50")
    assert harvester.acquired_on == datetime.date(2020, 3, 5)
    assert Asset.objects.get(number="ZC-003").acquired_on == datetime.date(2018, 4, 1)


def test_a_known_number_updates_its_row_instead_of_adding_one(village_a, clerk_a):
    add_asset(village_a, clerk_a, number="ZC-001", name="旧名称")

    assert _import(village_a, clerk_a, GOOD_ASSETS) == (2, 1)
    assert Asset.objects.get(village=village_a, number="ZC-001").name == "村委会办公楼"


def test_resources_are_read_with_their_area_in_mu(village_a, clerk_a):
    rows = [RESOURCE_HEADER, ["ZY-001", "鱼塘", "东塘", "村东", "12.5", "发包", "养殖户"]]

    _import(village_a, clerk_a, rows, register="resources")

    pond = Resource.objects.get(village=village_a)
    assert (pond.type, pond.area_mu, pond.status) == ("pond", Decimal("12.50"), "contracted_out")


def test_every_bad_cell_is_reported_by_row_and_column_and_nothing_is_saved(village_a, clerk_a):
    rows = [
        ASSET_HEADER,
        ["ZC-001", "城堡", "村委会办公楼", "", 1, 380000, "", "", ""],
        ["ZC-002", "房屋建筑", "", "", "两", "-5", "2020-13-45", "", ""],
        ["ZC-001", "房屋建筑", "仓库", "", 1, 100, "", "", ""],
    ]

    with pytest.raises(ImportRefused) as refused:
        _import(village_a, clerk_a, rows)

    assert refused.value.problems == [
        "第 2 行 B 列（类别）：应为房屋建筑物、机器设备、道路、水利设施或其他。",
        "第 3 行 C 列（名称）：此项必填。",
        "第 3 行 E 列（数量）：应填写整数，例如 2。",
        "第 3 行 F 列（原值）：应填写不小于零的数字，例如 12500.00。",
        "第 3 行 G 列（购置日期）：应填写日期，例如 2024-03-15。",
        "第 4 行：编号 ZC-001 与第 2 行重复。",
    ]
    assert not Asset.objects.exists()


def test_a_row_the_register_refuses_undoes_the_whole_import(village_a, clerk_a):
    long_name = "很" * 101
    rows = [ASSET_HEADER, GOOD_ASSETS[2], ["ZC-002", "设备", long_name, "", 1, 100, "", "", ""]]

    with pytest.raises(ImportRefused) as refused:
        _import(village_a, clerk_a, rows)

    assert refused.value.problems[0].startswith("第 3 行（名称）")
    assert not Asset.objects.exists()


@pytest.mark.parametrize(
    "rows",
    [
        [["资产", "名称"], ["ZC-001", "办公楼"]],  # no header with 编号
        [["编号", "名称"], ["ZC-001", "办公楼"]],  # required columns missing
        [ASSET_HEADER],  # nothing under the header
    ],
)
def test_a_workbook_without_its_columns_or_rows_is_refused(village_a, clerk_a, rows):
    with pytest.raises(ImportRefused):
        _import(village_a, clerk_a, rows)


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message(village_a):
    upload = io.BytesIO(b"%PDF-1.4 not a spreadsheet")
    upload.size = 26

    with pytest.raises(ImportRefused) as refused:
        parse_workbook(upload=upload, register="assets")

    assert len(refused.value.problems) == 1


def test_a_clerk_of_another_village_cannot_import(village_a, clerk_b):
    parsed = parse_workbook(upload=workbook(GOOD_ASSETS), register="assets")

    with pytest.raises(PermissionDenied):
        import_register(village=village_a, parsed=parsed, by=clerk_b)
    assert not Asset.objects.exists()


def test_a_csv_file_is_read_like_a_workbook(village_a, clerk_a):
    text = '编号,类型,名称,坐落位置,面积（亩）,状态\nZY-001,林地,集体山林,后山,"1,200.5",自营'
    upload = io.BytesIO(text.encode("gb18030"))
    upload.name, upload.size = "资源.csv", len(upload.getvalue())

    parsed = parse_workbook(upload=upload, register="resources")

    assert parsed.rows[0]["area_mu"] == Decimal("1200.50")
    assert parsed.rows[0]["type"] == "forest"
