"""The demo's accounts that must log in with a second factor get an authenticator key each.

The keys are derived from the usernames, so they are as public as the demo's password: README
lists them for anyone who wants to add them to an app, and the code page shows the current code
in demo mode (workspace.second_factor.demo_code).
"""

import hashlib

from django_otp.plugins.otp_totp.models import TOTPDevice

from disclosure.regions.accounts import second_factor_required


def demo_key(username: str) -> str:
    """The account's TOTP key in hex (20 bytes, as django-otp keeps it)."""
    # Not a secret, on purpose: any 20 bytes do, and these are easy to recompute.
    return hashlib.sha1(f"cunwu-demo:{username}".encode()).hexdigest()  # noqa: S324


def set_up(users) -> None:
    for user in users:
        if second_factor_required(user):
            TOTPDevice.objects.create(
                user=user, name="authenticator", key=demo_key(user.username), confirmed=True
            )
