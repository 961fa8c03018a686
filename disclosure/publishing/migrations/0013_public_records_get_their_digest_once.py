from django.db import migrations

from disclosure.publishing.triggers import DROP_RECORD_DIGEST_FUNCTION, RECORD_DIGEST_FUNCTION


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0012_sign_off_records_what_it_saw"),
    ]

    operations = [migrations.RunSQL(RECORD_DIGEST_FUNCTION, DROP_RECORD_DIGEST_FUNCTION)]
