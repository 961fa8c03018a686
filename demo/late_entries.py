"""Ledger entries the red-flags demo adds to a village's books, by a correction of its newest
published period imported the way a clerk imports it."""

import csv
import datetime
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.finance.models import Fund, LedgerEntry, Period
from disclosure.finance.parsing.template import HEADINGS
from disclosure.finance.services import checking, committing, imports
from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.publishing.models import posting_is_in_force
from disclosure.redflags import selectors

from .stories import DEFAULT_OPINION


def published_entries(village, summary: str = "") -> list[LedgerEntry]:
    entries = selectors.ledger_entries([village.pk]).filter(summary__startswith=summary)
    return list(entries.order_by("date", "pk"))


def _csv(entries: list[LedgerEntry], added: list[tuple], end) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADINGS)
    for e in entries:
        writer.writerow(
            [
                e.date.isoformat(),
                e.voucher_no,
                e.summary,
                e.account_code,
                e.account_name,
                e.income or "",
                e.expenditure or "",
                e.counterparty,
                e.handler,
                e.approver,
            ]
        )
    handler, approver = entries[-1].handler, entries[-1].approver
    for number, (days_before_end, summary, amount, counterparty) in enumerate(added, start=1):
        day = end - datetime.timedelta(days=days_before_end)
        voucher = f"记-补{number:02d}"
        row = [day.isoformat(), voucher, summary, "532", "公益支出", "", amount, counterparty]
        writer.writerow([*row, handler, approver])
    return text.getvalue().encode("utf-8")


def add_entries(village, clerk, supervisor, *, reason: str, rows: list[tuple]) -> None:
    """Correct the newest published period with `rows` of (days before the period's end,
    summary, amount, counterparty) added as expenditures from the bank, its closing balance
    lowered to match."""
    period = (
        Period.objects.filter(posting_is_in_force("posting"), village=village)
        .order_by("-end")
        .first()
    )
    current = period.posting.current
    entries = list(current.ledger_entries.order_by("line"))
    balances = {balance.fund: balance for balance in current.balances.all()}
    spent = sum((Decimal(amount) for _day, _summary, amount, _party in rows), Decimal(0))
    publishing.start_correction(posting=period.posting, by=clerk, reason=reason)
    upload = SimpleUploadedFile(
        f"{village.name}{period.year}-{period.number:02d}-补记.csv",
        _csv(entries, rows, period.end),
        content_type="text/csv",
    )
    started = imports.start_import(period=period, upload=upload, by=clerk, fund=Fund.BANK)
    checked = checking.check_import(ledger_import=started, by=clerk)
    revision = committing.commit_import(
        ledger_import=checked,
        opening={fund: balance.opening for fund, balance in balances.items()},
        closing={
            Fund.CASH: balances[Fund.CASH].closing,
            Fund.BANK: balances[Fund.BANK].closing - spent,
        },
        by=clerk,
    )
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion=DEFAULT_OPINION,
    )
    publishing.publish(revision=revision, by=clerk)
