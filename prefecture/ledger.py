"""The books of a generated village, month by month: ledger lines from the templates in
words.py, log-normal amounts, running cash and bank balances that never go below zero.

Amounts are whole fen (integers) until they are written as decimal strings: exact, never floats.
"""

import calendar
import datetime
import itertools

from disclosure.finance.accounts import ThreePublic

from . import words
from .publications import Village

# The generated county keeps the default scope of three-public spending.
THREE_PUBLIC = ThreePublic()
SEASON = (0.7, 0.6, 1.0, 1.1, 1.1, 1.2, 1.0, 0.9, 1.0, 1.0, 1.1, 1.5)  # more at year end


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


class Books:
    """A village's running balances and the people and firms its entries name."""

    def __init__(self, village: Village, mean_entries: float):
        rng = village.rng
        self.village = village
        self.mean = mean_entries * village.weight
        self.cash = rng.randrange(2_000_00, 20_000_00)
        self.bank = rng.randrange(100_000_00, 2_000_000_00)
        self.firms = [words.firm(rng, village.town) for _ in range(12)]
        self.people = [words.person(rng) for _ in range(30)]
        self.handlers = [village.clerk.name, words.person(rng)]
        self.approver = words.person(rng)


def _cumulative(templates):
    return list(itertools.accumulate(template.weight for template in templates))


CUM_EXPENDITURE = _cumulative(words.EXPENDITURE)
CUM_INCOME = _cumulative(words.INCOME)


def month(books: Books, year: int, month: int):
    rng = books.village.rng
    mean = books.mean * SEASON[month - 1]
    count = max(3, round(rng.gammavariate(4.0, mean / 4.0)))
    last_day = calendar.monthrange(year, month)[1]
    days = sorted(rng.randint(1, last_day) for _ in range(count))
    opening = {"cash": books.cash, "bank": books.bank}
    entries = [_entry(books, year, month, line, day) for line, day in enumerate(days, start=1)]
    if books.bank < 0:
        entries.append(_top_up(books, year, month, len(entries) + 1, last_day))
    closing = {"cash": books.cash, "bank": books.bank}
    return entries, {fund: (opening[fund], closing[fund]) for fund in ("bank", "cash")}


def _entry(books: Books, year: int, month: int, line: int, day: int) -> dict:
    rng = books.village.rng
    pick = rng.random()
    if pick < 0.74:
        template = rng.choices(words.EXPENDITURE, cum_weights=CUM_EXPENDITURE)[0]
        index = rng.randrange(len(template.summaries))
        money_in = False
    elif pick < 0.97:
        template = rng.choices(words.INCOME, cum_weights=CUM_INCOME)[0]
        index = rng.randrange(len(template.summaries))
        money_in = True
    else:
        template = rng.choice(words.CLAIMS_AND_DEBTS)
        index = rng.randrange(2)
        # Lending out raises a claim, borrowing raises a debt; the second summary undoes it.
        money_in = (index == 1) if template.category == "claims" else (index == 0)
    amount = max(100, round(template.median * 100 * rng.lognormvariate(0.0, template.spread)))
    fund = "cash" if amount < 1_000_00 and rng.random() < 0.6 else "bank"
    if fund == "cash" and not money_in and amount > books.cash:
        fund = "bank"
    change = amount if money_in else -amount
    if fund == "cash":
        books.cash += change
    else:
        books.bank += change
    summary = template.summaries[index]
    return _row(
        books,
        template,
        summary,
        year,
        month,
        line,
        day,
        fund,
        money_in,
        amount,
        _counterparty(books, template),
    )


def _counterparty(books: Books, template) -> str:
    if template.counterparty == "firm":
        return books.village.rng.choice(books.firms)
    if template.counterparty == "person":
        return books.village.rng.choice(books.people)
    return template.counterparty


def _top_up(books: Books, year: int, month: int, line: int, day: int) -> dict:
    """The township's transfer that a village waits for when its bank account runs dry."""
    template = words.INCOME[2]
    amount = -books.bank + books.village.rng.randrange(10_000_00, 50_000_00)
    books.bank += amount
    return _row(
        books,
        template,
        template.summaries[0],
        year,
        month,
        line,
        day,
        "bank",
        True,
        amount,
        template.counterparty,
    )


def _row(books, template, summary, year, month, line, day, fund, money_in, amount, party) -> dict:
    return {
        "type": "entry",
        "line": line,
        "date": datetime.date(year, month, day).isoformat(),
        "voucher_no": f"记{month:02d}-{line:03d}",
        "summary": summary,
        "account_code": template.account_code,
        "account_name": template.account_name,
        "category": template.category,
        "fund": fund,
        "income": yuan(amount if money_in else 0),
        "expenditure": yuan(0 if money_in else amount),
        "counterparty": party,
        "handler": books.handlers[line % 2],
        "approver": books.approver,
        "is_hospitality": THREE_PUBLIC.covers(
            account_code=template.account_code, account_name=template.account_name, summary=summary
        ),
        # Kept beside the canonical values for the stored totals; removed before digesting.
        "_fen": amount,
        "_in": money_in,
    }
