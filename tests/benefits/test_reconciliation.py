"""What was paid against what was listed: 青山镇 imports the 一卡通 file for 清河村's list.

The list, published on 2026-07-01: 王秀英 低保 1,230.00; 李建华 耕地地力保护补贴 856.40;
赵桂兰 低保 690.00. Each test pays it a different way.
"""

import datetime
from decimal import Decimal

import pytest

from disclosure.benefits import disbursements
from disclosure.benefits.disbursement_files import read_payments
from disclosure.benefits.files import table_of
from disclosure.benefits.imports import ImportRefused
from disclosure.benefits.reconciliation import reconcile

from ..clock import on
from .conftest import LI, WANG, ZHAO, csv_upload, identity, import_draft, publish

HEADER = "村,姓名,身份证号,账号,持卡人,金额,发放日期,项目"
ON_TIME = "2026-07-10"
PAID_IN_FULL = [
    f"清河村,王秀英,{WANG},6230000000000000011,王秀英,1230.00,{ON_TIME},低保",
    f"清河村,李建华,{LI},6230000000000000022,李建华,856.40,{ON_TIME},耕地地力保护补贴",
    f"清河村,赵桂兰,{ZHAO},6230000000000000033,赵桂兰,690.00,{ON_TIME},低保",
]


@pytest.fixture
def july_list(village_a, clerk_a, supervisor_a):
    with on(datetime.date(2026, 7, 1)):
        return publish(import_draft(village_a, clerk_a), clerk_a, supervisor_a)


def payments_of(township, rows, header=HEADER):
    table = table_of(csv_upload(*rows, header=header))
    villages = disbursements.villages_by_name_and_code(township)
    return read_payments(table, villages=villages, county_benefits={})


def _reconciled(township, official, rows):
    disbursement = disbursements.import_disbursement(
        township=township,
        filename="一卡通发放明细.csv",
        payments=payments_of(township, rows),
        lists_from=datetime.date(2026, 7, 1),
        lists_to=datetime.date(2026, 9, 30),
        by=official,
    )
    return reconcile(disbursement)


def _kinds(result) -> list[str]:
    return sorted(mismatch.kind for mismatch in result.mismatches)


def test_a_list_paid_in_full_on_time_has_no_mismatch(july_list, township, township_official):
    result = _reconciled(township, township_official, PAID_IN_FULL)

    assert result.mismatches == []
    farmland = [t for t in result.totals if t.benefit == "耕地地力保护补贴"]
    assert farmland[0].paid_amount == Decimal("856.40")


def test_zhao_listed_but_never_paid(july_list, township, township_official):
    result = _reconciled(township, township_official, PAID_IN_FULL[:2])

    assert _kinds(result) == ["listed_not_paid"]
    assert result.mismatches[0].listed.amount == Decimal("690.00")
    minimum = [total for total in result.totals if total.listed == 2]
    assert minimum[0].listed_amount == Decimal("1920.00")
    assert minimum[0].paid_amount == Decimal("1230.00")


def test_a_stranger_paid_but_not_listed(july_list, township, township_official):
    qian = identity("99010119900101004")
    row = f"清河村,钱多多,{qian},6230000000000000099,钱多多,800,{ON_TIME},低保"
    result = _reconciled(township, township_official, [*PAID_IN_FULL, row])

    assert _kinds(result) == ["paid_not_listed"]
    assert result.mismatches[0].paid.amount == Decimal("800.00")


def test_wang_paid_a_different_amount(july_list, township, township_official):
    rows = [PAID_IN_FULL[0].replace("1230.00", "1030.00"), *PAID_IN_FULL[1:]]

    result = _reconciled(township, township_official, rows)

    assert _kinds(result) == ["amount_differs"]
    mismatch = result.mismatches[0]
    assert (mismatch.listed.amount, mismatch.paid.amount) == (
        Decimal("1230.00"),
        Decimal("1030.00"),
    )


def test_wang_paid_to_an_account_held_by_someone_else(july_list, township, township_official):
    rows = [PAID_IN_FULL[0].replace(",王秀英,1230", ",刘会计,1230"), *PAID_IN_FULL[1:]]

    assert _kinds(_reconciled(township, township_official, rows)) == ["account_holder_differs"]


def test_two_people_paid_into_one_card(july_list, township, township_official):
    rows = [
        *PAID_IN_FULL[:2],
        PAID_IN_FULL[2].replace("6230000000000000033", "6230000000000000011"),
    ]

    assert _kinds(_reconciled(township, township_official, rows)) == ["account_holder_differs"] * 2


def test_a_payment_on_the_last_day_due_is_not_late_one_day_after_is(
    july_list, township, township_official, settings
):
    settings.BENEFITS_PAYMENT_DUE_DAYS = 30
    on_time = [PAID_IN_FULL[0].replace(ON_TIME, "2026-07-31"), *PAID_IN_FULL[1:]]
    late = [PAID_IN_FULL[0].replace(ON_TIME, "2026-08-01"), *PAID_IN_FULL[1:]]

    assert _kinds(_reconciled(township, township_official, on_time)) == []
    assert _kinds(_reconciled(township, township_official, late)) == ["paid_late"]


def test_identity_numbers_typed_with_spaces_and_a_lower_x_still_match(
    july_list, township, township_official
):
    spaced = " ".join([WANG[:6], WANG[6:14], WANG[14:]]).lower()
    rows = [PAID_IN_FULL[0].replace(WANG, spaced), *PAID_IN_FULL[1:]]

    assert _reconciled(township, township_official, rows).mismatches == []


def test_the_file_is_read_all_or_nothing_with_numbered_rows(township):
    rows = [
        PAID_IN_FULL[0],
        PAID_IN_FULL[1].replace("856.40", "八百"),
        "石头村,某人,123,1,1,1,x,低保",
    ]

    with pytest.raises(ImportRefused) as refused:
        payments_of(township, rows)

    problems = [str(problem) for problem in refused.value.problems]
    assert any(text.startswith(("第 3 行", "Row 3")) for text in problems)
    assert any("石头村" in text for text in problems)


def test_only_the_township_imports_its_files(july_list, township, clerk_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _reconciled(township, clerk_a, PAID_IN_FULL)


def test_the_personal_values_go_when_the_retention_ends_and_reconciliation_still_runs(
    july_list, township, township_official
):
    rows = PAID_IN_FULL[:2]
    with on(datetime.date(2026, 7, 20)):
        result = _reconciled(township, township_official, rows)
    disbursement = result.disbursement

    assert disbursements.remove_due(datetime.date(2026, 10, 18)) == []
    assert disbursements.remove_due(datetime.date(2026, 10, 19)) == [disbursement]
    line = disbursement.lines.first()
    assert (line.name, line.identity_number, line.account) == ("", "", "")
    assert _kinds(reconcile(disbursement)) == ["listed_not_paid"]
