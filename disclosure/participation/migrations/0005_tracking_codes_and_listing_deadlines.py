"""Questions get a tracking code (its hash) and a day by which the committee lists or rejects them;
questions still waiting get theirs counted from the day they were asked."""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def give_waiting_questions_a_deadline(apps, schema_editor):
    Question = apps.get_model("participation", "Question")
    waiting = Question.objects.filter(status="pending", list_by=None)
    for question in waiting.only("pk", "asked_at"):
        list_by = timezone.localdate(question.asked_at) + timedelta(
            days=settings.QUESTIONS_LISTING_DAYS
        )
        Question.objects.filter(pk=question.pk).update(list_by=list_by)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0004_addresses_are_counted_by_the_limiter"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="code_hash",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=64,
                null=True,
                unique=True,
                verbose_name="tracking code hash",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="list_by",
            field=models.DateField(
                blank=True, null=True, verbose_name="to be listed or rejected by"
            ),
        ),
        migrations.RunPython(give_waiting_questions_a_deadline, migrations.RunPython.noop),
    ]
