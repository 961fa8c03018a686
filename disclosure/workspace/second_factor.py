"""The second factor of staff logins: a code from an authenticator app (TOTP), or a recovery code.

A password alone does not log a staff member in when the account has a second factor or must have
one (regions.accounts.second_factor_required): the login form only marks the session as waiting
for the code, and the login is completed once the code is right. Wrong codes count towards the
same pause as wrong passwords (throttling), so every way in is slowed down the same way.
"""

from base64 import b32encode

import django_otp
from django.conf import settings
from django.contrib import auth
from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from disclosure.publishing.audit import record
from disclosure.regions.accounts import second_factor_required
from disclosure.regions.models import User
from disclosure.web.addresses import client_ip

from . import throttling

WAITING = "second_factor_waiting"
RECOVERY_CODES = 10
APP_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


def has_second_factor(user) -> bool:
    return django_otp.user_has_device(user)


def needs_second_factor(user) -> bool:
    return has_second_factor(user) or second_factor_required(user)


def wait_for_code(request, user) -> None:
    """The password was right: remember who is logging in, without logging them in yet."""
    request.session.cycle_key()
    request.session[WAITING] = {"user": user.pk, "backend": user.backend}


def waiting_user(request) -> User | None:
    waiting = request.session.get(WAITING)
    if not waiting:
        return None
    user = User.objects.filter(pk=waiting["user"], is_active=True).first()
    if user is not None:
        user.backend = waiting["backend"]
    return user


def complete_login(request, user, device) -> None:
    request.session.pop(WAITING, None)
    auth.login(request, user, backend=user.backend)
    django_otp.login(request, device)
    throttling.record_success(user, client_ip(request))


def check_code(request, user, code: str):
    """The device that accepts the code (an app's code, or a recovery code, used up), or None;
    a wrong code is counted like a wrong password."""
    code = "".join(code.split())
    for device in django_otp.devices_for_user(user):
        if django_otp.verify_token(user, device.persistent_id, code):
            if isinstance(device, StaticDevice):
                record(by=user, action="staff.recovery_code_used", target=user.username)
            return device
    throttling.record_failure(user.username, client_ip(request))
    return None


def demo_code(user) -> str | None:
    """In demo mode only, the code the account's app would show now: the demo's accounts and
    passwords are public, and whoever tries the demo has no phone set up for them."""
    if not settings.DEMO:
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


def new_app_device(user) -> TOTPDevice:
    """A key for the authenticator app, unconfirmed until the app's first code is typed back."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def app_device_to_confirm(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


def key_in_base32(device: TOTPDevice) -> str:
    """The key as authenticator apps take it when typed instead of scanned."""
    return b32encode(device.bin_key).decode()


@transaction.atomic
def confirm_app_device(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirms the app when its code is right, and returns fresh recovery codes (or None)."""
    if not device.verify_token("".join(code.split())):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(by=device.user, action="staff.second_factor_set_up", target=device.user.username)
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten single-use codes for a lost phone; any codes given before stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    record(by=user, action="staff.recovery_codes_made", target=user.username)
    return codes
