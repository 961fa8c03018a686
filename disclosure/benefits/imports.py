"""Reading a list of recipients from a CSV or XLSX file, all or nothing.

Every problem is reported with its row (as the spreadsheet numbers it) and column; a file with
any problem yields no rows at all.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.spreadsheets import normalise, parse_amount

from .models import UNITS, BenefitType
from .personal import is_identity_number

MAX_RECIPIENTS = 5000

# The header words a clerk's spreadsheet uses for each column, lower-cased.
COLUMNS = {
    "name": ("姓名", "户主姓名", "name"),
    "identity_number": ("身份证号", "身份证号码", "公民身份号码", "identity number"),
    "group": ("村民小组", "组别", "小组", "village group", "group"),
    "benefit_type": ("补贴类型", "补助类型", "项目", "类别", "benefit", "benefit type"),
    "amount": ("金额", "金额（元）", "金额(元)", "发放金额", "amount"),
    "period": ("期间", "发放期间", "所属期间", "period"),
}
# Columns a list may have: the area or number of people the amount is paid for.
OPTIONAL_COLUMNS = {
    "quantity": ("数量", "面积", "面积（亩）", "面积(亩)", "亩数", "人数", "quantity"),
}
COLUMN_LABELS = {
    "name": gettext_lazy("name"),
    "identity_number": gettext_lazy("identity number"),
    "group": gettext_lazy("village group"),
    "benefit_type": gettext_lazy("benefit"),
    "amount": gettext_lazy("amount"),
    "period": gettext_lazy("period"),
    "quantity": gettext_lazy("quantity"),
}
BENEFIT_WORDS = {
    BenefitType.FARMLAND: ("耕地地力保护补贴", "耕地地力补贴"),
    BenefitType.GRAIN_ONE_OFF: ("种粮一次性补贴", "实际种粮农民一次性补贴"),
    BenefitType.GRAIN_OTHER: ("其他种粮补贴", "稻谷补贴", "玉米大豆生产者补贴", "粮食补贴"),
    BenefitType.MACHINERY: ("农机购置补贴", "农机补贴"),
    BenefitType.COMPREHENSIVE: ("综合补贴", "农资综合补贴"),
    BenefitType.INSURANCE_PREMIUM: ("农业保险保费补贴", "农险保费补贴"),
    BenefitType.PENSION: ("养老金", "城乡居民基本养老保险", "城乡居民养老金"),
    BenefitType.DISABILITY: ("残疾人两项补贴", "困难残疾人生活补贴", "重度残疾人护理补贴"),
    BenefitType.MINIMUM_LIVING: ("低保", "最低生活保障", "最低生活保障金"),
    BenefitType.EXTREME_POVERTY: ("特困供养", "特困人员供养"),
    BenefitType.MEDICAL: ("医疗救助",),
    BenefitType.TEMPORARY: ("临时救助",),
    BenefitType.HOUSING: ("危房改造", "农村危房改造"),
    BenefitType.INSURANCE: ("农业保险理赔", "农险理赔"),
    BenefitType.OTHER: ("其他",),
}


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: int | None
    message: str

    def __str__(self):
        if self.row and self.column:
            where = _("Row %(row)d, column %(column)d") % {"row": self.row, "column": self.column}
            return f"{where}: {self.message}"
        if self.row:
            return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}
        return self.message


@dataclass(frozen=True)
class Line:
    """One recipient as read from the file, before anything is stored."""

    row: int
    name: str
    identity_number: str
    group: str
    benefit_type: str
    amount: Decimal
    period: str
    item: str = ""
    quantity: Decimal | None = None
    unit: str = ""

    def as_dict(self) -> dict:
        return {
            "row": self.row,
            "name": self.name,
            "identity_number": self.identity_number,
            "group": self.group,
            "benefit_type": self.benefit_type,
            "amount": str(self.amount),
            "period": self.period,
            "item": self.item,
            "quantity": None if self.quantity is None else str(self.quantity),
            "unit": self.unit,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Line":
        quantity = data.get("quantity")
        return cls(
            **{
                **data,
                "amount": Decimal(data["amount"]),
                "quantity": None if quantity is None else Decimal(quantity),
            }
        )

    @property
    def per_unit(self) -> Decimal | None:
        """The amount per mu, person or household, to check against the county's rate."""
        if not self.quantity:
            return None
        return (self.amount / self.quantity).quantize(Decimal("0.01"))


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


def _clean(value) -> str:
    return "" if value is None else normalise(str(value))


def _find_header(table: list[list[str]]) -> tuple[int, dict[str, int]]:
    """The first row naming every column, and each column's index; title rows may come first."""
    every = {**COLUMNS, **OPTIONAL_COLUMNS}
    wanted = {word.lower(): key for key, words in every.items() for word in words}
    for index, row in enumerate(table[:10]):
        found = {}
        for position, cell in enumerate(row):
            key = wanted.get(_clean(cell).lower().replace(" ", ""))
            key = key or wanted.get(_clean(cell).lower())
            if key and key not in found:
                found[key] = position
        if len(found) >= 3:
            return index, found
    return -1, {}


def read_lines(table: list[list], county_benefits: dict[str, str] | None = None) -> list[Line]:
    """The recipients of a table of cells; raises ImportRefused listing every problem.

    `county_benefits` maps the names of the benefits the county named itself to their units.
    """
    header_index, columns = _find_header(table)
    missing = [key for key in COLUMNS if key not in columns]
    if header_index < 0 or missing:
        names = "、".join(str(COLUMN_LABELS[key]) for key in missing or COLUMNS)
        raise ImportRefused(
            [Problem(None, None, _("The file has no column for: %(names)s.") % {"names": names})]
        )
    lines, problems = [], []
    for offset, row in enumerate(table[header_index + 1 :], start=header_index + 2):
        raw = {key: row[index] if index < len(row) else None for key, index in columns.items()}
        cells = {key: _clean(value) for key, value in raw.items()}
        if not any(cells.values()):
            continue
        line, row_problems = _read_line(offset, cells, raw, columns, county_benefits or {})
        problems.extend(row_problems)
        if line:
            lines.append(line)
    problems.extend(_check_duplicates(lines, columns))
    if not lines and not problems:
        problems.append(Problem(None, None, _("The file lists no recipients.")))
    if len(lines) > MAX_RECIPIENTS:
        problems.append(
            Problem(
                None, None, _("A list holds at most %(max)d recipients.") % {"max": MAX_RECIPIENTS}
            )
        )
    if problems:
        raise ImportRefused(problems)
    return lines


def _read_line(
    row: int, cells: dict, raw: dict, columns: dict, county_benefits: dict[str, str]
) -> tuple[Line | None, list[Problem]]:
    problems = []

    def problem(key, message):
        problems.append(Problem(row, columns[key] + 1, message))

    for key in ("name", "group", "period"):
        if not cells[key]:
            problem(key, _("The %(column)s is missing.") % {"column": COLUMN_LABELS[key]})
    if len(cells["name"]) > 50 or len(cells["group"]) > 50 or len(cells["period"]) > 50:
        problem("name", _("A name, group or period is longer than 50 characters."))
    identity = cells["identity_number"].upper()
    if not is_identity_number(identity):
        problem(
            "identity_number",
            _("“%(value)s” is not a valid identity number (18 characters, last one a check digit).")
            % {"value": cells["identity_number"]},
        )
    item = cells["benefit_type"] if cells["benefit_type"] in county_benefits else ""
    benefit_type = BenefitType.OTHER if item else benefit_type_of(cells["benefit_type"])
    if benefit_type is None:
        problem(
            "benefit_type",
            _("Unknown benefit “%(value)s”; use one of: %(choices)s.")
            % {
                "value": cells["benefit_type"],
                "choices": "、".join([*map(str, BenefitType.labels), *county_benefits]),
            },
        )
    amount, amount_problem = _amount(raw["amount"])
    if amount_problem:
        problem("amount", amount_problem)
    quantity, quantity_problem = _quantity(raw.get("quantity"))
    if quantity_problem:
        problem("quantity", quantity_problem)
    if problems:
        return None, problems
    unit = ""
    if quantity is not None:
        unit = county_benefits[item] if item else UNITS[benefit_type]
    line = Line(
        row,
        cells["name"],
        identity,
        cells["group"],
        benefit_type,
        amount,
        cells["period"],
        item=item,
        quantity=quantity,
        unit=unit,
    )
    return line, []


def benefit_type_of(text: str) -> str | None:
    for key, words in BENEFIT_WORDS.items():
        if text in words or text.lower() in (key, str(BenefitType(key).label).lower()):
            return key
    return None


def _amount(value) -> tuple[Decimal | None, str]:
    try:
        amount = parse_amount(value)
    except ValueError as error:
        return None, str(error)
    if amount is None:
        return None, _("The amount is missing.")
    if amount <= 0:
        return None, _("An amount paid to a recipient is more than zero.")
    return amount, ""


def _quantity(value) -> tuple[Decimal | None, str]:
    """The area in mu or number of people; an empty cell is no quantity."""
    try:
        quantity = parse_amount(value)
    except ValueError as error:
        return None, str(error)
    if quantity is not None and quantity <= 0:
        return None, _("A quantity is more than zero.")
    return quantity, ""


def _check_duplicates(lines: list[Line], columns: dict) -> list[Problem]:
    seen: dict[tuple, int] = {}
    problems = []
    for line in lines:
        key = (line.identity_number, line.benefit_type, line.item, line.period)
        if key in seen:
            problems.append(
                Problem(
                    line.row,
                    columns["identity_number"] + 1,
                    _("This person already receives this benefit for this period in row %(row)d.")
                    % {"row": seen[key]},
                )
            )
        else:
            seen[key] = line.row
    return problems
