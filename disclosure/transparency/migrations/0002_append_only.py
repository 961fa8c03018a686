from django.db import migrations

FUNCTIONS = """
CREATE FUNCTION transparency_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION transparency_log_only_grows() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       OR NEW.county_id <> OLD.county_id
       OR NEW.origin <> OLD.origin
       OR NEW.size < OLD.size
       OR (NEW.size = OLD.size AND NEW.root <> OLD.root) THEN
        RAISE EXCEPTION 'transparency log % is append-only: % refused', OLD.id, TG_OP
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""

DROP_FUNCTIONS = """
DROP FUNCTION transparency_refuse_change();
DROP FUNCTION transparency_log_only_grows();
"""

APPEND_ONLY = [
    "transparency_logentry",
    "transparency_node",
    "transparency_checkpoint",
    "transparency_cosignature",
]


def append_only(table: str) -> migrations.RunSQL:
    return migrations.RunSQL(
        f"CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION transparency_refuse_change();",
        f"DROP TRIGGER append_only ON {table};",
    )


class Migration(migrations.Migration):
    """A log's leaves, nodes, checkpoints and cosignatures are never changed or removed, and the
    log itself only grows: a rewritten tree must be a new log, which witnesses would notice."""

    dependencies = [("transparency", "0001_initial")]

    operations = [
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        *[append_only(table) for table in APPEND_ONLY],
        migrations.RunSQL(
            "CREATE TRIGGER only_grows BEFORE UPDATE OR DELETE ON transparency_log "
            "FOR EACH ROW EXECUTE FUNCTION transparency_log_only_grows();",
            "DROP TRIGGER only_grows ON transparency_log;",
        ),
    ]
