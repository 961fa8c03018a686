"""Three-public spending (三公经费): found by the county's words and account codes when a ledger
is checked, shown per period and beside the same months of last year."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from disclosure.finance import threepublic
from disclosure.finance.accounts import THREE_PUBLIC_WORDS, ThreePublic
from disclosure.finance.models import LedgerEntry, ThreePublicScope
from disclosure.finance.services.mapping import set_three_public_scope, three_public_of
from disclosure.publishing.models import AuditEntry

from .ledger_files import ROWS, SIGNED, csv_bytes, imported
from .ledgers import CLEANER, FEE, Line, published_period

WORK_MEAL = ["2026-03-16", "记-006", "接待镇检查组工作餐", "531", "管理费用", "", "620", "农家饭店"]
FUEL = ["2026-03-20", "记-007", "加油", "53107", "管理费用-车辆费", "", "300", "中石化"]
ALLOWANCE = ["2026-03-21", "记-008", "村民代表会议误工补贴", "531", "管理费用", "", "900", ""]
MORE_ROWS = ROWS + [row + SIGNED for row in (WORK_MEAL, FUEL, ALLOWANCE)]


def meal(amount: str, day: int = 5) -> Line:
    return Line(
        "接待工作餐",
        "531",
        "管理费用",
        "management_expenses",
        expenditure=amount,
        hospitality=True,
        day=day,
    )


def three_public_of_county(county) -> ThreePublic:
    scope = ThreePublicScope.objects.get(county=county)
    return ThreePublic(tuple(scope.words.split()), tuple(scope.account_prefixes.split()))


def counted(revision) -> dict[str, bool]:
    entries = LedgerEntry.objects.filter(revision=revision)
    return {entry.summary: entry.is_hospitality for entry in entries}


def test_a_work_meal_for_an_inspection_counts_as_well_as_a_dinner_called_hospitality(
    quarter_a, clerk_a
):
    found = counted(
        imported(quarter_a, clerk_a, content=csv_bytes(MORE_ROWS), bank_close="20359.50")
    )

    assert found["接待检查组招待费"] is True
    assert found["接待镇检查组工作餐"] is True
    assert found["加油"] is True  # the account name says 车辆
    assert (
        found["村民代表会议误工补贴"] is False
    )  # a meeting's allowance is not spent on the meeting
    assert found["保洁员工资"] is False


def test_the_countys_own_words_and_account_codes_replace_the_default(
    quarter_a, clerk_a, county, administrator
):
    set_three_public_scope(
        county=county, words="招待\n工作餐", account_prefixes="53107 53108", by=administrator
    )
    fuel = ["2026-03-20", "记-007", "加油", "53107", "管理费用", "", "300", "中石化"]
    rows = ROWS + [row + SIGNED for row in (WORK_MEAL, fuel)]
    found = counted(imported(quarter_a, clerk_a, content=csv_bytes(rows), bank_close="21259.50"))

    assert found["加油"] is True  # by its account code alone
    assert found["接待镇检查组工作餐"] is True
    assert three_public_of(quarter_a.village).words == ("招待", "工作餐")


def test_a_county_without_a_scope_of_its_own_uses_the_default_words(village_a):
    assert three_public_of(village_a).words == THREE_PUBLIC_WORDS


def test_only_the_countys_administrator_sets_its_scope_and_it_is_audited(
    county, township, township_official, administrator
):
    with pytest.raises(PermissionDenied):
        set_three_public_scope(
            county=county, words="招待", account_prefixes="", by=township_official
        )
    with pytest.raises(ValidationError):
        set_three_public_scope(county=township, words="招待", account_prefixes="", by=administrator)
    set_three_public_scope(county=county, words="招待、接待", account_prefixes="", by=administrator)

    assert ThreePublicScope.objects.get(county=county).words == "招待\n接待"
    assert AuditEntry.objects.filter(action="finance.three_public_scope").count() == 1


@pytest.mark.parametrize(("words", "codes"), [("", ""), ("招待", "531-02"), ("  ", " \n ")])
def test_an_empty_scope_or_an_account_code_with_other_than_digits_is_refused(
    county, administrator, words, codes
):
    with pytest.raises(ValidationError):
        set_three_public_scope(county=county, words=words, account_prefixes=codes, by=administrator)
    assert not ThreePublicScope.objects.exists()


def test_spending_is_compared_over_the_months_both_years_published(
    village_a, clerk_a, supervisor_a
):
    for number, amount in ((1, "300.00"), (2, "500.00")):
        published_period(
            village_a,
            clerk_a,
            supervisor_a,
            year=2025,
            number=number,
            lines=[FEE, CLEANER, meal(amount)],
        )
    published_period(
        village_a,
        clerk_a,
        supervisor_a,
        year=2026,
        number=1,
        lines=[FEE, CLEANER, meal("400.00", day=3), meal("450.00", day=70)],
    )

    found = threepublic.spending([village_a.pk], [2025, 2026])
    comparison = threepublic.compare(found, village_a.pk, 2026)

    # Only the first quarter of 2026 is published: the second of 2025 is left out.
    assert comparison.months == (1, 2, 3)
    assert comparison.this_year == Decimal("850.00")
    assert comparison.last_year == Decimal("300.00")
    assert comparison.rose and comparison.rise == Decimal("550.00")


def test_years_without_a_month_in_common_are_not_compared(village_a, clerk_a, supervisor_a):
    published_period(
        village_a, clerk_a, supervisor_a, year=2025, number=2, lines=[FEE, meal("300.00")]
    )
    published_period(
        village_a, clerk_a, supervisor_a, year=2026, number=1, lines=[FEE, meal("900.00")]
    )

    found = threepublic.spending([village_a.pk], [2025, 2026])
    assert threepublic.compare(found, village_a.pk, 2026) is None


def test_the_overview_shows_each_period_beside_the_same_months_of_last_year(
    village_a, clerk_a, supervisor_a
):
    published_period(
        village_a, clerk_a, supervisor_a, year=2025, number=1, lines=[FEE, meal("300.00")]
    )
    published_period(
        village_a, clerk_a, supervisor_a, year=2026, number=1, lines=[FEE, meal("850.00")]
    )
    published_period(
        village_a, clerk_a, supervisor_a, year=2026, number=2, lines=[FEE, meal("90.00")]
    )

    html = Client().get(f"/v/{village_a.code}/finance/?year=2026").content.decode()
    table = html[html.index('id="three-public-h"') : html.index('id="trend-h"')]

    assert "¥850.00" in table and "¥300.00" in table
    assert "¥90.00" in table and "—" in table  # 2025's second quarter was never published
    assert "比上年增加" in table
    assert "两年均已公开的 3 个月" in table


def admin_user(administrator):
    """The county's administrator, who also uses the Django admin (as 云溪县管理员 does)."""
    administrator.is_staff = administrator.is_superuser = True
    administrator.save(update_fields=["is_staff", "is_superuser"])
    return administrator


def test_the_countys_administrator_sets_the_scope_in_the_admin(client, county, administrator):
    client.force_login(admin_user(administrator))
    form = client.get("/admin/finance/threepublicscope/add/").content.decode()
    assert "工作餐" in form  # the default words, to start from

    response = client.post(
        "/admin/finance/threepublicscope/add/",
        {"county": county.pk, "words": "招待\r\n工作餐", "account_prefixes": "53108"},
    )

    assert response.status_code == 302
    assert three_public_of_county(county) == ThreePublic(("招待", "工作餐"), ("53108",))


def test_the_admin_refuses_a_scope_without_words_or_codes_with_a_message(
    client, county, administrator
):
    client.force_login(admin_user(administrator))
    response = client.post(
        "/admin/finance/threepublicscope/add/",
        {"county": county.pk, "words": "", "account_prefixes": "5310x"},
    )

    assert response.status_code == 200
    assert "科目编码只能是数字：5310x。" in response.content.decode()
    assert not ThreePublicScope.objects.exists()
