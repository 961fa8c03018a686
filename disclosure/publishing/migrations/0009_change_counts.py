from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0008_ordering_by_key"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChangeCount",
            fields=[
                (
                    "scope",
                    models.BigIntegerField(
                        primary_key=True,
                        serialize=False,
                        verbose_name="village id, or 0 for the site",
                    ),
                ),
                ("count", models.BigIntegerField(default=0, verbose_name="changes")),
            ],
            options={
                "verbose_name": "count of public changes",
                "verbose_name_plural": "counts of public changes",
            },
        ),
    ]
