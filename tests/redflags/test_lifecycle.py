"""A flag's life, step by step: who may take each step, from which state, what it leaves in the
history and the audit log, what villagers read, and who is told of an overdue rectification."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from disclosure.publishing import messaging
from disclosure.publishing.models import AuditEntry
from disclosure.redflags import cases, lifecycle
from disclosure.redflags.models import CaseStatus, Conclusion, FlagCase
from disclosure.redflags.services import flags_for

from ..clock import at
from ..records import appended_by, logs, problems
from .builders import ledger, spend

pytestmark = pytest.mark.usefixtures("english")
NOW = at(2025, 6, 2)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _in_june():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def _empty_outbox():
    messaging.outbox.clear()


@pytest.fixture
def case(village_a, clerk_a, supervisor_a):
    """清河村's payment of 68,000 yuan for an excavator with no decision, as a new case."""
    ledger(village_a, clerk_a, supervisor_a, [spend("68000.00", summary="购置挖掘机")])
    flags = flags_for([village_a.pk], TODAY, ["large_expenditure_without_decision"])
    return next(iter(cases.track(flags=flags, today=TODAY).values()))


@pytest.fixture
def missing_period(village_c):
    """石桥村 never disclosed a period: a flag about no published money."""
    flags = flags_for([village_c.pk], TODAY, ["period_not_disclosed"])
    return next(iter(cases.track(flags=flags[:1], today=TODAY).values()))


def explained(case, clerk):
    return lifecycle.acknowledge(case=case, explanation="挖掘机由村民代表会议决定购买。", by=clerk)


def rectifying(case, clerk, official, deadline=TODAY + datetime.timedelta(days=14)):
    explained(case, clerk)
    return lifecycle.order_rectification(
        case=case,
        responsible=clerk,
        deadline=deadline,
        instructions="补录决议并公开。",
        by=official,
    )


def test_the_clerk_explains_and_the_township_reads_it(case, clerk_a):
    case = explained(case, clerk_a)

    assert case.status == CaseStatus.ACKNOWLEDGED
    assert case.village_explanation == "挖掘机由村民代表会议决定购买。"
    step = case.steps.get()
    assert (step.status, step.by, step.note) == (CaseStatus.ACKNOWLEDGED, clerk_a, step.note)
    entry = AuditEntry.objects.get(action="flag.acknowledged")
    assert entry.target == case.key and entry.user == clerk_a


@pytest.mark.parametrize("person", ["supervisor_a", "clerk_b", "township_official"])
def test_only_the_villages_clerk_explains(request, case, person):
    with pytest.raises(PermissionDenied):
        explained(case, request.getfixturevalue(person))
    assert FlagCase.objects.get().status == CaseStatus.OPEN


def test_an_explanation_cannot_be_empty(case, clerk_a):
    with pytest.raises(ValidationError) as error:
        lifecycle.acknowledge(case=case, explanation="  ", by=clerk_a)
    assert "explanation" in error.value.message_dict


def test_the_township_orders_a_rectification_with_a_deadline_and_a_person(
    case, clerk_a, township_official
):
    case = rectifying(case, clerk_a, township_official)

    assert case.status == CaseStatus.RECTIFYING
    assert (case.responsible, case.deadline) == (clerk_a, TODAY + datetime.timedelta(days=14))
    assert [s.status for s in case.steps.all()] == [CaseStatus.ACKNOWLEDGED, CaseStatus.RECTIFYING]


@pytest.mark.parametrize(
    ("deadline", "responsible", "field"),
    [
        (TODAY, "clerk_a", "deadline"),
        (TODAY + datetime.timedelta(days=3), "clerk_b", "responsible"),
    ],
)
def test_a_rectification_needs_a_later_day_and_someone_of_the_village(
    request, case, township_official, deadline, responsible, field
):
    with pytest.raises(ValidationError) as error:
        lifecycle.order_rectification(
            case=case,
            responsible=request.getfixturevalue(responsible),
            deadline=deadline,
            instructions="补录决议。",
            by=township_official,
        )
    assert field in error.value.message_dict


@pytest.mark.parametrize("person", ["clerk_a", "supervisor_a", "report_handler"])
def test_only_the_township_official_decides(request, case, clerk_a, person):
    explained(case, clerk_a)
    user = request.getfixturevalue(person)
    with pytest.raises(PermissionDenied):
        lifecycle.close(case=case, conclusion="已核实。", by=user)
    with pytest.raises(PermissionDenied):
        lifecycle.dismiss(case=case, reason="误报。", by=user)


def test_the_village_reports_the_rectification_and_the_township_closes_it(
    case, clerk_a, township_official
):
    rectifying(case, clerk_a, township_official)
    case = lifecycle.report_rectified(case=case, report="已补录第3号决议。", by=clerk_a)
    assert case.status == CaseStatus.RECTIFIED

    case = lifecycle.close(case=case, conclusion="决议已补录公开，整改完毕。", by=township_official)

    assert case.status == CaseStatus.CLOSED and case.is_finished
    assert case.conclusion == "决议已补录公开，整改完毕。"


def test_a_step_out_of_turn_is_refused_and_changes_nothing(case, clerk_a, township_official):
    with pytest.raises(ValidationError):
        lifecycle.report_rectified(case=case, report="已整改。", by=clerk_a)
    with pytest.raises(ValidationError):
        lifecycle.close(case=case, conclusion="无问题。", by=township_official)
    with pytest.raises(ValidationError):
        lifecycle.reopen(case=case, reason="再查。", by=township_official)
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN and not case.steps.exists()


def test_a_conclusion_about_published_money_is_a_public_record_beside_the_item(
    client, case, clerk_a, township_official
):
    explained(case, clerk_a)

    closed, appended = appended_by(
        case.village,
        lambda: lifecycle.close(
            case=case, conclusion="经核实，系村民代表会议决定。", by=township_official
        ),
    )

    conclusion = Conclusion.objects.get()
    assert [leaf.name for leaf in appended] == ["flag_conclusion"]
    assert logs(appended[0], "flag_conclusion", conclusion)
    assert (conclusion.outcome, conclusion.by_name) == (CaseStatus.CLOSED, "孙干部")
    assert problems(case.village) == []
    page = client.get(reverse("portal:posting", args=[case.posting.code])).content.decode()
    assert "经核实，系村民代表会议决定。" in page


def test_a_dismissal_is_published_with_its_reason_and_a_reopening_after_it(case, township_official):
    lifecycle.dismiss(case=case, reason="该款项已由县级专项资金批复。", by=township_official)
    case = lifecycle.reopen(
        case=case, reason="批复文件与金额不符，重新核查。", by=township_official
    )

    assert case.status == CaseStatus.OPEN and case.conclusion == ""
    assert [c.outcome for c in Conclusion.objects.order_by("pk")] == [
        CaseStatus.DISMISSED,
        CaseStatus.OPEN,
    ]
    assert problems(case.village) == []


def test_a_conclusion_on_a_flag_without_published_money_stays_with_the_staff(
    missing_period, other_township_official
):
    lifecycle.dismiss(case=missing_period, reason="该期无收支。", by=other_township_official)
    assert not Conclusion.objects.exists()


def test_personal_numbers_typed_into_a_conclusion_are_masked(case, clerk_a, township_official):
    explained(case, clerk_a)
    lifecycle.close(case=case, conclusion="收款人13812345678已退款。", by=township_official)
    assert "13812345678" not in Conclusion.objects.get().text


def test_an_overdue_rectification_is_announced_once_to_the_person_and_the_township(
    case, clerk_a, township_official, django_capture_on_commit_callbacks, task_queue
):
    for user in (clerk_a, township_official):
        user.email = f"{user.username}@example.cn"
        user.save()
    rectifying(case, clerk_a, township_official, deadline=TODAY + datetime.timedelta(days=5))
    late = TODAY + datetime.timedelta(days=6)

    with django_capture_on_commit_callbacks(execute=True):
        assert cases.announce_overdue(village_ids=[case.village_id], today=late) == 1
        assert cases.announce_overdue(village_ids=[case.village_id], today=late) == 0
    task_queue.run()

    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["clerk_a@example.cn", "official@example.cn"]
    assert "已逾期 1 天" in mail.outbox[0].body  # mail is in the site's language
    assert FlagCase.objects.get().overdue_on(late)


def test_a_rectification_not_yet_due_is_not_announced(case, clerk_a, township_official):
    rectifying(case, clerk_a, township_official, deadline=TODAY + datetime.timedelta(days=5))
    on_the_day = TODAY + datetime.timedelta(days=5)
    assert cases.announce_overdue(village_ids=[case.village_id], today=on_the_day) == 0
    assert not FlagCase.objects.get().overdue_on(on_the_day)


def test_a_new_deadline_is_announced_again_when_it_passes(case, clerk_a, township_official):
    rectifying(case, clerk_a, township_official, deadline=TODAY + datetime.timedelta(days=2))
    cases.announce_overdue(village_ids=[case.village_id], today=TODAY + datetime.timedelta(days=3))
    lifecycle.report_rectified(case=case, report="部分整改。", by=clerk_a)
    lifecycle.order_rectification(
        case=case,
        responsible=clerk_a,
        deadline=TODAY + datetime.timedelta(days=9),
        instructions="继续整改。",
        by=township_official,
    )
    late = TODAY + datetime.timedelta(days=10)
    assert cases.announce_overdue(village_ids=[case.village_id], today=late) == 1
