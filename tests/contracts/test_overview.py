import datetime
from decimal import Decimal

import pytest
import time_machine

from disclosure.contracts import services


def _overview(client, village):
    return client.get(f"/v/{village.code}/contracts/").content.decode()


@pytest.fixture
def partly_paid(pond_lease, clerk_a):
    services.record_payment(
        posting=pond_lease.posting,
        paid_on=datetime.date(2025, 4, 10),
        amount=Decimal("7000"),
        by=clerk_a,
    )
    return pond_lease


@time_machine.travel(datetime.date(2025, 6, 1))
def test_a_contracts_line_shows_its_terms_and_what_is_left_overdue(client, partly_paid):
    page = _overview(client, partly_paid.village)
    assert f'<a href="/p/{partly_paid.posting.code}/">东洼鱼塘承包合同</a>' in page
    assert "王建国 · 公开招标 · 2024-01-01 – 2026-12-31" in page
    assert '<td class="amount">15,000.00</td>' in page
    status = '<span class="status overdue">已逾期</span>'
    assert f'{status}<br><span class="meta">逾期 3,000.00 元</span>' in page


@time_machine.travel(datetime.date(2025, 6, 1))
def test_the_overview_reads_in_english_too(client, partly_paid, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _overview(client, partly_paid.village)
    assert "王建国 · Public bidding · 2024-01-01 – 2026-12-31" in page
    assert "<strong>3,000.00 yuan overdue</strong>" in page
    assert '<span class="status overdue">Overdue</span>' in page


@time_machine.travel(datetime.date(2025, 3, 1))
def test_a_contract_paid_up_to_date_shows_no_arrears(client, partly_paid):
    page = _overview(client, partly_paid.village)
    assert "没有欠款的合同" in page
    assert "逾期 " not in page
