"""Reading what a step left in the county's transparency log, and changing a public record the
way the owner of the tables could, for the tests of the services that make records public."""

from django.db import connection
from django.utils import translation

from disclosure.publishing import records, verification
from disclosure.transparency import services as log
from disclosure.transparency.leaves import RecordLeaf


def record_leaves(village) -> list[RecordLeaf]:
    return [leaf for leaf in log.leaves_of(village=village) if isinstance(leaf, RecordLeaf)]


def appended_by(village, step) -> tuple[object, list[RecordLeaf]]:
    """What the step returned, and the record leaves it appended to the village's county log."""
    before = len(record_leaves(village))
    result = step()
    return result, record_leaves(village)[before:]


def logs(leaf: RecordLeaf, name: str, row) -> bool:
    """The leaf names the row as it now is: its type, id, village and the digest of its
    document, which is also the digest stored on it."""
    row.refresh_from_db()
    return (leaf.village_code, leaf.name, leaf.record_id) == (row.village.code, name, row.pk) and (
        leaf.digest == records.digest(name, row) == row.record_digest
    )


def tamper(sql: str, params=()) -> None:
    """Change rows with every trigger off, as a superuser can."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def problems(village) -> list[str]:
    with translation.override("en"):
        return [problem.message for problem in verification.village_problems(village)]
