from django.db import migrations

from disclosure.publishing.triggers import append_only

# An answered question, with its answer, is part of the public record: like a published
# revision, PostgreSQL itself refuses to change or delete it, whatever code tries.
FREEZE_ANSWERED = """
CREATE FUNCTION participation_refuse_answered_change() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'answered' THEN
        RAISE EXCEPTION 'question % is answered and permanent: % refused', OLD.id, TG_OP
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER freeze_answered BEFORE UPDATE OR DELETE ON participation_question
    FOR EACH ROW EXECUTE FUNCTION participation_refuse_answered_change();
"""

UNFREEZE_ANSWERED = """
DROP TRIGGER freeze_answered ON participation_question;
DROP FUNCTION participation_refuse_answered_change();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_questions_and_ratings"),
        ("publishing", "0003_published_is_permanent"),
    ]

    operations = [
        migrations.RunSQL(FREEZE_ANSWERED, UNFREEZE_ANSWERED),
        # A rating once given is counted as given: nobody edits or removes one.
        append_only("participation_rating"),
    ]
