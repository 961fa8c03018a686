"""The reporter follows a report by its code at /jubao/track/, without an account."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure.publishing.models import AuditEntry
from disclosure.reports import codes, handling, limits
from disclosure.reports.models import ReportStatus

from .making import NAME, PHONE, TEXT, make_report, moved

URL = "/jubao/track/"
CONCLUSION = "经乡镇调查，该笔林地转让收入12万元已于10月入账，村委会已补充公开。"
NOTE = "已约谈村会计，举报人系三组村民。"


def follow(client, code, address="10.0.0.1"):
    return client.post(URL, {"code": code}, REMOTE_ADDR=address)


def test_codes_are_twelve_unambiguous_characters_shown_in_groups():
    code = codes.new_code()
    assert len(code) == 12
    assert not set(code) & set("01OIL")
    shown = codes.shown(code)
    assert shown.count("-") == 2 and shown.replace("-", "") == code


def test_codes_differ_each_time():
    assert len({codes.new_code() for _ in range(1000)}) == 1000


@given(st.text(alphabet=codes.ALPHABET, min_size=12, max_size=12))
def test_a_code_is_read_whatever_the_case_spaces_or_dashes(code):
    typed = " " + codes.shown(code).lower().replace("-", " - ") + " "
    assert codes.normalise(typed) == code


@pytest.mark.parametrize("typed", ["", "JB7K-MQ4P", "JB7K-MQ4P-X2HR-X", "JB7K-MQ4P-X2H0", "滚"])
def test_what_cannot_be_a_code_is_not_looked_up(typed):
    assert codes.normalise(typed) is None


def test_the_code_finds_the_report_typed_in_lower_case_without_dashes(client, village_a):
    report, code = make_report(village_a, anonymous=True)
    response = follow(client, code.lower())
    assert response.status_code == 200
    page = response.content.decode()
    assert "已受理" in page
    assert "清河村" in page
    assert "no-store" in response["Cache-Control"]


def test_the_status_page_shows_the_progress_and_the_conclusion_only(
    client, village_a, report_handler
):
    report, code = make_report(village_a)
    report = moved(report, report_handler, ReportStatus.INVESTIGATING)
    handling.add_note(report=report, text=NOTE, by=report_handler)
    page = follow(client, code).content.decode()
    assert "调查中" in page
    assert CONCLUSION not in page

    moved(report, report_handler, ReportStatus.CONCLUDED, conclusion=CONCLUSION)
    page = follow(client, codes.shown(code)).content.decode()
    assert "已办结" in page
    assert CONCLUSION in page
    # Never the notes, never who handles it, not even what the reporter wrote or who they are.
    for secret in (NOTE, "吴纪检", report_handler.username, TEXT, NAME, PHONE):
        assert secret not in page


def test_a_conclusion_is_masked_before_the_code_holder_reads_it(village_a, report_handler):
    report, _ = make_report(village_a)
    report = moved(
        report, report_handler, ReportStatus.CONCLUDED, conclusion="已联系13912345678核实。"
    )
    assert "13912345678" not in report.conclusion


def test_a_wrong_code_is_told_clearly(client, village_a):
    make_report(village_a)
    response = follow(client, "JB7K-MQ4P-X2HR")
    assert response.status_code == 400
    assert "没有与此查询码对应的举报" in response.content.decode()


def test_guessing_codes_is_stopped_after_a_few_wrong_ones(client, village_a):
    report, code = make_report(village_a)
    for _ in range(limits.TRACK_FAILURES_PER_HOUR):
        assert follow(client, "JB7K-MQ4P-X2HR").status_code == 400
    refused = follow(client, code)
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "输错查询码的次数过多" in page
    assert "已受理" not in page
    # Another address is not held back by the guesser.
    assert follow(client, code, address="10.0.0.2").status_code == 200


def test_a_right_code_does_not_count_against_the_address(client, village_a):
    _, code = make_report(village_a)
    for _ in range(limits.TRACK_FAILURES_PER_HOUR + 2):
        assert follow(client, code).status_code == 200


def test_each_reading_by_code_is_logged_without_the_address(client, village_a):
    report, code = make_report(village_a)
    follow(client, code, address="10.7.7.7")
    entry = AuditEntry.objects.get(action="report.track")
    assert entry.village == village_a and entry.address == ""
    assert entry.user is None


def test_the_form_page(client, db):
    page = client.get(URL).content.decode()
    assert '<label for="id_code">查询码</label>' in page
    assert "csrfmiddlewaretoken" in page


def test_an_empty_code_is_refused(client, db):
    response = client.post(URL, {"code": ""})
    assert response.status_code == 400
    assert "请输入您的查询码" in response.content.decode()
