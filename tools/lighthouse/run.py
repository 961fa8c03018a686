"""Lighthouse mobile scores of the main public pages of the demo, as `make lighthouse` prints them.

Serves the demo database with gunicorn on a spare port, runs the pinned Lighthouse (npm) against
Debian's Chromium for each page with its default mobile settings (a slow 4G network and a 4× slower
CPU), prints one table, and stops the server. Scores are printed, never asserted.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def pages() -> list[tuple[str, str]]:
    """The paths to score: home, a village, a finance period and a major matter of the demo."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure.settings")
    import django

    from disclosure import embedded_db

    embedded_db.start()
    django.setup()
    from django.urls import reverse

    from demo.places import VILLAGES
    from disclosure.decisions.models import Matter
    from disclosure.publishing.models import Posting

    village = VILLAGES[0]
    period = (
        Posting.objects.in_force()
        .filter(village__code=village.code, kind="finance_period")
        .latest("last_published_at")
    )
    # The matter whose whole story is told: from the proposal to the result disclosure.
    matter = Matter.objects.filter(result__isnull=False).select_related("village").first()
    return [
        ("home", reverse("portal:home")),
        ("village", reverse("portal:village", args=[village.code])),
        ("finance period", reverse("portal:posting", args=[period.code])),
        ("major matter", reverse("decisions:matter", args=[matter.village.code, matter.pk])),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [str(gunicorn), "disclosure.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env={**os.environ, "DEMO": "true"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("The portal did not start; is the demo database migrated and loaded?")


def lighthouse(url: str, report: Path) -> dict[str, int]:
    subprocess.run(  # noqa: S603 - the pinned Lighthouse on a URL we built
        [
            str(HERE / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"},
    )
    result = json.loads(report.read_text())
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    if not (HERE / "node_modules").exists():
        npm = shutil.which("npm") or "npm"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)  # noqa: S603
    paths = pages()
    port = free_port()
    server = serve(port)
    try:
        with tempfile.TemporaryDirectory() as folder:
            rows = [
                (name, path, lighthouse(f"http://127.0.0.1:{port}{path}", Path(folder) / "r.json"))
                for name, path in paths
            ]
    finally:
        server.terminate()
        server.wait()
    print(f"\n{'page':<16}{'path':<44}" + "".join(f"{name:>16}" for name in CATEGORIES))
    for name, path, scores in rows:
        print(f"{name:<16}{path:<44}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))


if __name__ == "__main__":
    main()
