"""A staff member's own account: changing the password, and sessions that end when idle."""

import datetime

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from disclosure.publishing.models import AuditEntry

from .test_login import PASSWORD, log_in

PASSWORD_PAGE = reverse("workspace:password")


def change(client, new, old=PASSWORD):
    return client.post(
        PASSWORD_PAGE, {"old_password": old, "new_password1": new, "new_password2": new}
    )


def test_a_clerk_changes_her_own_password(client, clerk_a):
    log_in(client)

    response = change(client, "清河村 ledger 2026 autumn")

    assert response.url == reverse("workspace:account")
    clerk_a.refresh_from_db()
    assert clerk_a.check_password("清河村 ledger 2026 autumn")
    assert AuditEntry.objects.filter(action="staff.password_changed", user=clerk_a).exists()
    assert client.get(reverse("workspace:home")).status_code == 200  # still logged in


def test_the_old_password_must_be_right(client, clerk_a):
    log_in(client)

    response = change(client, "清河村 ledger 2026 autumn", old="wrong password")

    assert response.status_code == 200
    clerk_a.refresh_from_db()
    assert clerk_a.check_password(PASSWORD)


@pytest.mark.parametrize(
    "password", ["clerk_a", "CLERK_A", "myclerk_a2026!", "Clerk_A-清河村-2026"]
)
def test_a_password_equal_to_or_containing_the_username_is_refused(client, clerk_a, password):
    log_in(client)

    response = change(client, password)

    assert response.status_code == 200
    clerk_a.refresh_from_db()
    assert clerk_a.check_password(PASSWORD)
    with pytest.raises(ValidationError):
        validate_password(password, clerk_a)


def test_the_password_page_is_for_staff_only(client):
    assert client.get(PASSWORD_PAGE).status_code == 302


def test_a_staff_session_ends_after_the_idle_time(client, clerk_a, settings):
    assert settings.STAFF_IDLE_MINUTES == 30
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client)
    with time_machine.travel(start + datetime.timedelta(minutes=29), tick=False):
        assert client.get(reverse("workspace:home")).status_code == 200
    # Each request starts the idle time again.
    with time_machine.travel(start + datetime.timedelta(minutes=58), tick=False):
        assert client.get(reverse("workspace:home")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=89), tick=False):
        assert client.get(reverse("workspace:home")).status_code == 302
