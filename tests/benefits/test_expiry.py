import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, InternalError, transaction
from django.utils import timezone

from disclosure.benefits import selectors
from disclosure.benefits.models import BenefitList, CountyPolicy, PersonalValues
from disclosure.publishing.models import AuditEntry

from .conftest import WANG, import_draft, publish


def _days_later(days: int):
    return time_machine.travel(timezone.now() + datetime.timedelta(days=days))


def test_names_are_public_for_ninety_days_by_default(published_list):
    view = selectors.public_view(published_list)

    assert view.window_end == timezone.localdate() + datetime.timedelta(days=90)
    assert not view.expired
    assert [person.name for person in view.recipients][:1] == ["王*"]


def test_after_the_window_the_command_removes_the_personal_values_and_records_it(
    published_list, capsys
):
    with _days_later(91):
        call_command("expire_benefit_lists")

    assert not PersonalValues.objects.exists()
    assert BenefitList.objects.get(revision=published_list).expired_at is not None
    entry = AuditEntry.objects.get(action="benefits.expire")
    assert entry.detail["removed"] == 3
    assert entry.detail["digest"] == published_list.digest
    assert "1" in capsys.readouterr().out


def test_within_the_window_the_command_removes_nothing(published_list):
    with _days_later(89):
        call_command("expire_benefit_lists")

    assert PersonalValues.objects.count() == 3


def test_the_county_sets_a_shorter_window(published_list, county):
    CountyPolicy.objects.create(county=county, window_days=30)

    with _days_later(31):
        view = selectors.public_view(published_list)
        call_command("expire_benefit_lists")

    assert view.expired
    assert view.recipients == []
    assert not PersonalValues.objects.exists()


def test_after_the_window_the_public_sees_totals_but_no_names_even_before_the_command_runs(
    published_list,
):
    with _days_later(91):
        view = selectors.public_view(published_list)

    assert view.expired
    assert view.recipients == []
    assert view.recipients_count == 3
    assert [(t.benefit_type, str(t.amount)) for t in view.totals] == [
        ("farmland", "856.40"),
        ("minimum_living", "1920.00"),
    ]


def test_a_list_already_past_its_window_when_published_is_expired_at_once(
    village_a, clerk_a, supervisor_a
):
    started = timezone.localdate() - datetime.timedelta(days=120)
    revision = publish(import_draft(village_a, clerk_a, public_from=started), clerk_a, supervisor_a)

    assert selectors.public_view(revision).recipients == []
    call_command("expire_benefit_lists")
    assert not PersonalValues.objects.exists()


def test_the_recipient_rows_of_a_published_list_cannot_be_changed(published_list):
    recipient = published_list.recipients.first()
    recipient.amount = 1

    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        recipient.save()


def test_drafts_are_not_expired(draft_list):
    with _days_later(400):
        call_command("expire_benefit_lists")

    assert draft_list.recipients.get(position=1).personal.identity_number == WANG


def test_the_portal_ends_the_window_itself_every_night(published_list):
    from disclosure.benefits.jobs import expire_benefit_lists

    with _days_later(91):
        expire_benefit_lists(timestamp=0)

    assert not PersonalValues.objects.exists()
