"""Rows on their way into PostgreSQL by COPY, table by table, with ids taken from each table's
own sequence, so that the application's later inserts continue after them.

Generated rows are held per table only until the next `flush` (called between villages), so
memory stays bounded however large the prefecture is. A flush hands its rows to one background
thread that copies them on the same connection (in the same transaction) while the next
villages are generated: PostgreSQL's work then overlaps Python's instead of following it.
"""

from concurrent.futures import Future, ThreadPoolExecutor

from django.db import connection

FLUSH_ROWS = 200_000


class Table:
    """One table's pending rows, written in the column order given."""

    def __init__(self, model, columns: tuple[str, ...]):
        fields = model._meta.concrete_fields
        unknown = set(columns) - {field.column for field in fields}
        # A required column left out would fail in the middle of a long COPY: say so at once.
        missing = {f.column for f in fields if not f.null and f.column not in columns}
        if unknown or missing:
            raise ValueError(
                f"{model._meta.db_table}: unknown columns {sorted(unknown)}, "
                f"required columns not written {sorted(missing)}"
            )
        quote = connection.ops.quote_name
        self.name = model._meta.db_table
        self.statement = (
            f"COPY {quote(self.name)} ({', '.join(quote(column) for column in columns)}) FROM STDIN"
        )
        self.columns = columns
        self.rows: list[tuple] = []
        self.written = 0


class Sink:
    """Every table the generator writes, in dependency order, and the ids handed out so far."""

    def __init__(self):
        self.tables: dict[type, Table] = {}
        self.next_ids: dict[str, int] = {}
        self.pending = 0
        self.copier = ThreadPoolExecutor(max_workers=1)
        self.copying: Future | None = None

    def table(self, model, columns: tuple[str, ...]) -> None:
        self.tables[model] = table = Table(model, columns)
        if "id" in columns:
            self.next_ids[table.name] = _sequence_start(table.name)

    def new_id(self, model) -> int:
        table = model._meta.db_table
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        return value

    def add(self, model, row: tuple) -> None:
        self.tables[model].rows.append(row)
        self.pending += 1

    def flush(self, *, force: bool = False) -> None:
        if not force and self.pending < FLUSH_ROWS:
            return
        self.wait()
        batch = [(table.statement, table.rows) for table in self.tables.values() if table.rows]
        for table in self.tables.values():
            table.written += len(table.rows)
            table.rows = []
        self.pending = 0
        # The thread uses the psycopg connection directly: Django's wrapper belongs to this one.
        connection.ensure_connection()
        self.copying = self.copier.submit(_copy, connection.connection, batch)

    def wait(self) -> None:
        """Until the rows handed over last are copied; their error, if any, is raised here."""
        if self.copying is not None:
            self.copying.result()
            self.copying = None

    def abandon(self) -> None:
        """After a failure: let the copying thread end before the transaction is rolled back."""
        try:
            self.wait()
        except Exception:  # noqa: S110 (the failure being handled is the one to report)
            pass
        self.copier.shutdown()

    def finish(self) -> dict[str, int]:
        """Copy what is left, move each sequence past the ids used."""
        self.flush(force=True)
        self.wait()
        self.copier.shutdown()
        with connection.cursor() as cursor:
            for table, next_id in self.next_ids.items():
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, next_id - 1]
                )
        return {table.name: table.written for table in self.tables.values()}


def _sequence_start(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [table])
        return cursor.fetchone()[0]


def _copy(raw_connection, batch: list[tuple[str, list[tuple]]]) -> None:
    with raw_connection.cursor() as cursor:
        for statement, rows in batch:
            with cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)


def analyze(tables) -> None:
    """Statistics for the planner; outside a transaction also VACUUM, which sets the visibility
    map and hint bits that freshly copied rows lack, so that benchmarks read a settled database
    rather than paying for that on their first scans."""
    verb = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for name in tables:
            cursor.execute(f"{verb} {connection.ops.quote_name(name)}")
