"""Browser tests: Debian's Chromium driven by Playwright against the live test server.

Without Chromium the tests are skipped, saying so; in CI (CI=true) a missing browser fails
them instead, so that they can never pass there without having run.
Set E2E_SCREENSHOTS to a folder to keep screenshots of the key pages for review.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def browser():
    """Chromium, for the tests of one module only.

    Playwright's sync API keeps an event loop running in this thread while it is open, so
    Django would refuse database access as "async unsafe"; the test code is synchronous, so
    that check is switched off, and only while the browser is open: the other tests (and the
    programs some of them start) keep Django's protection.
    """
    if not CHROMIUM.exists():
        message = f"Chromium is not installed at {CHROMIUM}: the browser tests cannot run."
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def open_window(browser, live_server, transactional_db):
    """Open a browser window of a given size, as a person of their own (own cookies).

    Every journey also checks that the browser refused nothing under the Content-Security-Policy:
    a refused script or style is a feature that silently stopped working."""
    contexts, refusals = [], []

    def open_window(size=DESKTOP):
        # Villagers' phones ask for Chinese; zh-Hans is also the portal's default.
        context = browser.new_context(
            viewport=size, locale="zh-CN", base_url=live_server.url, timezone_id="Asia/Shanghai"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and refusals.append(f"{page.url}: {message.text}")
            ),
        )
        return page

    yield open_window
    for context in contexts:
        context.close()
    assert refusals == []


@pytest.fixture
def screenshot():
    """Keep a full-page screenshot when E2E_SCREENSHOTS names a folder; otherwise nothing."""
    folder = os.environ.get("E2E_SCREENSHOTS")

    def screenshot(page, name: str) -> None:
        if folder:
            width = page.viewport_size["width"]
            page.screenshot(path=Path(folder) / f"{name}-{width}.png", full_page=True)

    return screenshot


def has_no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
