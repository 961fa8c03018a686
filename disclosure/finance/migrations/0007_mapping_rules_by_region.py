"""An account mapping rule applies to a county, a township or one village: the county's rules
keep applying to the county."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('finance', '0006_finance_rules_from_the_county'),
        ('regions', '0004_region_joined_on'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='mappingrule',
            options={'ordering': ['region_id', 'prefix'], 'verbose_name': 'account mapping rule', 'verbose_name_plural': 'account mapping rules'},
        ),
        migrations.RemoveConstraint(
            model_name='mappingrule',
            name='unique_mapping_rule',
        ),
        migrations.RenameField(
            model_name='mappingrule',
            old_name='county',
            new_name='region',
        ),
        migrations.AlterField(
            model_name='mappingrule',
            name='region',
            field=models.ForeignKey(blank=True, help_text='The county, township or village whose ledgers it applies to; empty for the national default.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='regions.region', verbose_name='applies to'),
        ),
        migrations.AddConstraint(
            model_name='mappingrule',
            constraint=models.UniqueConstraint(fields=('region', 'prefix'), name='unique_mapping_rule', nulls_distinct=False),
        ),
    ]
