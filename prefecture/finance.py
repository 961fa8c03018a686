"""Five years of monthly books of a generated village, disclosed period by period.

Each period's revision carries its ledger entries and cash and bank balances (the canonical rows
finance/services/content.py reads back) and the PeriodTotal and PeriodSummary rows that
finance/services/publication.py stores at publish time. Amounts are whole fen (integers) until
they are written as decimal strings: exact, never floats.
"""

import calendar
import datetime
import json

from django.conf import settings

from disclosure.finance.models import (
    ENTRY_FIELDS,
    EXPENDITURE_CATEGORIES,
    INCOME_CATEGORIES,
    Balance,
    Budget,
    BudgetLine,
    FinanceKind,
    FinanceRule,
    Frequency,
    LedgerEntry,
    Period,
    PeriodSummary,
    PeriodTotal,
)
from disclosure.finance.services.publication import (
    LARGEST_COUNT,
    SUMMARY_FIELDS,
    TOTAL_FIELDS,
)
from disclosure.finance.services.rules import BEGINNING

from . import ledger, words
from .ledger import yuan
from .publications import Codes, Village, correct, publish
from .timing import moment

INCOME = set(INCOME_CATEGORIES)
EXPENDITURE = set(EXPENDITURE_CATEGORIES)
MISSING_SHARE = 0.01  # periods a village never disclosed
LATE_SHARE = 0.08  # periods disclosed after their due date
CORRECTED_SHARE = 0.02  # periods corrected after publication
CORRECTION_REASON = "一笔支出的收款单位名称录入有误，已按原始凭证更正。"


def load(sink, codes: Codes, village: Village, years: range, mean_entries: float) -> None:
    books = ledger.Books(village, mean_entries)
    due_days = settings.FINANCE_DUE_DAYS
    # Every generated village discloses monthly, as its own rule from the start.
    sink.add(
        FinanceRule,
        (
            sink.new_id(FinanceRule),
            village.id,
            BEGINNING,
            Frequency.MONTHLY,
            due_days,
            moment(village.rng, datetime.date(years.start, 1, 2)),
        ),
    )
    for year in years:
        _budget(sink, codes, village, books, year)
        for month in range(1, 13):
            entries, balances = ledger.month(books, year, month)
            if village.rng.random() >= MISSING_SHARE:
                _period(sink, codes, village, year, month, due_days, entries, balances)


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
        kind=FinanceKind.FINANCE_PERIOD,
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


def _budget(sink, codes, village, books: ledger.Books, year: int) -> None:
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
        kind=FinanceKind.BUDGET,
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
    (FinanceRule, ("id", "region_id", "applies_from", "frequency", "due_days", "set_at")),
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
        ("id", "revision_id", "village_id", *ENTRY_FIELDS),
    ),
    (Balance, ("id", "revision_id", "village_id", "fund", "opening", "closing")),
    (PeriodTotal, ("id", "revision_id", "village_id", *TOTAL_FIELDS)),
    # The stored figures are checked field by field by publication.py: the same fields.
    (PeriodSummary, ("id", "revision_id", *SUMMARY_FIELDS)),
)
