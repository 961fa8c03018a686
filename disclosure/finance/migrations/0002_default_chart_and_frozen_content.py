from django.db import migrations

from disclosure.publishing.triggers import freeze_content

# The chart as it was when this migration was written; later changes to accounts.py need a
# migration of their own.
from disclosure.finance.accounts import DEFAULT_CHART

CONTENT_TABLES = [
    "finance_ledgerentry",
    "finance_balance",
    "finance_voucher",
    "finance_periodtotal",
    "finance_periodsummary",
    "finance_budgetline",
]


def load_default_chart(apps, schema_editor):
    MappingRule = apps.get_model("finance", "MappingRule")
    MappingRule.objects.bulk_create(
        MappingRule(county=None, prefix=prefix, account_name=name, category=category.value)
        for prefix, name, category in DEFAULT_CHART
    )


def remove_default_chart(apps, schema_editor):
    apps.get_model("finance", "MappingRule").objects.filter(county=None).delete()


class Migration(migrations.Migration):
    dependencies = [("finance", "0001_initial")]

    operations = [
        migrations.RunPython(load_default_chart, remove_default_chart),
        *[freeze_content(table) for table in CONTENT_TABLES],
    ]
