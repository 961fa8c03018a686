"""The audit log kept each client's raw address: it keeps its keyed hash instead, the same hash the
limiter keeps (disclosure/web/addresses.py). The log is append-only, so its trigger is lifted for
this one rewrite of existing lines and put back in the same transaction."""

from django.db import migrations, models
from django.utils.crypto import salted_hmac


def keyed(value: str) -> str:
    # As disclosure.web.addresses.keyed, written out: a migration keeps its meaning.
    return salted_hmac("disclosure.web.addresses", value, algorithm="sha256").hexdigest()


def hash_addresses(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT host(ip_address) FROM publishing_auditentry "
            "WHERE ip_address IS NOT NULL"
        )
        addresses = [row[0] for row in cursor.fetchall()]
        cursor.execute("ALTER TABLE publishing_auditentry DISABLE TRIGGER append_only")
        cursor.executemany(
            "UPDATE publishing_auditentry SET address = %s WHERE host(ip_address) = %s",
            [(keyed(address), address) for address in addresses],
        )
        cursor.execute("ALTER TABLE publishing_auditentry ENABLE TRIGGER append_only")


class Migration(migrations.Migration):

    dependencies = [
        ('publishing', '0014_revision_action_update'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditentry',
            name='address',
            field=models.CharField(blank=True, default='', max_length=64, verbose_name='network address (keyed hash)'),
            preserve_default=False,
        ),
        migrations.RunPython(hash_addresses, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='auditentry',
            name='ip_address',
        ),
    ]
