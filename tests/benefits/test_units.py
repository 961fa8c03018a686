"""Every benefit has its unit; a list may give the area or people an amount is paid for."""

from decimal import Decimal

import pytest

from disclosure.benefits import services
from disclosure.benefits.files import table_of
from disclosure.benefits.imports import ImportRefused, read_lines
from disclosure.benefits.models import BenefitType, CountyBenefit, Unit
from disclosure.benefits.selectors import county_benefits, totals_of
from disclosure.regions.models import Level
from tests.factories import RegionFactory

from .conftest import LI, WANG, ZHAO, csv_upload, import_draft, lines_of, publish

HEADER = "姓名,身份证号,村民小组,补贴类型,金额,期间,面积（亩）"
GRAIN_ROWS = [
    f"王秀英,{WANG},第一村民小组,种粮一次性补贴,190.00,2026年,12.5",
    f"李建华,{LI},第二村民小组,农机购置补贴,3000,2026年,",
    f"赵桂兰,{ZHAO},第二村民小组,残疾人两项补贴,1200,2026年,",
]


def test_the_new_benefits_are_read_by_the_words_villages_use():
    lines = lines_of(*GRAIN_ROWS, header=HEADER)

    assert [line.benefit_type for line in lines] == [
        BenefitType.GRAIN_ONE_OFF,
        BenefitType.MACHINERY,
        BenefitType.DISABILITY,
    ]


def test_an_amount_paid_per_mu_shows_its_rate_so_a_villager_can_check_it():
    wang = lines_of(*GRAIN_ROWS, header=HEADER)[0]

    assert wang.quantity == Decimal("12.50")
    assert wang.unit == Unit.MU
    assert wang.per_unit == Decimal("15.20")


def test_a_row_without_a_quantity_commits_to_the_same_members_as_before(
    village_a, clerk_a, supervisor_a
):
    revision = publish(import_draft(village_a, clerk_a), clerk_a, supervisor_a)

    row = revision.recipients.first().canonical()

    assert set(row) == {
        "position",
        "group",
        "benefit_type",
        "amount",
        "period",
        "name_commitment",
        "identity_commitment",
    }


def test_the_quantity_and_its_unit_are_chained_with_the_row(village_a, clerk_a):
    revision = import_draft(village_a, clerk_a, rows=GRAIN_ROWS[:1], header=HEADER)
    wang = revision.recipients.get()

    assert wang.canonical()["quantity"] == "12.50"
    assert wang.canonical()["unit"] == "mu"


def test_a_county_names_its_own_benefit_and_a_list_uses_it_with_its_unit(
    village_a, clerk_a, county
):
    CountyBenefit.objects.create(county=county, name="护林员补助", unit=Unit.PERSON)
    rows = [f"王秀英,{WANG},第一村民小组,护林员补助,600,2026年,1"]
    upload = csv_upload(*rows, header=HEADER)

    lines = read_lines(table_of(upload), county_benefits(village_a))
    revision = services.import_list(village=village_a, title="护林员补助", lines=lines, by=clerk_a)

    assert lines[0].benefit_type == BenefitType.OTHER and lines[0].unit == Unit.PERSON
    assert revision.recipients.get().canonical()["item"] == "护林员补助"
    assert [total.label for total in totals_of(revision)] == ["护林员补助"]


@pytest.fixture
def other_county(county):
    return RegionFactory(code="990102000000", name="邻县", level=Level.COUNTY, parent=county.parent)


def test_a_benefit_another_county_named_is_unknown_here(village_a, other_county):
    CountyBenefit.objects.create(county=other_county, name="护林员补助", unit=Unit.PERSON)
    rows = [f"王秀英,{WANG},第一村民小组,护林员补助,600,2026年,"]

    with pytest.raises(ImportRefused) as refused:
        read_lines(table_of(csv_upload(*rows, header=HEADER)), county_benefits(village_a))

    assert "护林员补助" in str(refused.value.problems[0])


def test_the_public_page_shows_the_rate_per_mu(client, village_a, clerk_a, supervisor_a):
    revision = import_draft(village_a, clerk_a, rows=GRAIN_ROWS[:1], header=HEADER)
    publish(revision, clerk_a, supervisor_a)

    page = client.get(revision.posting.get_absolute_url()).content.decode()

    assert "¥15.20 每亩" in page
