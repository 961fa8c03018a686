"""青山镇's official imports the 一卡通 file and sees it reconciled; nobody else may."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.benefits.models import Disbursement
from disclosure.redflags.services import flags_for

from ..clock import on
from .conftest import import_draft, publish
from .test_reconciliation import HEADER, PAID_IN_FULL


def _upload(rows):
    text = "\n".join([HEADER, *rows]) + "\n"
    return SimpleUploadedFile("一卡通.csv", text.encode("utf-8"), content_type="text/csv")


def _import(client, township, rows):
    data = {"file": _upload(rows), "lists_from": "2026-07-01", "lists_to": "2026-09-30"}
    return client.post(f"/staff/benefits/disbursements/t/{township.code}/import/", data)


def _july_list(village_a, clerk_a, supervisor_a):
    with on(datetime.date(2026, 7, 1)):
        return publish(import_draft(village_a, clerk_a), clerk_a, supervisor_a)


def test_the_official_sees_zhao_listed_but_not_paid_with_its_figures(
    client, village_a, clerk_a, supervisor_a, township, township_official
):
    _july_list(village_a, clerk_a, supervisor_a)
    client.force_login(township_official)

    response = _import(client, township, PAID_IN_FULL[:2])
    page = client.get(response["Location"]).content.decode()

    assert response.status_code == 302
    assert "清河村" in page and "¥690.00" in page
    assert "¥1,920.00" in page and "¥1,230.00" in page  # listed and paid 低保 of the village


def test_a_file_with_problems_imports_nothing(client, township, township_official):
    client.force_login(township_official)

    response = _import(client, township, [PAID_IN_FULL[0].replace("1230.00", "很多")])

    assert response.status_code == 200
    assert not Disbursement.objects.exists()
    assert "第 2 行" in response.content.decode() or "Row 2" in response.content.decode()


def test_a_village_clerk_cannot_import_nor_read_a_file(
    client, village_a, clerk_a, supervisor_a, township, township_official
):
    _july_list(village_a, clerk_a, supervisor_a)
    client.force_login(township_official)
    _import(client, township, PAID_IN_FULL)
    disbursement = Disbursement.objects.get()

    client.force_login(clerk_a)

    assert _import(client, township, PAID_IN_FULL).status_code == 404
    assert client.get(f"/staff/benefits/disbursements/{disbursement.pk}/").status_code == 404


def test_each_mismatch_is_a_red_flag_of_its_village(
    client, village_a, village_b, clerk_a, supervisor_a, township, township_official
):
    _july_list(village_a, clerk_a, supervisor_a)
    client.force_login(township_official)
    _import(client, township, PAID_IN_FULL[:2])

    flags = flags_for(
        [village_a.pk, village_b.pk], datetime.date(2026, 10, 1), ["benefit_payments"]
    )

    assert [flag.village_id for flag in flags] == [village_a.pk]
    assert "690.00" in flags[0].explanation


def test_the_official_imports_a_death_register(client, township, township_official):
    from disclosure.benefits.models import Death

    from .conftest import ZHAO

    client.force_login(township_official)
    text = f"姓名,身份证号,死亡日期\n赵桂兰,{ZHAO},2026-05-03\n".encode()
    upload = SimpleUploadedFile("死亡.csv", text, content_type="text/csv")

    response = client.post(f"/staff/benefits/deaths/t/{township.code}/import/", {"file": upload})

    assert response.status_code == 302
    assert Death.objects.get().died_on == datetime.date(2026, 5, 3)
