"""Reading a disbursement file (一卡通发放明细) from a township or its bank, all or nothing.

The same tolerant reading as benefit lists and ledgers (disclosure.spreadsheets): title rows above
the header, office encodings, full-width digits, amounts and dates as people write them; every
problem is reported with its row and column, and a file with any problem yields no rows.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.spreadsheets import normalise, parse_amount, parse_date

from .imports import ImportRefused, Problem, benefit_type_of
from .slips import normalise_identity

MAX_ROWS = 500_000
COLUMNS = {
    "village": ("村", "村名", "行政村", "村委会", "所属村", "village"),
    "name": ("姓名", "收款人", "领取人", "name"),
    "identity_number": ("身份证号", "身份证号码", "公民身份号码", "identity number"),
    "account": ("账号", "卡号", "银行账号", "一卡通账号", "社保卡号", "account"),
    "amount": ("金额", "发放金额", "实发金额", "金额（元）", "金额(元)", "amount"),
    "paid_on": ("发放日期", "日期", "到账日期", "date", "paid on"),
    "item": ("项目", "补贴项目", "资金项目", "补贴类型", "item", "benefit"),
}
OPTIONAL = {"holder": ("持卡人", "户名", "账户名", "开户人", "account holder")}
LABELS = {
    "village": gettext_lazy("village"),
    "name": gettext_lazy("name"),
    "identity_number": gettext_lazy("identity number"),
    "account": gettext_lazy("account"),
    "amount": gettext_lazy("amount"),
    "paid_on": gettext_lazy("date paid"),
    "item": gettext_lazy("item"),
    "holder": gettext_lazy("account holder"),
}


@dataclass(frozen=True)
class Payment:
    row: int
    village_id: int
    name: str
    identity_number: str
    account: str
    holder: str
    benefit_type: str
    item: str
    amount: Decimal
    paid_on: date


def _cell(value) -> str:
    return "" if value is None else normalise(str(value))


def _header(table: list[list]) -> tuple[int, dict[str, int]]:
    words = {**COLUMNS, **OPTIONAL}
    wanted = {word.lower(): key for key, names in words.items() for word in names}
    for index, row in enumerate(table[:10]):
        found: dict[str, int] = {}
        for position, cell in enumerate(row):
            key = wanted.get(_cell(cell).lower().replace(" ", ""))
            if key and key not in found:
                found[key] = position
        if len(found) >= 4:
            return index, found
    return -1, {}


def read_payments(
    table: list[list], *, villages: dict[str, int], county_benefits: dict[str, str]
) -> list[Payment]:
    """The payments of a table; `villages` maps each village's name and code to its id."""
    index, columns = _header(table)
    missing = [key for key in COLUMNS if key not in columns]
    if index < 0 or missing:
        names = "、".join(str(LABELS[key]) for key in missing or COLUMNS)
        raise ImportRefused(
            [Problem(None, None, _("The file has no column for: %(names)s.") % {"names": names})]
        )
    payments, problems = [], []
    for number, row in enumerate(table[index + 1 :], start=index + 2):
        raw = {key: row[place] if place < len(row) else None for key, place in columns.items()}
        if not any(_cell(value) for value in raw.values()):
            continue
        payment, found = _payment(number, raw, columns, villages, county_benefits)
        problems += found
        if payment:
            payments.append(payment)
    if not payments and not problems:
        problems.append(Problem(None, None, _("The file lists no payments.")))
    if len(payments) > MAX_ROWS:
        problems.append(
            Problem(None, None, _("A file holds at most %(max)d rows.") % {"max": MAX_ROWS})
        )
    if problems:
        raise ImportRefused(problems)
    return payments


def _payment(row, raw, columns, villages, county_benefits) -> tuple[Payment | None, list]:
    problems = []

    def problem(key, message):
        problems.append(Problem(row, columns[key] + 1, message))

    cells = {key: _cell(value) for key, value in raw.items()}
    village_id = villages.get(cells["village"])
    if village_id is None:
        problem(
            "village",
            _("“%(value)s” is not a village of this township.") % {"value": cells["village"]},
        )
    if not cells["name"] or len(cells["name"]) > 50:
        problem("name", _("The name is missing or longer than 50 characters."))
    identity = normalise_identity(cells["identity_number"])
    if identity is None:
        problem(
            "identity_number",
            _("“%(value)s” is not a valid identity number.") % {"value": cells["identity_number"]},
        )
    account = cells["account"].replace(" ", "")
    if not account or len(account) > 40:
        problem("account", _("The account is missing or longer than 40 characters."))
    item = cells["item"] if cells["item"] in county_benefits else ""
    benefit_type = "other" if item else benefit_type_of(cells["item"])
    if benefit_type is None:
        problem("item", _("Unknown benefit “%(value)s”.") % {"value": cells["item"]})
    amount = paid_on = None
    try:
        amount = parse_amount(raw["amount"])
        if amount is None or amount <= 0:
            problem("amount", _("An amount paid is more than zero."))
    except ValueError as error:
        problem("amount", str(error))
    try:
        paid_on = parse_date(raw["paid_on"])
    except ValueError as error:
        problem("paid_on", str(error))
    if problems:
        return None, problems
    holder = cells.get("holder", "")[:50]
    payment = Payment(
        row,
        village_id,
        cells["name"],
        identity,
        account,
        holder,
        benefit_type,
        item,
        amount,
        paid_on,
    )
    return payment, []
