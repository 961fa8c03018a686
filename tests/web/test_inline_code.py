"""No template (and no Python that writes markup) carries inline script or style: the
Content-Security-Policy allows scripts and styles only from the portal's own static files, so
anything inline would silently stop working in the browser."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("disclosure", "demo", "prefecture")

# A <script> element is inline unless it loads a file or only holds data (json_script).
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=[\"']application/json)", re.I)
FORBIDDEN = {
    "inline script": INLINE_SCRIPT,
    "style element": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
    "event-handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "javascript: address": re.compile(r"(?:href|src|action)\s*=\s*[\"']?\s*javascript:", re.I),
}


def files(pattern: str) -> list[Path]:
    return sorted(path for source in SOURCES for path in (ROOT / source).rglob(pattern))


def findings(text: str) -> list[str]:
    return [name for name, pattern in FORBIDDEN.items() if pattern.search(text)]


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<div class="a" style="width:3px">',
        "<style>p { color: red }</style>",
        '<button type="button" onclick="go()">',
        '<a href="javascript:go()">',
    ],
)
def test_the_check_catches_each_kind_of_inline_code(snippet):
    assert findings(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="/static/js/verify.js" defer></script>',
        '<script id="words" type="application/json">{"a": 1}</script>',
        '<a class="stylish" href="/on/">',
        "<p>the condition=met stays text</p>",
    ],
)
def test_the_check_lets_files_and_data_through(snippet):
    assert not findings(snippet)


def test_no_template_carries_inline_script_style_or_event_handlers():
    templates = files("*.html")
    assert len(templates) > 50

    offending = {
        str(path.relative_to(ROOT)): found
        for path in templates
        if (found := findings(path.read_text()))
    }

    assert offending == {}


def test_no_python_writes_a_style_attribute_or_inline_script_into_a_page():
    offending = {
        str(path.relative_to(ROOT)): found
        for path in files("*.py")
        if (found := findings(path.read_text()))
    }

    assert offending == {}
