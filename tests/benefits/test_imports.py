from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from disclosure.benefits.files import table_of
from disclosure.benefits.imports import ImportRefused, read_lines
from disclosure.benefits.personal import is_identity_number

from .conftest import HEADER, LI, ROWS, WANG, lines_of


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def _refusal(*rows, **kwargs) -> list[str]:
    with pytest.raises(ImportRefused) as refused:
        lines_of(*rows, **kwargs)
    return [str(problem) for problem in refused.value.problems]


def test_a_list_is_read_with_exact_amounts_and_known_benefits():
    lines = lines_of(*ROWS)

    assert [line.name for line in lines] == ["王秀英", "李建华", "赵桂兰"]
    assert lines[0].amount == Decimal("1230.00")
    assert lines[1].amount == Decimal("856.40")
    assert [line.benefit_type for line in lines] == ["minimum_living", "farmland", "minimum_living"]


def test_a_gbk_file_with_a_title_row_above_the_header_is_read():
    lines = lines_of(*ROWS, header="清河村惠农补贴发放名单\n" + HEADER, encoding="gb18030")

    assert len(lines) == 3
    assert lines[0].row == 3


def test_an_xlsx_file_is_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(["王秀英", WANG, "第一村民小组", "低保", 1230, "2026年第三季度"])
    buffer = BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("名单.xlsx", buffer.getvalue())

    lines = read_lines(table_of(upload))

    assert lines[0].identity_number == WANG
    assert lines[0].amount == Decimal("1230.00")


def test_the_check_digit_of_an_identity_number_is_verified():
    assert is_identity_number(WANG)
    wrong_check = WANG[:17] + ("1" if WANG[17] != "1" else "2")
    assert not is_identity_number(wrong_check)
    assert not is_identity_number(WANG[:17])


def test_an_identity_number_with_a_bad_check_digit_is_refused_with_its_row_and_column():
    bad = LI[:17] + ("1" if LI[17] != "1" else "2")

    problems = _refusal(ROWS[0], f"李建华,{bad},第二村民小组,低保,856.40,2026年")

    assert len(problems) == 1
    assert problems[0].startswith("Row 3, column 2")
    assert "identity number" in problems[0]


def test_a_bad_amount_is_refused_and_nothing_is_read():
    problems = _refusal(
        f"王秀英,{WANG},第一村民小组,低保,12.345,2026年",
        f"李建华,{LI},第二村民小组,低保,很多,2026年",
    )

    assert [problem[:17] for problem in problems] == ["Row 2, column 5: ", "Row 3, column 5: "]


def test_a_missing_column_is_named():
    problems = _refusal(
        f"王秀英,{WANG},第一村民小组,低保,2026年", header="姓名,身份证号,村民小组,补贴类型,期间"
    )

    assert problems == ["The file has no column for: amount."]


def test_an_unknown_benefit_and_a_repeated_recipient_are_refused():
    problems = _refusal(ROWS[0], ROWS[0], f"李建华,{LI},第二村民小组,彩票奖金,10,2026年")

    assert any(p.startswith("Row 3, column 2") and "row 2" in p for p in problems)
    assert any(p.startswith("Row 4, column 4") and "彩票奖金" in p for p in problems)


def test_a_file_that_is_not_a_table_is_refused():
    upload = SimpleUploadedFile("名单.csv", b"%PDF-1.4 not a list")

    with pytest.raises(ImportRefused):
        read_lines(table_of(upload))
