"""Period postings for the public-side tests: a draft's ledger written straight into its rows,
then taken through the real lifecycle (submit, sign off, publish stores the totals)."""

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from django.test import Client
from PIL import Image

from disclosure.finance.models import Balance, FinanceKind, Fund, LedgerEntry, Voucher
from disclosure.finance.services.periods import get_or_create_period
from disclosure.publishing import services as publishing
from disclosure.publishing.attachments import store_blob, thumbnail_of

from ..factories import signed_off


@dataclass
class Line:
    summary: str
    account_code: str
    account_name: str
    category: str
    income: str = "0"
    expenditure: str = "0"
    fund: str = Fund.BANK
    counterparty: str = ""
    hospitality: bool = False
    day: int = 5


FEE = Line("土地承包费收入", "50101", "发包收入", "operating_income", income="12000.00")
SUBSIDY = Line("上级转移支付补助", "521", "补助收入", "subsidy_income", income="50000.00")
ROAD = Line(
    "村道硬化工程款",
    "532",
    "公益支出",
    "public_welfare",
    expenditure="38000.00",
    counterparty="青山建筑队",
)
CLEANER = Line("保洁员工资", "531", "管理费用", "management_expenses", expenditure="1800.00")
MEAL = Line(
    "招待费", "531", "管理费用", "management_expenses", expenditure="320.00", hospitality=True
)
DEFAULT_LINES = [FEE, SUBSIDY, ROAD, CLEANER, MEAL]
OPENING = {Fund.CASH: Decimal("2000.00"), Fund.BANK: Decimal("100000.00")}


def write_ledger(revision, period, lines, opening=OPENING) -> None:
    LedgerEntry.objects.filter(revision=revision).delete()
    revision.balances.all().delete()
    entries = [
        LedgerEntry(
            revision=revision,
            village=revision.village,
            line=number,
            date=min(period.start + datetime.timedelta(days=line.day - 1), period.end),
            voucher_no=f"记-{number:03d}",
            summary=line.summary,
            account_code=line.account_code,
            account_name=line.account_name,
            category=line.category,
            fund=line.fund,
            income=Decimal(line.income),
            expenditure=Decimal(line.expenditure),
            counterparty=line.counterparty,
            handler="王会计",
            approver="张主任",
            is_hospitality=line.hospitality,
        )
        for number, line in enumerate(lines, start=1)
    ]
    LedgerEntry.objects.bulk_create(entries)
    for fund in Fund.values:
        moved = sum((e.income - e.expenditure for e in entries if e.fund == fund), Decimal(0))
        Balance.objects.create(
            revision=revision,
            village=revision.village,
            fund=fund,
            opening=opening[fund],
            closing=opening[fund] + moved,
        )


def draft_period(village, clerk, *, year=2025, number=1, lines=DEFAULT_LINES):
    period = get_or_create_period(village=village, year=year, number=number, by=clerk)
    content = publishing.Content(title=f"{village.name}{year}年第{number}期财务公开")
    revision = publishing.create_posting(
        village=village, kind=FinanceKind.FINANCE_PERIOD, content=content, by=clerk
    )
    period.posting = revision.posting
    period.save(update_fields=["posting"])
    write_ledger(revision, period, lines)
    return revision


def publish_draft(revision, clerk, supervisor):
    return publishing.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)


def published_period(village, clerk, supervisor, **kwargs):
    return publish_draft(draft_period(village, clerk, **kwargs), clerk, supervisor)


def corrected_period(revision, clerk, supervisor, lines, reason="补记漏登的凭证。"):
    correction = publishing.start_correction(posting=revision.posting, by=clerk, reason=reason)
    write_ledger(correction, revision.posting.finance_period, lines)
    return publish_draft(correction, clerk, supervisor)


def photo(colour=(200, 180, 120)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def add_voucher(entry, content: bytes = b"", filename="记-001.jpg") -> Voucher:
    content = content or photo()
    return Voucher.objects.create(
        entry=entry,
        revision=entry.revision,
        village=entry.village,
        position=entry.vouchers.count() + 1,
        filename=filename,
        blob=store_blob(content, "image/jpeg"),
        thumbnail=store_blob(thumbnail_of(content), "image/jpeg"),
    )


def page(url) -> str:
    """A public page as a villager's browser receives it."""
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()
