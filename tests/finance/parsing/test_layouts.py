"""Whole ledgers, laid out as clerks lay them out, read back to the entries written into them."""

import csv
import datetime
import io
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure.finance.parsing import (
    find_header,
    guess_mapping,
    header_row,
    missing_fields,
    parse_entries,
    read_table,
)

from ...spreadsheets.workbooks import workbook_bytes

SUMMARIES = ["村道硬化工程款", "保洁员工资", "土地承包费收入", "办公用品", "招待费", "路灯电费"]
HEADINGS = {
    "date": ["日期", "记账日期", "凭证日期", "Date"],
    "voucher_no": ["凭证号", "凭证编号", "凭证字号", "Voucher No."],
    "summary": ["摘要", "事由", "Summary"],
    "account_code": ["科目编码", "科目代码", "会计科目编码", "Account code"],
    "income": ["收入", "收入金额", "收入金额（元）"],
    "expenditure": ["支出", "支出金额", "支出金额（元）"],
    "debit": ["借方", "借方金额"],
    "credit": ["贷方", "贷方金额"],
}
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2)


@st.composite
def entries(draw):
    amount = draw(money)
    return {
        "date": draw(st.dates(datetime.date(2024, 1, 1), datetime.date(2026, 12, 31))),
        "voucher_no": f"记-{draw(st.integers(1, 999)):03d}",
        "summary": draw(st.sampled_from(SUMMARIES)),
        "account_code": draw(st.sampled_from(["501", "531", "532", "102"])),
        "income": amount if draw(st.booleans()) else None,
        "amount": amount,
    }


@st.composite
def ledgers(draw):
    amounts = draw(st.sampled_from([("income", "expenditure"), ("debit", "credit")]))
    fields = ["date", "voucher_no", "summary", "account_code", *amounts]
    order = draw(st.permutations(fields))
    return {
        "header": [draw(st.sampled_from(HEADINGS[name])) for name in order],
        "order": order,
        "amounts": amounts,
        "titles": draw(st.integers(0, 3)),
        "entries": draw(st.lists(entries(), min_size=1, max_size=15)),
        "blank_after": draw(st.sets(st.integers(0, 14), max_size=3)),
        "totals": draw(st.booleans()),
        "date_style": draw(st.sampled_from(["iso", "slash", "chinese", "dot", "compact"])),
        "money_style": draw(st.sampled_from(["plain", "grouped", "yuan", "sign"])),
    }


def written_date(day: datetime.date, style: str) -> str:
    return {
        "iso": day.isoformat(),
        "slash": f"{day.year}/{day.month}/{day.day}",
        "chinese": f"{day.year}年{day.month}月{day.day}日",
        "dot": f"{day.year}.{day.month}.{day.day}",
        "compact": day.strftime("%Y%m%d"),
    }[style]


def written_money(amount: Decimal, style: str) -> str:
    return {
        "plain": f"{amount:.2f}",
        "grouped": f"{amount:,.2f}",
        "yuan": f"{amount:.2f}元",
        "sign": f"￥{amount:,.2f}",
    }[style]


def cells(ledger, entry, *, typed: bool) -> list:
    income = entry["income"]
    values = {
        "date": entry["date"] if typed else written_date(entry["date"], ledger["date_style"]),
        "voucher_no": entry["voucher_no"],
        "summary": entry["summary"],
        "account_code": int(entry["account_code"]) if typed else entry["account_code"],
    }
    amount = entry["amount"] if typed else written_money(entry["amount"], ledger["money_style"])
    money_in, money_out = ledger["amounts"]
    values[money_in] = amount if income else None
    values[money_out] = None if income else amount
    return [values[name] for name in ledger["order"]]


def table(ledger, *, typed: bool) -> list[list]:
    rows = [[f"清河村收支明细（第{n + 1}页）"] for n in range(ledger["titles"])]
    rows.append(ledger["header"])
    for index, entry in enumerate(ledger["entries"]):
        rows.append(cells(ledger, entry, typed=typed))
        if index in ledger["blank_after"]:
            rows.append([None] * len(ledger["order"]))
    if ledger["totals"]:
        rows.append(["合计", *([None] * (len(ledger["order"]) - 1))])
    return rows


def as_csv(rows: list[list], encoding: str) -> bytes:
    text = io.StringIO()
    csv.writer(text).writerows([["" if cell is None else cell for cell in row] for row in rows])
    return text.getvalue().encode(encoding)


def read_back(data: bytes, filename: str):
    rows = read_table(data, filename).sheets[0].rows
    header_index = find_header(rows)
    mapping = guess_mapping(header_row(rows, header_index))
    assert missing_fields(mapping) == []
    return parse_entries(rows, mapping, header_index)


def check(result, ledger):
    assert result.problems == []
    assert result.totals_rows == int(ledger["totals"])
    read = [(e.date, e.voucher_no, e.summary, e.account_code, e.income, e.expenditure)
            for e in result.entries]  # fmt: skip
    written = [
        (e["date"], e["voucher_no"], e["summary"], e["account_code"],
         e["amount"] if e["income"] else Decimal("0.00"),
         Decimal("0.00") if e["income"] else e["amount"])
        for e in ledger["entries"]
    ]  # fmt: skip
    assert read == written


@settings(max_examples=60, deadline=None)
@given(ledgers(), st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"]))
def test_a_csv_ledger_in_any_layout_reads_back_to_its_entries(ledger, encoding):
    check(read_back(as_csv(table(ledger, typed=False), encoding), "ledger.csv"), ledger)


@settings(max_examples=30, deadline=None)
@given(ledgers(), st.booleans())
def test_a_workbook_ledger_in_any_layout_reads_back_to_its_entries(ledger, typed):
    data = workbook_bytes({"说明": [["请选择三月工作表"]], "三月": table(ledger, typed=typed)})

    sheet = read_table(data, "ledger.xlsx").sheets[1]
    rows = sheet.rows
    header_index = find_header(rows)
    result = parse_entries(rows, guess_mapping(header_row(rows, header_index)), header_index)

    check(result, ledger)
