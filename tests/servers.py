"""Servers a deployment runs beside the portal, started by the tests that need them.

Outside CI a missing server skips its tests, saying so; in CI (CI=true) it fails them, since
.ci/run installs every server the tests need.
"""

import os
import shutil
import subprocess
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
