"""Every message of every app is translated into Chinese, and the compiled catalogue says so.

A fuzzy entry (a guess left by makemessages) or an empty one is not compiled: villagers would
read English in the middle of a Chinese page. A .mo file compiled before its .po was last
changed would do the same.
"""

import ast
import gettext
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(
    [
        *ROOT.glob("disclosure/*/locale/zh_Hans/LC_MESSAGES/django.po"),
        *ROOT.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"),
    ]
)


def entries(po: Path) -> list[dict]:
    """The entries of a .po file: keyword → text, plus the set of its flags."""
    found, entry, keyword = [], {"flags": set()}, None
    for line in [*po.read_text().splitlines(), ""]:
        if not line.strip():
            if len(entry) > 1:
                found.append(entry)
            entry, keyword = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[keyword] += ast.literal_eval(line)
        else:
            keyword, text = line.split(" ", 1)
            entry[keyword] = ast.literal_eval(text)
    return [entry for entry in found if entry.get("msgid")]


def app_of(po: Path) -> str:
    return po.parent.parent.parent.parent.name


@pytest.mark.parametrize("po", CATALOGUES, ids=app_of)
def test_no_message_is_left_fuzzy_or_empty(po):
    unfinished = [
        entry["msgid"]
        for entry in entries(po)
        if "fuzzy" in entry["flags"]
        or not all(text for keyword, text in entry.items() if keyword.startswith("msgstr"))
    ]

    assert unfinished == []


@pytest.mark.parametrize("po", CATALOGUES, ids=app_of)
def test_the_compiled_catalogue_holds_every_translation(po):
    with po.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)

    stale = []
    for entry in entries(po):
        key = entry["msgid"]
        if "msgctxt" in entry:
            key = f"{entry['msgctxt']}\x04{key}"
        if "msgid_plural" in entry:
            wanted = catalogue._catalog.get((key, 0)) == entry["msgstr[0]"]
        else:
            wanted = catalogue._catalog.get(key) == entry["msgstr"]
        if not wanted:
            stale.append(entry["msgid"])

    assert stale == []
