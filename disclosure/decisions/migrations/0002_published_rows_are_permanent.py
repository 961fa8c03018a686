from django.db import migrations

from disclosure.publishing.triggers import freeze_content


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0001_matters_stages_objections_results"),
        ("publishing", "0003_published_is_permanent"),
    ]

    operations = [
        freeze_content("decisions_resolutionstage"),
        freeze_content("decisions_resultrow"),
    ]
