"""The top of a village's page: this year's money beside last year's, the largest spendings,
what is overdue or ordered corrected, what is new since the last visit, where to ask."""

import datetime

import time_machine

from disclosure.oversight.orders import order_correction

from ..clock import SHANGHAI
from ..factories import published_posting
from ..finance.ledgers import published_period
from ..records import tamper

VILLAGE_A = "/v/990101001001/"


def on(day: str):
    return time_machine.travel(datetime.datetime.fromisoformat(day).replace(tzinfo=SHANGHAI))


def glance(client) -> str:
    page = client.get(VILLAGE_A).content.decode()
    return page[page.index('class="glance"') : page.index('class="search"')]


def test_this_years_money_is_set_beside_last_years(client, village_a, clerk_a, supervisor_a):
    published_period(village_a, clerk_a, supervisor_a, year=2024, number=1)
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=2)

    with on("2025-08-01T09:00"):
        top = glance(client)

    # Each quarter: 62,000 in (land fee and subsidy), 40,120 out.
    assert "2025年村里的钱" in top
    assert "12.4万元" in top and "去年 6.2万元" in top
    assert "8.02万元" in top and "去年 4.01万元" in top
    assert "4.38万元" in top and "去年 2.19万元" in top


def test_the_largest_spendings_are_said_in_plain_words(client, village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)

    with on("2025-08-01T09:00"):
        top = glance(client)

    largest = top[top.index('class="largest"') :]
    assert largest.index("村道硬化工程款") < largest.index("保洁员工资") < largest.index("招待费")
    assert "3.8万元" in largest and "1,800元" in largest and "320元" in largest
    assert f'href="{revision.posting.get_absolute_url()}"' in largest


def test_a_period_whose_figures_were_altered_is_left_out_and_named(
    client, village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    tamper("UPDATE finance_periodsummary SET income = 999999 WHERE revision_id = %s", [revision.pk])

    with on("2025-08-01T09:00"):
        response = client.get(VILLAGE_A)

    page = response.content.decode()
    assert "100万元" not in page
    assert f"内容与公开时不符，未计入：{revision.title}" in page
    assert "no-store" in response["Cache-Control"]


def test_overdue_periods_and_correction_orders_are_listed(
    client, village_a, clerk_a, supervisor_a, township_official
):
    period = published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)
    order_correction(posting=period.posting, reason="招待费未单列。", by=township_official)

    with on("2025-08-01T09:00"):
        top = glance(client)

    alerts = top[top.index('class="alerts"') :]
    assert period.title in alerts and "责令更正" in alerts
    assert "2025年第2季度的财务逾期未公开" in alerts  # due by 15 July
    assert "2025年第1季度的财务" not in alerts


def test_periods_before_the_village_joined_are_not_called_overdue(client, village_a):
    village_a.joined_on = datetime.date(2025, 4, 1)
    village_a.save()

    with on("2025-08-01T09:00"):
        top = glance(client)

    assert "2025年第2季度的财务逾期未公开" in top
    assert "第1季度" not in top and "2024年" not in top


def test_a_village_with_nothing_late_says_so(client, village_a, clerk_a, supervisor_a):
    village_a.joined_on = datetime.date(2025, 1, 1)
    village_a.save()
    published_period(village_a, clerk_a, supervisor_a, year=2025, number=1)

    with on("2025-05-01T09:00"):
        top = glance(client)

    assert 'class="alerts"' not in top
    assert "没有逾期事项，也没有责令更正。" in top


def test_where_to_ask_and_report_is_on_the_first_screen(client, village_a):
    top = glance(client)

    assert 'href="/jubao/?village=990101001001"' in top
    assert 'href="/jubao/track/"' in top
    assert 'href="/benefits/household/"' in top


def test_what_is_new_since_the_last_visit_is_listed(client, village_a, clerk_a, supervisor_a):
    with on("2025-06-01T09:00"):
        published_posting(village_a, clerk_a, supervisor_a, title="五月的旧通知")
        first = client.get(VILLAGE_A)
    assert "上次来访" not in first.content.decode()
    assert first.cookies["seen-990101001001"].value == "~2025-06-01"

    with on("2025-06-10T09:00"):
        published_posting(village_a, clerk_a, supervisor_a, title="六月的新通知")
        again = client.get(VILLAGE_A)

    top = glance_of(again)
    assert "自您上次来访（6月1日）以来有 1 条新内容" in top
    assert "六月的新通知" in top and "五月的旧通知" not in top
    assert again.cookies["seen-990101001001"].value == "2025-06-01~2025-06-10"


def test_a_second_look_the_same_day_still_shows_what_was_new(
    client, village_a, clerk_a, supervisor_a
):
    client.cookies["seen-990101001001"] = "2025-06-01~2025-06-10"
    with on("2025-06-10T18:00"):
        published_posting(village_a, clerk_a, supervisor_a, title="六月的新通知")
        response = client.get(VILLAGE_A)

    assert "六月的新通知" in glance_of(response)
    assert "seen-990101001001" not in response.cookies


def test_a_nonsense_visit_cookie_counts_as_a_first_visit(client, village_a):
    client.cookies["seen-990101001001"] = "yesterday~2025-99-99"

    response = client.get(VILLAGE_A)

    assert response.status_code == 200
    assert "上次来访" not in response.content.decode()


def glance_of(response) -> str:
    page = response.content.decode()
    return page[page.index('class="glance"') : page.index('class="search"')]
