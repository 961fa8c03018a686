"""Checking a revision on a cheap phone: the 核验 page in Chromium with a slow phone's network
(400 kbps both ways, 400 ms round trip) and a CPU four times slower, against gunicorn.

For a notice and for the published finance period with the most entries: the page's load, then
the check (downloading proof.json, recomputing the digest of its canonical document and the
content digest, following the inclusion proof, verifying the Ed25519 signature with WebCrypto).
Revisions are taken from the database (the demo county or the generated prefecture); those
published before the county logs existed are appended first (`manage.py append_to_log`).
"""

import time
import urllib.request
from pathlib import Path

from .pages import free_port, serve
from .table import Figure

SECTION = "核验 on a phone"
CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}
SLOW_NETWORK = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400_000 / 8,
    "uploadThroughput": 400_000 / 8,
}


def run(scale: float = 1.0) -> list:
    import django

    django.setup()
    if not CHROMIUM.exists():
        print(f"  skipped: Chromium is not installed at {CHROMIUM}")
        return []
    revisions = _revisions()
    if not revisions:
        print("  skipped: nothing is published (run make demo or generate_scale_data first)")
        return []
    port = free_port()
    server = serve(port, page_cache=True)
    try:
        return _measure(f"http://127.0.0.1:{port}", revisions)
    finally:
        server.terminate()
        server.wait()


def _revisions() -> list:
    from django.db.models import Count

    from disclosure.publishing import services
    from disclosure.publishing.models import Revision

    services.append_missing_to_log()
    published = Revision.objects.published().select_related("posting")
    picked = [published.filter(posting__kind="notice").order_by("-published_at").first()]
    periods = published.filter(posting__kind="finance_period").annotate(
        entries=Count("ledger_entries")
    )
    picked.append(periods.order_by("-entries").first())
    return [revision for revision in picked if revision is not None]


def _measure(base: str, revisions: list) -> list:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for revision in revisions:
            rows += _on_a_phone(browser, base, revision)
        browser.close()
    return rows


def _on_a_phone(browser, base: str, revision) -> list:
    code, number = revision.posting.code, revision.number
    proof = urllib.request.urlopen(f"{base}/p/{code}/{number}/proof.json").read()  # noqa: S310
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    started = time.perf_counter()
    page.goto(f"{base}/p/{code}/{number}/verify/", wait_until="load")
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    page.get_by_role("button").filter(has_text="核验").last.click()
    page.wait_for_selector("#verify[data-verified]", state="attached", timeout=120_000)
    checked = time.perf_counter() - started
    passed = page.get_attribute("#verify", "data-verified") == "yes"
    context.close()
    what = f"{revision.posting.kind} ({len(proof) / 1024:.0f} KB proof.json)"
    return [
        Figure(SECTION, f"{what}: page loaded", round(loaded * 1000), "ms"),
        Figure(
            SECTION,
            f"{what}: check {'passed' if passed else 'FAILED'}",
            round(checked * 1000),
            "ms",
        ),
    ]
