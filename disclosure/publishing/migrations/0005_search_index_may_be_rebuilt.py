from django.db import migrations

from disclosure.publishing.triggers import FUNCTIONS


class Migration(migrations.Migration):
    """Let the trigger allow rebuilding the search index of published revisions alone.

    FUNCTIONS holds the current definitions (CREATE OR REPLACE); the reverse keeps them, since
    the earlier definition only refused more.
    """

    dependencies = [("publishing", "0004_verbose_names")]

    operations = [migrations.RunSQL(FUNCTIONS, migrations.RunSQL.noop)]
