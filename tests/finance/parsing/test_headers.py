import pytest

from disclosure.finance.parsing import (
    find_header,
    guess_mapping,
    header_row,
    header_signature,
    missing_fields,
)

ENGLISH = ["Date", "Voucher No.", "Summary", "Account code", "Account name", "Income",
           "Expenditure", "Counterparty", "Handled by", "Approved by"]  # fmt: skip


def test_the_template_headings_map_every_field():
    header = ["日期", "凭证号", "摘要", "科目编码", "科目名称", "收入", "支出",
              "对方单位", "经办人", "审批人"]  # fmt: skip

    assert guess_mapping(header) == {
        "date": 0, "voucher_no": 1, "summary": 2, "account_code": 3, "account_name": 4,
        "income": 5, "expenditure": 6, "counterparty": 7, "handler": 8, "approver": 9,
    }  # fmt: skip


def test_english_headings_map_every_field():
    assert list(guess_mapping(ENGLISH).values()) == list(range(10))


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("记账日期", "date"),
        ("凭证日期", "date"),
        ("凭证编号", "voucher_no"),
        ("凭证字号", "voucher_no"),
        ("事由", "summary"),
        ("科目代码", "account_code"),
        ("会计科目编码", "account_code"),
        # Alone, an account column holds code and name together ("541 管理费用").
        ("会计科目", "account_code"),
        ("收入金额（元）", "income"),
        ("支出金额(元)", "expenditure"),
        ("借方金额", "debit"),
        ("贷 方", "credit"),
        ("往来单位", "counterparty"),
        ("收（付）款人", "counterparty"),
        ("经办人：", "handler"),
        ("批准人", "approver"),
    ],
)
def test_the_usual_chinese_headings_are_recognised(heading, field):
    assert guess_mapping(["备注", heading]) == {field: 1}


def test_shuffled_columns_map_where_they_are():
    header = ["支出", "收入", "科目编码", "摘要", "凭证号", "日期"]

    assert guess_mapping(header) == {
        "expenditure": 0, "income": 1, "account_code": 2, "summary": 3, "voucher_no": 4, "date": 5,
    }  # fmt: skip


def test_a_code_column_is_not_mistaken_for_the_account_name():
    assert guess_mapping(["会计科目编码", "会计科目"]) == {"account_code": 0, "account_name": 1}


def test_income_and_expenditure_are_preferred_to_debit_and_credit():
    mapping = guess_mapping(["借方", "贷方", "收入", "支出"])

    assert mapping == {"income": 2, "expenditure": 3}


def test_nothing_is_missing_once_the_required_fields_and_one_pair_of_amounts_are_mapped():
    header = ["日期", "凭证号", "摘要", "科目编码", "借方", "贷方"]

    assert missing_fields(guess_mapping(header)) == []


def test_what_is_still_needed_is_named():
    assert missing_fields({"date": 0}) == ["voucher_no", "summary", "account_code",
                                           "income", "expenditure"]  # fmt: skip
    assert missing_fields({"date": 0, "voucher_no": 1, "summary": 2, "account_code": 3,
                           "credit": 4}) == ["debit"]  # fmt: skip


def test_the_header_is_found_below_merged_title_rows():
    rows = [
        ["清河村2026年3月收支明细", None, None, None],
        ["编制单位：清河村村民委员会", None, None, "单位：元"],
        [None, None, None, None],
        ["日期", "凭证号", "摘要", "科目编码"],
        ["2026-03-05", "记-001", "卖树", "501"],
    ]

    assert find_header(rows) == 3


def test_a_header_of_unknown_headings_is_the_first_full_row():
    rows = [["Ledger of March"], ["When", "Ref", "What", "How much"], ["5 March", "1", "x", "1"]]

    assert find_header(rows) == 1


def test_finding_the_header_reads_only_the_first_rows():
    def endless():
        yield ["日期", "凭证号", "摘要"]
        while True:
            yield ["2026-03-05", "记-001", "卖树"]

    assert find_header(endless()) == 0


def test_the_signature_ignores_spacing_width_and_case_but_not_order():
    signature = header_signature(["日期", "凭证号", "Summary"])

    assert header_signature([" 日 期", "凭证号 ", "SUMMARY", None, ""]) == signature
    assert header_signature(["凭证号", "日期", "Summary"]) != signature
    assert len(signature) == 64


def test_headings_under_a_merged_amount_heading_name_their_columns():
    rows = [
        ["清河村现金日记账"],
        ["日期", "凭证号", "摘要", "科目编码", "金额", None, "余额"],
        [None, None, None, None, "借方", "贷方", None],
        ["2026-03-05", "现收1", "收土地承包费", "501", "6000", None, "6000"],
    ]

    header = header_row(rows, find_header(rows))

    assert header == ["日期", "凭证号", "摘要", "科目编码", "借方", "贷方", "余额"]
    assert missing_fields(guess_mapping(header)) == []


def test_a_first_entry_is_not_taken_for_a_sub_header():
    rows = [["日期", "摘要 ", None], ["2026-03-05", "收入", None]]

    assert header_row(rows, 0) == ["日期", "摘要", ""]


def test_a_heading_of_its_own_is_not_replaced_by_one_below_it():
    rows = [["日期", "凭证号", "金额", None], ["摘要", None, "收入", "支出"]]

    assert header_row(rows, 0) == ["日期", "凭证号", "收入", "支出"]
