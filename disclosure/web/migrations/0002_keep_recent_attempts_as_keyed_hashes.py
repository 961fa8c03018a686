"""Failed logins and objections kept raw addresses for their limits: those still within a limit's
window become the limiter's attempts, by keyed hash, before the raw columns go (in the regions
and decisions migrations that follow). Older ones count towards nothing and simply go."""

from datetime import timedelta

from django.conf import settings
from django.db import migrations
from django.utils import timezone
from django.utils.crypto import salted_hmac


def keyed(value: str) -> str:
    # As disclosure.web.addresses.keyed, written out: a migration keeps its meaning.
    return salted_hmac("disclosure.web.addresses", value, algorithm="sha256").hexdigest()


def keep_recent(apps, schema_editor):
    Attempt = apps.get_model("web", "Attempt")
    FailedLogin = apps.get_model("regions", "FailedLogin")
    Objection = apps.get_model("decisions", "Objection")
    now = timezone.now()
    attempts = []
    since = now - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    for failure in FailedLogin.objects.filter(at__gt=since):
        attempts.append(Attempt(kind="failed login: account", key=keyed(failure.username), at=failure.at))
        if failure.ip_address:
            attempts.append(Attempt(kind="failed login: address", key=keyed(failure.ip_address), at=failure.at))
    recent = Objection.objects.filter(lodged_at__gt=now - timedelta(hours=1)).exclude(ip_address=None)
    for objection in recent:
        attempts.append(Attempt(kind="objection", key=keyed(objection.ip_address), at=objection.lodged_at))
    Attempt.objects.bulk_create(attempts)


class Migration(migrations.Migration):

    dependencies = [
        ('web', '0001_limited_attempts'),
        ('regions', '0003_report_handler_role'),
        ('decisions', '0004_objections_and_progress_are_public_records'),
    ]

    operations = [
        migrations.RunPython(keep_recent, migrations.RunPython.noop),
    ]
