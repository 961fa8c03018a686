"""Staff emails reach exactly those whose role covers the village; reports never the village."""

import copy
from pathlib import Path

import pytest
from django.core import mail

from disclosure.publishing.notify import notify, people_who_may
from disclosure.regions.access import Action

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _test_templates(settings):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [Path(__file__).parent / "templates", *templates[0]["DIRS"]]
    settings.TEMPLATES = templates


def names(users):
    return sorted(user.username for user in users)


def test_question_moderation_reaches_the_village_supervisor_only(
    village_a, supervisor_a, supervisor_b, clerk_a, township_official
):
    assert names(people_who_may(Action.MODERATE_QUESTIONS, village_a)) == ["supervisor_a"]


def test_reports_reach_the_township_never_a_role_held_on_the_village(
    village_a, township_official, report_handler, village_report_handler, clerk_a, supervisor_a
):
    assert names(people_who_may(Action.VIEW_REPORTS, village_a)) == ["inspector", "official"]
    assert names(people_who_may(Action.HANDLE_REPORTS, village_a)) == ["inspector"]


def test_notify_queues_one_mail_to_those_with_an_address(
    task_queue, village_a, supervisor_a, township_official, report_handler
):
    report_handler.email = "jijian@example.cn"
    report_handler.save()
    township_official.email = ""
    township_official.save()

    notify(
        Action.VIEW_REPORTS,
        village_a,
        "publishing/email/test_message.txt",
        {"village": village_a},
    )
    assert mail.outbox == []
    task_queue.run()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jijian@example.cn"]
    assert mail.outbox[0].subject == "清河村 有新消息"
    assert "请登录工作台查看。" in mail.outbox[0].body


def test_notify_sends_nothing_when_nobody_has_an_address(task_queue, village_a, supervisor_a):
    notify(Action.REVIEW, village_a, "publishing/email/test_message.txt", {"village": village_a})

    assert task_queue.waiting() == []

    assert mail.outbox == []


class Recorder:
    """A provider a deployment might plug in (SMS, WeChat), as MESSAGE_PROVIDERS names it."""

    sent: list = []

    def send(self, *, user, text):
        self.sent.append((user.username, text))


class Broken:
    def send(self, *, user, text):
        raise ConnectionError("the SMS gateway is down")


def test_every_provider_sends_the_subject_to_each_person_after_commit(
    settings, village_a, report_handler, township_official
):
    settings.MESSAGE_PROVIDERS = [f"{__name__}.Broken", f"{__name__}.Recorder"]
    Recorder.sent = []

    notify(
        Action.VIEW_REPORTS,
        village_a,
        "publishing/email/test_message.txt",
        {"village": village_a},
    )

    # The broken provider is logged and passed over; the work that caused the message stands.
    assert sorted(name for name, _text in Recorder.sent) == ["inspector", "official"]
    assert {text for _name, text in Recorder.sent} == {"清河村 有新消息"}
