from django.db import migrations, models


class Migration(migrations.Migration):
    """Revisions published before now stay in format 1; every other revision is in format 2.

    Adding a column fires no row trigger, so published revisions keep their content untouched.
    """

    dependencies = [("publishing", "0011_posting_newest")]

    operations = [
        migrations.AddField(
            model_name="revision",
            name="format",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="canonical format"),
        ),
        migrations.RunSQL(
            "UPDATE publishing_revision SET format = 2 WHERE state <> 'published';",
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="revision",
            name="format",
            field=models.PositiveSmallIntegerField(default=2, verbose_name="canonical format"),
        ),
        migrations.AddField(
            model_name="revision",
            name="reviewed_digest",
            field=models.CharField(
                blank=True, max_length=64, verbose_name="digest of the content signed off"
            ),
        ),
    ]
