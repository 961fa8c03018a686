from django.db import migrations

from disclosure.publishing.triggers import (
    DROP_FUNCTIONS,
    FUNCTIONS,
    append_only,
    freeze_content,
    freeze_revisions,
)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0002_initial")]

    operations = [
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        freeze_revisions(),
        freeze_content("publishing_poweritem"),
        freeze_content("publishing_attachment"),
        append_only("publishing_blob", "UPDATE"),
        append_only("publishing_auditentry"),
    ]
