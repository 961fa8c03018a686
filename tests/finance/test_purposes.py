"""A period's spending grouped by what it was for, through the county's editable purposes."""

import pytest
from django.core.cache import caches

from disclosure.finance.purposes import SpendingPurpose, purpose_of, purposes_for
from disclosure.publishing import changes

from .ledgers import CLEANER, MEAL, ROAD, Line, page, published_period

CADRES = Line(
    "村干部误工补贴（村委会主任）", "531", "管理费用", "management_expenses", expenditure="6000.00"
)
STAMPS = Line("邮票", "541", "其他支出", "other_expenditure", expenditure="12.00")


def test_the_default_purposes_name_what_the_money_was_for(village_a, clerk_a, supervisor_a):
    lines = [ROAD, CLEANER, MEAL, CADRES, STAMPS]
    revision = published_period(village_a, clerk_a, supervisor_a, lines=lines)

    html = page(revision.posting.get_absolute_url())

    purposes = html[html.index('class="purposes"') :]
    purposes = purposes[: purposes.index("</ul>")]
    names = ["道路和水利", "干部报酬和补贴", "保洁和环境", "招待和差旅", "其他支出"]
    assert [purposes.index(name) for name in names] == sorted(purposes.index(n) for n in names)
    assert "¥38,000.00" in purposes and "82%" in purposes  # 38,000 of 46,132
    assert "¥6,000.00" in purposes and "13%" in purposes


def test_the_period_opens_with_its_sums_then_purposes_then_largest_then_the_ledger(
    village_a, clerk_a, supervisor_a
):
    revision = published_period(village_a, clerk_a, supervisor_a)

    html = page(revision.posting.get_absolute_url())

    order = ["本期一览", "钱花在了哪里", "最大的几笔支出", "按会计科目分类", "全部账目明细"]
    assert [html.index(part) for part in order] == sorted(html.index(part) for part in order)
    glance = html[html.index("本期一览") : html.index("钱花在了哪里")]
    assert "¥62,000.00" in glance and "¥40,120.00" in glance and "¥21,880.00" in glance
    assert "凭证" not in html[: html.index("按会计科目分类")]


def test_a_countys_own_purposes_replace_the_defaults(county, village_a):
    SpendingPurpose.objects.create(region=county, name="修桥补路", position=1, words="村道")

    assert [purpose.name for purpose in purposes_for(village_a)] == ["修桥补路"]


def test_the_nearest_region_with_purposes_of_its_own_wins(county, township, village_a):
    SpendingPurpose.objects.create(region=county, name="县里的说法", position=1, words="村道")
    SpendingPurpose.objects.create(region=township, name="镇里的说法", position=1, words="村道")

    assert [purpose.name for purpose in purposes_for(village_a)] == ["镇里的说法"]


def test_words_come_before_account_codes_and_the_longest_code_wins(county, village_a):
    SpendingPurpose.objects.create(
        region=county, name="办公", position=1, words="文具", account_prefixes="531"
    )
    SpendingPurpose.objects.create(
        region=county, name="报酬", position=2, words="", account_prefixes="53101"
    )
    purposes = purposes_for(village_a)

    assert purpose_of(Line("买文具", "53101", "工资", "x"), purposes) == "办公"
    assert purpose_of(Line("发放", "53101", "工资", "x"), purposes) == "报酬"
    assert purpose_of(Line("发放", "53102", "其他", "x"), purposes) == "办公"
    assert purpose_of(Line("发放", "541", "其他", "x"), purposes) is None


@pytest.mark.page_cache
def test_a_kept_period_page_shows_an_edited_purpose_at_once(
    county, village_a, clerk_a, supervisor_a
):
    caches["revisions"].clear()
    revision = published_period(village_a, clerk_a, supervisor_a)
    url = revision.posting.get_absolute_url()
    assert "道路和水利" in page(url)

    SpendingPurpose.objects.create(region=county, name="修桥补路", position=1, words="村道")
    changes.count_region(county)

    html = page(url)
    assert "修桥补路" in html and "道路和水利" not in html
