"""Who should not be on a benefit list: cadres and their relatives, lists that exclude each other,
the same person in two villages, and a household above the county's ceiling."""

import datetime
from decimal import Decimal

import pytest

from disclosure.benefits import services as benefits
from disclosure.benefits.models import CountyPolicy
from disclosure.redflags import cadres
from disclosure.redflags.services import flags_for

from ..benefits.conftest import LI, WANG, ZHAO, import_draft, publish
from ..clock import on

RULE = ["benefit_recipients"]
TODAY = datetime.date(2026, 12, 1)
pytestmark = pytest.mark.usefixtures("english")


def _row(name, number, benefit="低保", amount="1230.00", period="2026年第三季度"):
    return f"{name},{number},第一村民小组,{benefit},{amount},{period}"


def _list(village, clerk, supervisor, rows, day=datetime.date(2026, 7, 1)):
    with on(day):
        return publish(import_draft(village, clerk, rows=rows), clerk, supervisor)


def _flags(*villages):
    return flags_for([village.pk for village in villages], TODAY, RULE)


def _cadre(village, official, name="李建华", number=LI, ended_on=None, started=2020):
    cadre = cadres.add_cadre(
        village=village,
        name=name,
        position="村委会主任",
        identity_number=number,
        started_on=datetime.date(started, 1, 1),
        by=official,
    )
    if ended_on:
        with on(ended_on):
            cadres.end_term(cadre=cadre, ended_on=ended_on, by=official)
    return cadre


def test_a_cadre_on_his_own_villages_list_is_a_strong_flag(
    village_a, clerk_a, supervisor_a, township_official
):
    _cadre(village_a, township_official)
    _list(village_a, clerk_a, supervisor_a, [_row("李建华", LI)])

    [flag] = _flags(village_a)

    assert flag.strong and "identity number" in flag.explanation and "1,230.00" in flag.explanation


def test_a_cadre_who_left_office_before_the_list_is_not_flagged(
    village_a, clerk_a, supervisor_a, township_official
):
    _cadre(village_a, township_official, ended_on=datetime.date(2026, 1, 31))
    _list(village_a, clerk_a, supervisor_a, [_row("李建华", LI)])

    assert _flags(village_a) == []


def test_a_relative_declared_by_name_only_is_a_weak_flag_and_only_in_the_cadres_village(
    village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b, township_official
):
    chair = _cadre(village_a, township_official, name="张主任", number="")
    cadres.add_relative(cadre=chair, name="王秀英", relation="spouse", by=township_official)
    _list(village_a, clerk_a, supervisor_a, [_row("王秀英", WANG)])
    _list(village_b, clerk_b, supervisor_b, [_row("王秀英", ZHAO, period="2026年第四季度")])

    flags = _flags(village_a, village_b)

    assert [(flag.village_id, flag.strong) for flag in flags] == [(village_a.pk, False)]
    assert "namesake" in flags[0].explanation


def test_zhao_on_dibao_and_tekun_for_the_same_quarter_is_flagged(village_a, clerk_a, supervisor_a):
    rows = [_row("赵桂兰", ZHAO), _row("赵桂兰", ZHAO, benefit="特困供养", amount="900")]
    _list(village_a, clerk_a, supervisor_a, rows)

    flags = _flags(village_a)

    assert len(flags) == 2 and all("exclude each other" in flag.explanation for flag in flags)


def test_dibao_one_quarter_and_tekun_the_next_is_not_flagged(village_a, clerk_a, supervisor_a):
    later = _row("赵桂兰", ZHAO, benefit="特困供养", amount="900", period="2026年第四季度")
    _list(village_a, clerk_a, supervisor_a, [_row("赵桂兰", ZHAO), later])

    assert _flags(village_a) == []


def test_wang_listed_in_two_villages_for_the_same_quarter_is_flagged_in_both(
    village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    _list(village_a, clerk_a, supervisor_a, [_row("王秀英", WANG)])
    _list(village_b, clerk_b, supervisor_b, [_row("王秀英", WANG)])

    flags = _flags(village_a, village_b)

    assert {flag.village_id for flag in flags} == {village_a.pk, village_b.pk}
    assert "柳树村" in flags[0].explanation or "清河村" in flags[0].explanation


def test_wang_in_two_villages_for_different_quarters_is_not_flagged(
    village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b
):
    _list(village_a, clerk_a, supervisor_a, [_row("王秀英", WANG)])
    _list(village_b, clerk_b, supervisor_b, [_row("王秀英", WANG, period="2026年第四季度")])

    assert _flags(village_a, village_b) == []


def test_a_household_above_the_countys_ceiling_in_a_year_is_flagged(
    village_a, clerk_a, supervisor_a, county
):
    CountyPolicy.objects.create(county=county, household_ceiling=Decimal("2000.00"))
    _list(village_a, clerk_a, supervisor_a, [_row("王秀英", WANG)])
    _list(
        village_a,
        clerk_a,
        supervisor_a,
        [_row("王秀英", WANG, period="2026年第四季度")],
        day=datetime.date(2026, 10, 1),
    )

    flags = _flags(village_a)

    assert len(flags) == 2 and "2,460.00" in flags[0].explanation


def test_the_same_amounts_in_two_years_stay_under_the_ceiling(
    village_a, clerk_a, supervisor_a, county
):
    CountyPolicy.objects.create(county=county, household_ceiling=Decimal("2000.00"))
    _list(
        village_a,
        clerk_a,
        supervisor_a,
        [_row("王秀英", WANG, period="2025年第四季度")],
        day=datetime.date(2025, 10, 1),
    )
    _list(village_a, clerk_a, supervisor_a, [_row("王秀英", WANG)])

    assert _flags(village_a) == []


def test_after_the_names_are_removed_the_strong_matches_remain(
    village_a, clerk_a, supervisor_a, township_official
):
    _cadre(village_a, township_official)
    revision = _list(village_a, clerk_a, supervisor_a, [_row("李建华", LI)])
    benefits.expire_list(benefit_list=revision.benefit_list)

    assert [flag.strong for flag in _flags(village_a)] == [True]


def _deaths(township, official, rows):
    from disclosure.benefits.deaths import import_deaths, read_deaths
    from disclosure.benefits.files import table_of

    from ..benefits.conftest import csv_upload

    table = table_of(csv_upload(*rows, header="姓名,身份证号,死亡日期"))
    return import_deaths(township=township, lines=read_deaths(table), by=official)


def test_an_allowance_listed_after_death_is_flagged(
    village_a, clerk_a, supervisor_a, township, township_official
):
    _deaths(township, township_official, [f"赵桂兰,{ZHAO.lower()},2026-05-03"])
    _list(village_a, clerk_a, supervisor_a, [_row("赵桂兰", ZHAO)])

    [flag] = _flags(village_a)

    assert "2026-05-03" in flag.explanation and "2026-07-01" in flag.explanation


def test_a_death_after_the_list_went_public_is_not_flagged(
    village_a, clerk_a, supervisor_a, township, township_official
):
    _deaths(township, township_official, [f"赵桂兰,{ZHAO},2026-08-20"])
    _list(village_a, clerk_a, supervisor_a, [_row("赵桂兰", ZHAO)])

    assert _flags(village_a) == []


def test_a_death_register_with_a_bad_row_adds_nothing(township, township_official):
    from disclosure.benefits.imports import ImportRefused
    from disclosure.benefits.models import Death

    with pytest.raises(ImportRefused) as refused:
        _deaths(township, township_official, [f"赵桂兰,{ZHAO},2026-08-20", "某人,123,昨天"])

    assert [problem.row for problem in refused.value.problems] == [3, 3]
    assert not Death.objects.exists()
