from django.db import migrations


class Migration(migrations.Migration):
    """Staged entries only wait for the clerk to commit them: a crash may lose them (the clerk
    checks the file again), so they need not be written to the write-ahead log, which makes
    staging a large file cheaper. They are not replicated to standbys, which never read them."""

    dependencies = [("finance", "0004_ordering_by_key")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE finance_stagedentry SET UNLOGGED;",
            "ALTER TABLE finance_stagedentry SET LOGGED;",
        )
    ]
