"""SQL for the database-level guarantee that published means permanent.

Domain apps whose rows are content of a revision freeze them with `freeze_content(table)` in a
migration: inserting into, changing or deleting rows of a published revision is then refused by
PostgreSQL itself, whatever code (or person with a SQL prompt) tries it.
"""

from django.db import migrations

FUNCTIONS = """
CREATE OR REPLACE FUNCTION publishing_refuse_published_revision_change() RETURNS trigger AS $$
BEGIN
    -- The search index is derived from the content and may be rebuilt; nothing else may change.
    IF OLD.state = 'published' AND (
        TG_OP = 'DELETE'
        OR (to_jsonb(OLD) - 'search_vector') IS DISTINCT FROM (to_jsonb(NEW) - 'search_vector')
    ) THEN
        RAISE EXCEPTION 'revision % is published and permanent: % refused', OLD.id, TG_OP
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION publishing_refuse_published_content_change() RETURNS trigger AS $$
DECLARE
    published_id bigint;
BEGIN
    SELECT id INTO published_id FROM publishing_revision
     WHERE state = 'published'
       AND id IN (
           CASE WHEN TG_OP <> 'INSERT' THEN OLD.revision_id END,
           CASE WHEN TG_OP <> 'DELETE' THEN NEW.revision_id END);
    IF published_id IS NOT NULL THEN
        RAISE EXCEPTION 'content of published revision % is permanent: % on % refused',
            published_id, TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION publishing_refuse_any_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$ LANGUAGE plpgsql;
"""

DROP_FUNCTIONS = """
DROP FUNCTION publishing_refuse_published_revision_change();
DROP FUNCTION publishing_refuse_published_content_change();
DROP FUNCTION publishing_refuse_any_change();
"""


def freeze_revisions() -> migrations.RunSQL:
    return migrations.RunSQL(
        "CREATE TRIGGER freeze_published BEFORE UPDATE OR DELETE ON publishing_revision "
        "FOR EACH ROW EXECUTE FUNCTION publishing_refuse_published_revision_change();",
        "DROP TRIGGER freeze_published ON publishing_revision;",
    )


def freeze_content(table: str) -> migrations.RunSQL:
    """Freeze a table whose rows carry `revision_id`, once that revision is published."""
    return migrations.RunSQL(
        f"CREATE TRIGGER freeze_published BEFORE INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION publishing_refuse_published_content_change();",
        f"DROP TRIGGER freeze_published ON {table};",
    )


def append_only(table: str, operations: str = "UPDATE OR DELETE") -> migrations.RunSQL:
    return migrations.RunSQL(
        f"CREATE TRIGGER append_only BEFORE {operations} ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION publishing_refuse_any_change();",
        f"DROP TRIGGER append_only ON {table};",
    )


# A public record (publishing/records.py) made public before records were logged gets its digest
# once, afterwards (manage.py append_to_log): an append-only table lets an empty
# `record_digest` be filled, and nothing else change.
RECORD_DIGEST_FUNCTION = """
CREATE OR REPLACE FUNCTION publishing_refuse_change_but_first_record_digest() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.record_digest = ''
       AND (to_jsonb(OLD) - 'record_digest') = (to_jsonb(NEW) - 'record_digest') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$ LANGUAGE plpgsql;
"""

DROP_RECORD_DIGEST_FUNCTION = "DROP FUNCTION publishing_refuse_change_but_first_record_digest();"


def append_only_but_first_record_digest(table: str) -> migrations.RunSQL:
    """Replace the `append_only` trigger of a table of public records by one that lets an empty
    `record_digest` be filled once."""
    return migrations.RunSQL(
        f"DROP TRIGGER append_only ON {table}; "
        f"CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION publishing_refuse_change_but_first_record_digest();",
        f"DROP TRIGGER append_only ON {table}; "
        f"CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION publishing_refuse_any_change();",
    )
