"""查询本户: 王秀英 checks her household's entries with the code on her slip."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from disclosure.benefits import services, slips
from disclosure.benefits.models import NonReceipt
from disclosure.publishing.models import AuditEntry
from disclosure.reports.models import Report, ReportCategory

from .conftest import LI, WANG, identity

URL = "/benefits/household/"


def _ask(client, name="王秀英", number=WANG, code=None, ip="10.0.0.1"):
    code = slips.shown(slips.slip_code(number)) if code is None else code
    data = {"name": name, "identity_number": number, "code": code}
    return client.post(URL, data, REMOTE_ADDR=ip)


def test_wang_sees_her_entry_with_the_code_on_her_slip(client, published_list):
    response = _ask(client)
    page = response.content.decode()

    assert response.status_code == 200
    assert "¥1,230.00" in page and "2026年第三季度" in page
    assert published_list.posting.get_absolute_url() in page
    assert "¥690.00" not in page  # 赵桂兰's entry is hers, not Wang's


def test_the_answer_shows_neither_her_identity_number_nor_her_name(client, published_list):
    page = _ask(client).content.decode()

    assert WANG not in page and "王秀英" not in page


@pytest.mark.parametrize(
    "change",
    [
        {"code": "0000-0000"},
        {"name": "王秀"},
        {"number": LI, "name": "王秀英"},
        {"number": identity("99010119990909009"), "name": "无名氏"},
    ],
    ids=["wrong code", "wrong name", "someone else's number", "nobody on any list"],
)
def test_every_wrong_answer_gets_the_same_page(client, published_list, change):
    if "code" not in change and "number" in change:
        change["code"] = slips.shown(slips.slip_code(WANG))
    page = _ask(client, **change).content.decode()

    assert "Nothing was found" in page or "没有找到" in page
    assert "¥" not in page


def test_the_lookup_is_never_cached_nor_indexed(client, published_list):
    for response in (client.get(URL), _ask(client)):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_an_entry_is_still_found_and_proved_after_the_names_were_removed(client, published_list):
    services.expire_list(benefit_list=published_list.benefit_list)

    page = _ask(client).content.decode()

    assert "¥1,230.00" in page


def test_a_draft_list_is_not_found(client, draft_list):
    assert "¥" not in _ask(client).content.decode()


def test_a_corrected_list_shows_the_entry_once(client, published_list, clerk_a, supervisor_a):
    from disclosure.publishing import services as publishing

    from .conftest import publish

    correction = publishing.start_correction(
        posting=published_list.posting, reason="更正组别", by=clerk_a
    )
    publish(correction, clerk_a, supervisor_a)

    assert _ask(client).content.decode().count("¥1,230.00") == 1


@override_settings(BENEFITS_LOOKUPS_PER_HOUR=2)
def test_an_address_may_look_up_only_so_often(client, published_list):
    _ask(client)
    _ask(client)
    refused = _ask(client)

    assert refused.status_code == 400
    assert "¥1,230.00" not in refused.content.decode()


@override_settings(BENEFITS_WRONG_CODES_PER_DAY=3)
def test_guessing_codes_for_one_identity_number_stops_for_the_day(client, published_list):
    for address in ("10.0.0.2", "10.0.0.3", "10.0.0.4"):
        _ask(client, code="0000-0000", ip=address)

    refused = _ask(client, ip="10.0.0.5")
    assert "¥1,230.00" not in refused.content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        assert "¥1,230.00" in _ask(client, ip="10.0.0.6").content.decode()


def test_each_lookup_is_audited_without_the_identity_number(client, published_list):
    _ask(client)
    _ask(client, code="0000-0000")

    entries = AuditEntry.objects.filter(action="benefits.lookup").order_by("pk")
    assert [entry.detail["found"] for entry in entries] == [1, 0]
    assert all(WANG not in str(entry.detail) + entry.target for entry in entries)


@given(
    spaces=st.lists(st.integers(min_value=0, max_value=18), max_size=4),
    full_width=st.booleans(),
    lower_x=st.booleans(),
)
def test_identity_numbers_are_read_with_spaces_full_width_digits_and_either_x(
    spaces, full_width, lower_x
):
    number = identity("99010119700101001")  # its check character is X
    assert number.endswith("X")
    typed = number.lower() if lower_x else number
    if full_width:
        typed = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in typed)
    for position in sorted(spaces, reverse=True):
        typed = typed[:position] + " " + typed[position:]

    assert slips.normalise_identity(typed) == number


def test_a_code_is_read_with_the_letters_people_mistake_for_digits():
    assert slips.normalise_code("7k2m-q4px") == "7K2MQ4PX"
    assert slips.normalise_code("O1LI 2345") == "01112345"
    assert slips.normalise_code("7K2M-Q4PU") is None


def test_wang_reports_that_she_did_not_receive_it(client, published_list):
    page = _ask(client).content.decode()
    wang = published_list.recipients.get(position=1)
    assert f'value="{wang.pk}"' in page

    response = client.post(f"{URL}not-received/", {"entry": wang.pk, "note": "存折上没有这笔钱"})

    report = Report.objects.get()
    assert response.status_code == 200
    assert report.category == ReportCategory.BENEFITS and report.village == wang.village
    assert "1,230.00" in report.text and "存折上没有这笔钱" in report.text
    assert NonReceipt.objects.get().recipient == wang
    assert WANG not in report.text


def test_an_entry_not_proved_in_this_session_cannot_be_reported(client, published_list):
    zhao = published_list.recipients.get(position=3)
    _ask(client)

    response = client.post(f"{URL}not-received/", {"entry": zhao.pk})

    assert response.status_code == 400
    assert not Report.objects.exists()
