"""A village's settings become the first rule of its calendar, in force from the beginning."""

import datetime

import django.db.models.deletion
from django.db import migrations, models


def settings_to_rules(apps, schema_editor):
    FinanceSettings = apps.get_model("finance", "FinanceSettings")
    FinanceRule = apps.get_model("finance", "FinanceRule")
    FinanceRule.objects.bulk_create(
        FinanceRule(
            region_id=row.village_id,
            applies_from=datetime.date(2000, 1, 1),
            frequency=row.frequency,
            due_days=row.due_days,
        )
        for row in FinanceSettings.objects.all()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('finance', '0005_unlogged_staging'),
        ('regions', '0003_report_handler_role'),
    ]

    operations = [
        migrations.CreateModel(
            name='FinanceRule',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('applies_from', models.DateField(verbose_name='applies from')),
                ('frequency', models.CharField(choices=[('monthly', 'Monthly'), ('quarterly', 'Quarterly')], max_length=10, verbose_name='disclosure frequency')),
                ('due_days', models.PositiveSmallIntegerField(verbose_name='days until due after the period ends')),
                ('set_at', models.DateTimeField(auto_now_add=True, verbose_name='set')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='finance_rules', to='regions.region', verbose_name='county or village')),
            ],
            options={
                'verbose_name': 'finance disclosure rule',
                'verbose_name_plural': 'finance disclosure rules',
                'ordering': ['region_id', 'applies_from'],
            },
        ),
        migrations.RunPython(settings_to_rules, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='FinanceSettings',
        ),
        migrations.AddConstraint(
            model_name='financerule',
            constraint=models.UniqueConstraint(fields=('region', 'applies_from'), name='unique_finance_rule'),
        ),
    ]
