import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from disclosure.regions.models import Level, Region
from disclosure.regions.services import level_of, load_regions, parent_code_of

COUNTY = """code,name
990000000000,示范省
990100000000,示范市
990101000000,示范县
990101001000,青山镇
990101001001,清河村
990101001002,柳树村
990101002000,白水镇
990101002001,石桥村
"""


def load(text: str, encoding: str = "utf-8"):
    return load_regions(content=text.encode(encoding))


def errors_of(text: str, language: str = "en") -> list[str]:
    with translation.override(language), pytest.raises(ValidationError) as refused:
        load(text)
    return refused.value.messages


@pytest.mark.parametrize(
    ("code", "level", "parent"),
    [
        ("990000000000", Level.PROVINCE, None),
        ("990100000000", Level.CITY, "990000000000"),
        ("990101000000", Level.COUNTY, "990100000000"),
        ("990101001000", Level.TOWNSHIP, "990101000000"),
        ("990101001001", Level.VILLAGE, "990101001000"),
        # County-level cities governed by the province sit under its group 90.
        ("429004000000", Level.COUNTY, "429000000000"),
        # A node may skip a level: its parent is the code with its last group zeroed.
        ("990001000000", Level.COUNTY, "990000000000"),
    ],
)
def test_level_and_parent_follow_from_the_code(code, level, parent):
    assert level_of(code) == level
    assert parent_code_of(code) == parent


def test_a_county_is_loaded_as_a_tree(db):
    result = load(COUNTY)

    assert result.created == 8
    village = Region.objects.get(code="990101001001")
    assert village.name == "清河村"
    assert village.level == Level.VILLAGE
    assert [node.name for node in village.ancestors()] == ["示范省", "示范市", "示范县", "青山镇"]
    assert list(
        Region.objects.get(code="990101002000").children.values_list("name", flat=True)
    ) == ["石桥村"]


def test_loading_twice_changes_nothing(db):
    load(COUNTY)
    ids = dict(Region.objects.values_list("code", "pk"))

    result = load(COUNTY)

    assert (result.created, result.renamed, result.unchanged) == (0, 0, 8)
    assert dict(Region.objects.values_list("code", "pk")) == ids


def test_a_later_file_renames_and_adds_below_what_is_loaded(db):
    load(COUNTY)

    result = load("code,name\n990101001001,清河新村\n990101001003,桃园村\n")

    assert (result.created, result.renamed) == (1, 1)
    assert Region.objects.get(code="990101001001").name == "清河新村"
    assert Region.objects.get(code="990101001003").parent.name == "青山镇"


def test_gb18030_files_from_older_spreadsheets_are_read(db):
    load(COUNTY, encoding="gb18030")

    assert Region.objects.get(code="990101001002").name == "柳树村"


def test_a_byte_order_mark_and_chinese_column_names_are_accepted(db):
    text = COUNTY.replace("code,name", "统计用区划代码,名称,城乡分类代码")

    load("\ufeff" + text)

    assert Region.objects.count() == 8


def test_rows_are_ordered_parents_first_whatever_the_file_order(db):
    lines = COUNTY.strip().split("\n")
    load("\n".join([lines[0], *reversed(lines[1:])]))

    assert Region.objects.get(code="990101002001").parent.code == "990101002000"


def test_every_bad_row_is_reported_by_number_and_nothing_is_loaded(db):
    text = COUNTY + "99010100100X,坏村\n990101003001,孤村\n990101001001,重复村\n990101001005,\n"

    messages = errors_of(text)

    assert messages == [
        "Row 10: “99010100100X” is not a 12-digit division code.",
        "Row 11: the region 990101003000 above 990101003001 is neither in the file nor loaded.",
        "Row 12: the code 990101001001 already appears in row 6.",
        "Row 13: the name is empty.",
    ]
    assert not Region.objects.exists()


def test_the_errors_are_in_chinese_by_default(db):
    messages = errors_of(COUNTY + "990101003001,孤村\n", language="zh-hans")

    assert messages == ["第10行：990101003001 的上级区划 990101003000 既不在文件中，也尚未导入。"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Row 1 must name the columns"),
        ("区划,名字\n990000000000,示范省\n", "Row 1 must name the columns"),
        ("code,name\n000000000000,无\n", "names no province"),
        ("code,name\n1.10101E+11,北京\n", "is not a 12-digit division code"),
        ("code,name\n990000000000," + "长" * 101 + "\n", "longer than 100 characters"),
        ('code,name\n"990000000000,示范省\n', "is not a 12-digit division code"),
        ("code,name\n" + "9" * 200_000 + ",大\n", "cannot be read as CSV"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_message(db, text, message):
    assert any(message in error for error in errors_of(text))
    assert not Region.objects.exists()


def test_a_file_that_is_no_text_is_refused(db):
    with translation.override("en"), pytest.raises(ValidationError, match="UTF-8|CSV|Row 1"):
        load_regions(content=b"\x00\xff\xfe\x80\x81" * 20)


def test_the_command_loads_a_file(db, tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text(COUNTY, encoding="utf-8")
    out = io.StringIO()

    with translation.override("en"):
        call_command("load_regions", str(path), stdout=out)

    assert "8 new, 0 renamed, 0 unchanged" in out.getvalue()


def test_the_command_reports_every_problem_in_chinese(db, tmp_path):
    path = tmp_path / "regions.csv"
    path.write_bytes((COUNTY + "990101003001,孤村\n").encode("gb18030"))

    with pytest.raises(CommandError) as refused:
        call_command("load_regions", str(path), stdout=io.StringIO())

    assert str(refused.value).splitlines() == [
        "未导入任何数据。",
        "第10行：990101003001 的上级区划 990101003000 既不在文件中，也尚未导入。",
    ]
    assert not Region.objects.exists()


def test_the_command_says_when_the_file_cannot_be_read(db, tmp_path):
    with translation.override("en"), pytest.raises(CommandError, match="Cannot read"):
        call_command("load_regions", str(tmp_path / "missing.csv"))
