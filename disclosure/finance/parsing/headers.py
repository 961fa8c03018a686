"""Finding the header row of a ledger and matching its headings to our fields."""

import hashlib
import itertools
import json
import re
import unicodedata

from django.utils.translation import gettext_lazy as _

FIELDS = (
    "date",
    "voucher_no",
    "summary",
    "account_code",
    "account_name",
    "income",
    "expenditure",
    "debit",
    "credit",
    "counterparty",
    "handler",
    "approver",
)
REQUIRED = ("date", "voucher_no", "summary", "account_code")
AMOUNT_PAIRS = (("income", "expenditure"), ("debit", "credit"))

FIELD_LABELS = {
    "date": _("Date"),
    "voucher_no": _("Voucher number"),
    "summary": _("Summary"),
    "account_code": _("Account code"),
    "account_name": _("Account name"),
    "income": _("Income"),
    "expenditure": _("Expenditure"),
    "debit": _("Debit"),
    "credit": _("Credit"),
    "counterparty": _("Counterparty"),
    "handler": _("Handled by"),
    "approver": _("Approved by"),
}

# Headings as accounting software and hand-kept spreadsheets write them, compared after clean().
ALIASES = {
    "date": ["日期", "记账日期", "凭证日期", "业务日期", "发生日期", "交易日期", "date"],
    "voucher_no": [
        "凭证号", "凭证编号", "凭证字号", "凭证号码", "记账凭证号", "凭单号",
        "voucherno", "vouchernumber", "voucher",
    ],
    "summary": ["摘要", "事由", "摘要说明", "业务摘要", "summary", "description"],
    "account_code": [
        "科目编码", "科目代码", "会计科目编码", "会计科目代码", "科目编号", "科目号",
        "accountcode", "code",
    ],
    "account_name": ["科目名称", "会计科目", "会计科目名称", "科目", "accountname", "account"],
    "income": ["收入", "收入金额", "收款金额", "收方金额", "收方", "income", "receipts"],
    "expenditure": [
        "支出", "支出金额", "付款金额", "付方金额", "付方",
        "expenditure", "expenses", "expense", "payments",
    ],
    "debit": ["借方", "借方金额", "借方发生额", "借", "debit", "dr"],
    "credit": ["贷方", "贷方金额", "贷方发生额", "贷", "credit", "cr"],
    "counterparty": [
        "对方单位", "往来单位", "收付款人", "收款人", "付款人", "收款单位", "付款单位",
        "对方户名", "对方名称", "交易对方", "counterparty", "payee", "payer",
    ],
    "handler": ["经办人", "经手人", "经办", "handler", "handledby"],
    "approver": ["审批人", "批准人", "审批", "approver", "approvedby"],
}  # fmt: skip
_ALIAS_FIELD = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
# Longest first, so 会计科目编码 is read as a code before 会计科目 could claim it as a name.
_BY_LENGTH = sorted(_ALIAS_FIELD.items(), key=lambda item: -len(item[0]))
_NOT_WORD = re.compile(r"[\W_]")
_UNIT = re.compile(r"(单位)?[:：]?(元|人民币元|rmb|cny|yuan)$")
HEADER_SCAN_ROWS = 30


def clean(heading) -> str:
    """A heading reduced to what identifies it: no spaces, brackets, units or case."""
    text = unicodedata.normalize("NFKC", str(heading or "")).lower()
    text = _NOT_WORD.sub("", text)
    return _UNIT.sub("", text) or text


def guess_mapping(header: list) -> dict[str, int]:
    """Map our fields to the indexes of the header's columns they were recognised in.

    Exact headings win over headings that merely contain a known one (收入金额（元）).
    When both income/expenditure and debit/credit are found, income/expenditure are kept. A
    single account column is read as the code and the name together.
    """
    cells = [clean(cell) for cell in header]
    mapping: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = _ALIAS_FIELD.get(cell)
        if name and name not in mapping:
            mapping[name] = index
    taken = set(mapping.values())
    for alias, name in _BY_LENGTH:
        if name in mapping or len(alias) < (4 if alias.isascii() else 2):
            continue
        for index, cell in enumerate(cells):
            if index not in taken and alias in cell:
                mapping[name] = index
                taken.add(index)
                break
    if "income" in mapping and "expenditure" in mapping:
        mapping.pop("debit", None)
        mapping.pop("credit", None)
    if "account_code" not in mapping and "account_name" in mapping:
        # One account column (科目: "541 管理费用"): the code is read from it, the name after it.
        mapping["account_code"] = mapping.pop("account_name")
    return mapping


def missing_fields(mapping: dict[str, int]) -> list[str]:
    """The fields still needed before entries can be read, in FIELDS order.

    When no amount column is mapped, income and expenditure are named (debit and credit
    would do as well); when one of a pair is mapped, its partner is named.
    """
    missing = [name for name in REQUIRED if name not in mapping]
    if not any(all(name in mapping for name in pair) for pair in AMOUNT_PAIRS):
        started = [pair for pair in AMOUNT_PAIRS if any(name in mapping for name in pair)]
        pair = started[0] if started else AMOUNT_PAIRS[0]
        missing += [name for name in pair if name not in mapping]
    return missing


def find_header(rows) -> int:
    """The index of the header row among the first rows, skipping title rows above it.

    The header is the row with the most recognised headings; failing any, the first row as
    wide as the widest of the first rows (a merged title fills one cell only). Reads at most
    HEADER_SCAN_ROWS rows, so a lazy CSV is not read to its end.
    """
    first = list(itertools.islice(iter(rows), HEADER_SCAN_ROWS))
    if not first:
        return 0
    recognised = [len(guess_mapping(row)) for row in first]
    best = max(recognised)
    if best >= 2:
        return recognised.index(best)
    filled = [sum(1 for cell in row if cell is not None and str(cell).strip()) for row in first]
    return filled.index(max(filled))


def header_row(rows, header_index: int) -> list[str]:
    """The headings of the header row as text, with a sub-header row below it folded in.

    Ledgers often put 金额 over two columns 收入 and 支出 in the row below: those lower
    headings then name their columns. Use this, not the raw row, for guess_mapping.
    """
    first = list(itertools.islice(iter(rows), header_index, header_index + 2))
    top = first[0] if first else []
    if len(first) == 2 and is_subheader(first[1]):
        return merge_headings(top, first[1])
    return [heading_text(cell) for cell in top]


def is_subheader(row) -> bool:
    """Whether a row under the header holds nothing but headings (收入, 支出 under 金额)."""
    cells = [cell for cell in row if heading_text(cell)]
    return bool(cells) and len(guess_mapping(cells)) == len(cells)


def merge_headings(top, below) -> list[str]:
    """Headings of a two-row header: the lower heading under a group heading (金额) or under
    nothing, else the upper one."""
    merged = []
    for upper, lower in itertools.zip_longest(top, below):
        upper, lower = heading_text(upper), heading_text(lower)
        merged.append(lower if lower and clean(upper) not in _ALIAS_FIELD else upper)
    return merged


def heading_text(cell) -> str:
    return "" if cell is None else " ".join(unicodedata.normalize("NFKC", str(cell)).split())


def header_signature(header: list) -> str:
    """A stable key (64 hex digits) of a header layout, the same however headings are spaced."""
    cells = [clean(cell) for cell in header]
    while cells and not cells[-1]:
        cells.pop()
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).hexdigest()
