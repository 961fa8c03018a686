"""A flag's case: made the first time the flag is seen, following it by its key, announced once
to the village and the township when the flag is strong, and not shown again once finished."""

import datetime

import pytest
from django.core import mail

from disclosure.publishing import messaging
from disclosure.redflags import cadres, cases
from disclosure.redflags.jobs import raise_flags
from disclosure.redflags.models import CaseStatus, FlagCase
from disclosure.redflags.services import flags_for

from ..clock import on
from .builders import contract, ledger, spend

TODAY = datetime.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(autouse=True)
def _empty_outbox():
    messaging.outbox.clear()


@pytest.fixture
def addresses(clerk_a, supervisor_a, township_official, clerk_b):
    for user in (clerk_a, supervisor_a, township_official, clerk_b):
        user.email = f"{user.username}@example.cn"
        user.save()


def large_payment(village, clerk, supervisor):
    """清河村 pays 68,000 yuan for an excavator with no decision: one strong flag."""
    return ledger(village, clerk, supervisor, [spend("68000.00", summary="购置挖掘机")])


def expenditure_flags(village):
    return flags_for([village.pk], TODAY, ["large_expenditure_without_decision"])


def test_a_flag_seen_for_the_first_time_gets_an_open_case(village_a, clerk_a, supervisor_a):
    large_payment(village_a, clerk_a, supervisor_a)
    flag = expenditure_flags(village_a)[0]

    found = cases.track(flags=[flag], today=TODAY)

    case = found[(village_a.pk, flag.key)]
    assert case.status == CaseStatus.OPEN
    assert case.first_seen_on == case.last_seen_on == TODAY
    assert case.title == flag.title and case.amount == flag.amount
    assert case.posting_id == flag.posting_id


def test_a_flag_seen_again_keeps_its_case_and_the_day_it_was_first_seen(
    village_a, clerk_a, supervisor_a
):
    large_payment(village_a, clerk_a, supervisor_a)
    flags = expenditure_flags(village_a)
    cases.track(flags=flags, today=TODAY)
    later = TODAY + datetime.timedelta(days=40)

    cases.track(flags=flags, today=later)

    case = FlagCase.objects.get()
    assert (case.first_seen_on, case.last_seen_on) == (TODAY, later)


def test_the_key_is_the_same_whatever_the_language(village_a, clerk_a, supervisor_a):
    from django.utils import translation

    large_payment(village_a, clerk_a, supervisor_a)
    english = expenditure_flags(village_a)[0]
    with translation.override("zh-hans"):
        chinese = expenditure_flags(village_a)[0]
    assert english.key == chinese.key and english.title != chinese.title


def test_two_related_party_flags_on_one_contract_are_two_cases(
    village_a, clerk_a, supervisor_a, township_official
):
    contract(village_a, clerk_a, supervisor_a)  # a lease to 王建国
    for name in ("张主任", "李书记"):
        chair = cadres.add_cadre(
            village=village_a,
            name=name,
            position="村委会主任",
            started_on=datetime.date(2020, 1, 1),
            by=township_official,
        )
        cadres.add_relative(cadre=chair, name="王建国", relation="sibling", by=township_official)
    flags = flags_for([village_a.pk], TODAY, ["related_party"])

    cases.track(flags=flags, today=TODAY)

    assert len(flags) == 2
    assert FlagCase.objects.count() == 2


def test_a_new_strong_flag_is_announced_to_the_village_and_the_township_once(
    village_a, clerk_a, supervisor_a, addresses, django_capture_on_commit_callbacks, task_queue
):
    large_payment(village_a, clerk_a, supervisor_a)
    with django_capture_on_commit_callbacks(execute=True):
        cases.track(flags=expenditure_flags(village_a), today=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        cases.track(flags=expenditure_flags(village_a), today=TODAY + datetime.timedelta(days=1))
    task_queue.run()

    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == [
        "clerk_a@example.cn",
        "official@example.cn",
        "supervisor_a@example.cn",
    ]
    assert "购置挖掘机" in mail.outbox[0].body
    assert sorted(name for name, _text in messaging.outbox) == [
        "clerk_a",
        "official",
        "supervisor_a",
    ]


def test_a_weak_flag_is_not_announced(
    village_a, clerk_a, supervisor_a, township_official, addresses,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    contract(village_a, clerk_a, supervisor_a)  # a lease to 王建国
    cadres.add_cadre(  # a namesake: no identity number in the register
        village=village_a,
        name="王建国",
        position="村委会委员",
        started_on=datetime.date(2020, 1, 1),
        by=township_official,
    )
    flags = flags_for([village_a.pk], TODAY, ["related_party"])
    assert [flag.strong for flag in flags] == [False]

    with django_capture_on_commit_callbacks(execute=True):
        cases.track(flags=flags, today=TODAY)

    assert FlagCase.objects.count() == 1
    assert mail.outbox == [] and messaging.outbox == []


def test_the_list_leaves_out_finished_cases_and_shows_them_on_request(
    village_a, clerk_a, supervisor_a
):
    large_payment(village_a, clerk_a, supervisor_a)
    cases.track(flags=expenditure_flags(village_a), today=TODAY)
    FlagCase.objects.update(status=CaseStatus.DISMISSED)

    open_rows = cases.rows_for([village_a.pk], TODAY)
    finished_rows = cases.rows_for([village_a.pk], TODAY, finished=True)

    assert "large_expenditure_without_decision" not in {row.case.rule for row in open_rows}
    assert [row.case.rule for row in finished_rows] == ["large_expenditure_without_decision"]
    assert finished_rows[0].flag is not None  # still raised, yet not shown again as new


def test_a_case_whose_flag_is_no_longer_raised_stays_until_the_township_decides(
    village_a, clerk_a, supervisor_a
):
    large_payment(village_a, clerk_a, supervisor_a)
    cases.track(flags=expenditure_flags(village_a), today=TODAY)
    FlagCase.objects.update(key="large_expenditure_without_decision/gone")

    rows = [r for r in cases.rows_for([village_a.pk], TODAY) if r.case.key.endswith("/gone")]

    assert len(rows) == 1 and rows[0].flag is None


def test_the_daily_job_gives_the_day_s_new_flags_their_cases(village_a, clerk_a, supervisor_a):
    large_payment(village_a, clerk_a, supervisor_a)
    with on(TODAY):
        raise_flags(timestamp=0)
        raise_flags(timestamp=0)

    opened = FlagCase.objects.filter(village=village_a)
    assert opened.count() == len(flags_for([village_a.pk], TODAY))
    assert opened.filter(rule="large_expenditure_without_decision", first_seen_on=TODAY).exists()
    assert {case.first_seen_on for case in opened} == {TODAY}
