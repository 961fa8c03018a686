"""Five years of monthly books of a generated village, disclosed period by period.

Each period's revision carries its ledger entries and cash and bank balances (the canonical rows
finance/services/content.py reads back) and the PeriodTotal and PeriodSummary rows that
finance/services/publication.py stores at publish time. Amounts are whole fen (integers) until
they are written as decimal strings: exact, never floats.
"""

import calendar
import datetime
import itertools
import json

from django.conf import settings

from disclosure.finance.accounts import is_hospitality
from disclosure.finance.models import (
    EXPENDITURE_CATEGORIES,
    INCOME_CATEGORIES,
    Balance,
    Budget,
    BudgetLine,
    FinanceSettings,
    Frequency,
    LedgerEntry,
    Period,
    PeriodSummary,
    PeriodTotal,
)
from disclosure.finance.services.publication import LARGEST_COUNT
from disclosure.publishing.catalogue import Kind

from . import words
from .publications import Codes, Village, correct, publish
from .timing import moment

INCOME = set(INCOME_CATEGORIES)
EXPENDITURE = set(EXPENDITURE_CATEGORIES)
MISSING_SHARE = 0.01  # periods a village never disclosed
LATE_SHARE = 0.08  # periods disclosed after their due date
CORRECTED_SHARE = 0.02  # periods corrected after publication
CORRECTION_REASON = "一笔支出的收款单位名称录入有误，已按原始凭证更正。"
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


def load(sink, codes: Codes, village: Village, years: range, mean_entries: float) -> None:
    books = Books(village, mean_entries)
    due_days = settings.FINANCE_DUE_DAYS
    sink.add(
        FinanceSettings, (sink.new_id(FinanceSettings), village.id, Frequency.MONTHLY, due_days)
    )
    for year in years:
        _budget(sink, codes, village, books, year)
        for month in range(1, 13):
            entries, balances = _month(books, year, month)
            if village.rng.random() >= MISSING_SHARE:
                _period(sink, codes, village, year, month, due_days, entries, balances)


def _month(books: Books, year: int, month: int):
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
        "is_hospitality": is_hospitality(summary, template.account_name),
        # Kept beside the canonical values for the stored totals; removed before digesting.
        "_fen": amount,
        "_in": money_in,
    }


def _period(sink, codes, village, year, month, due_days, entries, balances) -> None:
    rng = village.rng
    end = datetime.date(year, month, calendar.monthrange(year, month)[1])
    due = end + datetime.timedelta(days=due_days)
    late = rng.random() < LATE_SHARE
    delay = rng.randint(due_days + 1, due_days + 40) if late else rng.randint(3, due_days)
    rows = _canonical(entries, balances)
    rev = publish(
        sink,
        codes,
        village,
        kind=Kind.FINANCE_PERIOD,
        title=f"{village.name}{year}年{month}月财务收支公开",
        published_at=moment(rng, end + datetime.timedelta(days=delay)),
        rows=rows,
    )
    period_id = sink.new_id(Period)
    sink.add(
        Period,
        (
            period_id,
            village.id,
            year,
            month,
            Frequency.MONTHLY,
            datetime.date(year, month, 1),
            end,
            due,
            rev.post.id,
        ),
    )
    _store(sink, village, rev.id, period_id, entries, balances)
    if rng.random() < CORRECTED_SHARE:
        _correct(sink, village, rev, period_id, entries, balances)


def _correct(sink, village, rev, period_id, entries, balances) -> None:
    rng = village.rng
    corrected = [dict(entry) for entry in entries]
    spending = [entry for entry in corrected if not entry["_in"]] or corrected
    rng.choice(spending)["counterparty"] = words.firm(rng, village.town)
    correction = correct(
        sink,
        village,
        rev.post,
        reason=CORRECTION_REASON,
        body=rev.body,
        rows=_canonical(corrected, balances),
        published_at=rev.published_at + datetime.timedelta(days=rng.randint(5, 40), hours=2),
    )
    _store(sink, village, correction.id, period_id, corrected, balances)


def _canonical(entries, balances) -> list[dict]:
    rows = [{key: value for key, value in entry.items() if key[0] != "_"} for entry in entries]
    rows += [
        {"type": "balance", "fund": fund, "opening": yuan(opening), "closing": yuan(closing)}
        for fund, (opening, closing) in balances.items()
    ]
    return rows


def _store(sink, village, revision_id, period_id, entries, balances) -> None:
    """The revision's entries and balances, and the totals its publication stores."""
    for entry in entries:
        sink.add(
            LedgerEntry,
            (
                sink.new_id(LedgerEntry),
                revision_id,
                village.id,
                entry["line"],
                entry["date"],
                entry["voucher_no"],
                entry["summary"],
                entry["account_code"],
                entry["account_name"],
                entry["category"],
                entry["fund"],
                entry["income"],
                entry["expenditure"],
                entry["counterparty"],
                entry["handler"],
                entry["approver"],
                entry["is_hospitality"],
            ),
        )
    for fund, (opening, closing) in balances.items():
        sink.add(
            Balance,
            (sink.new_id(Balance), revision_id, village.id, fund, yuan(opening), yuan(closing)),
        )
    totals = _totals(entries)
    for category in sorted(totals):
        income, expenditure, count = totals[category]
        sink.add(
            PeriodTotal,
            (
                sink.new_id(PeriodTotal),
                revision_id,
                village.id,
                category,
                yuan(income),
                yuan(expenditure),
                count,
            ),
        )
    _summary(sink, village, revision_id, period_id, entries, balances, totals)


def _totals(entries) -> dict[str, list[int]]:
    totals: dict[str, list[int]] = {}
    for entry in entries:
        total = totals.setdefault(entry["category"], [0, 0, 0])
        total[0 if entry["_in"] else 1] += entry["_fen"]
        total[2] += 1
    return totals


def _summary(sink, village, revision_id, period_id, entries, balances, totals) -> None:
    def net(category, sign):
        income, expenditure, _count = totals.get(category, (0, 0, 0))
        return sign * (income - expenditure)

    spending = sorted(
        (e for e in entries if e["category"] in EXPENDITURE and not e["_in"]),
        key=lambda e: (-e["_fen"], e["line"]),
    )[:LARGEST_COUNT]
    largest = [
        {
            "line": e["line"],
            "date": e["date"],
            "voucher_no": e["voucher_no"],
            "summary": e["summary"],
            "amount": e["expenditure"],
        }
        for e in spending
    ]
    sink.add(
        PeriodSummary,
        (
            sink.new_id(PeriodSummary),
            revision_id,
            village.id,
            period_id,
            yuan(sum(totals[c][0] for c in INCOME if c in totals)),
            yuan(sum(totals[c][1] for c in EXPENDITURE if c in totals)),
            yuan(balances["cash"][0]),
            yuan(balances["cash"][1]),
            yuan(balances["bank"][0]),
            yuan(balances["bank"][1]),
            yuan(net("claims", -1)),
            yuan(net("debts", 1)),
            yuan(sum(e["_fen"] for e in entries if e["is_hospitality"] and not e["_in"])),
            len(entries),
            json.dumps(largest, ensure_ascii=False),
        ),
    )


def _budget(sink, codes, village, books: Books, year: int) -> None:
    rng = village.rng
    monthly = books.mean * 1500_00  # a rough yearly scale from the village's activity
    lines = sorted(
        (category, round(monthly * rng.uniform(0.5, 4.0)))
        for category in (*INCOME_CATEGORIES, *EXPENDITURE_CATEGORIES)
    )
    rev = publish(
        sink,
        codes,
        village,
        kind=Kind.BUDGET,
        title=f"{village.name}{year}年度财务预算",
        published_at=moment(rng, datetime.date(year, 1, rng.randint(8, 25))),
        rows=[{"category": str(category), "amount": yuan(amount)} for category, amount in lines],
    )
    sink.add(Budget, (sink.new_id(Budget), village.id, year, rev.post.id))
    for category, amount in lines:
        sink.add(
            BudgetLine, (sink.new_id(BudgetLine), rev.id, village.id, str(category), yuan(amount))
        )


TABLES = (
    (FinanceSettings, ("id", "village_id", "frequency", "due_days")),
    (
        Period,
        (
            "id",
            "village_id",
            "year",
            "number",
            "frequency",
            "start",
            "end",
            "due_date",
            "posting_id",
        ),
    ),
    (Budget, ("id", "village_id", "year", "posting_id")),
    (BudgetLine, ("id", "revision_id", "village_id", "category", "amount")),
    (
        LedgerEntry,
        (
            "id",
            "revision_id",
            "village_id",
            "line",
            "date",
            "voucher_no",
            "summary",
            "account_code",
            "account_name",
            "category",
            "fund",
            "income",
            "expenditure",
            "counterparty",
            "handler",
            "approver",
            "is_hospitality",
        ),
    ),
    (Balance, ("id", "revision_id", "village_id", "fund", "opening", "closing")),
    (
        PeriodTotal,
        ("id", "revision_id", "village_id", "category", "income", "expenditure", "entries"),
    ),
    (
        PeriodSummary,
        (
            "id",
            "revision_id",
            "village_id",
            "period_id",
            "income",
            "expenditure",
            "cash_opening",
            "cash_closing",
            "bank_opening",
            "bank_closing",
            "claims_change",
            "debts_change",
            "hospitality",
            "entries",
            "largest_expenditures",
        ),
    ),
)
