from django.db import migrations

from disclosure.publishing.triggers import append_only, freeze_content


class Migration(migrations.Migration):
    dependencies = [("contracts", "0001_contracts_projects_payments")]

    operations = [
        freeze_content("contracts_contract"),
        freeze_content("contracts_instalment"),
        freeze_content("contracts_bid"),
        freeze_content("contracts_projectstage"),
        append_only("contracts_payment"),
    ]
