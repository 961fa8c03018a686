import hashlib
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from disclosure.publishing import chain

from ..factories import published_posting

DOCS = Path(__file__).resolve().parents[2] / "docs" / "integrity.md"

text = st.text(st.characters(exclude_categories=["Cs"]))
integers = st.integers(min_value=-chain.MAX_INTEGER, max_value=chain.MAX_INTEGER)
scalars = st.none() | st.booleans() | integers | text
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=12,
)
documents = st.dictionaries(text, values, max_size=6)

# A revision's document: every member the canonical form names, with plausible values.
revision_documents = st.fixed_dictionaries(
    {
        "format": st.just(2),
        "village": st.from_regex(r"\A\d{12}\Z"),
        "seq": st.integers(1, 10**6),
        "posting": st.from_regex(r"\A[2-9A-Z]{6}\Z"),
        "kind": st.sampled_from(["notice", "audit_report", "power_list"]),
        "revision": st.integers(1, 100),
        "action": st.sampled_from(["original", "correction", "withdrawal"]),
        "reason": text,
        "title": text,
        "body": text,
        "rows": st.lists(st.dictionaries(st.sampled_from(["name", "fee", "steps"]), text)),
        "attachments": st.lists(
            st.fixed_dictionaries(
                {
                    "filename": text,
                    "sha256": st.from_regex(r"\A[0-9a-f]{64}\Z"),
                    "size": st.integers(0, 10**8),
                    "content_type": st.sampled_from(["application/pdf", "image/jpeg"]),
                }
            ),
            max_size=3,
        ),
        "subject": st.dictionaries(st.sampled_from(["year", "start"]), text),
        "author": text,
        "signed_off_by": text,
        "signed_off_at": st.just("2026-03-05T01:30:00Z"),
        "opinion": text,
        "reviewed_content": st.from_regex(r"\A[0-9a-f]{64}\Z"),
        "published_by": text,
        "published_at": st.just("2026-03-05T02:00:00Z"),
    }
)


def _different(value):
    """A value of the same member that is not equal to the given one."""
    if isinstance(value, bool) or value is None:
        return "changed"
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, list):
        return [*value, "x"]
    return {**value, "x": "x"}


@given(documents)
def test_canonical_bytes_survive_a_round_trip_through_json(document):
    data = chain.canonical_bytes(document)

    assert chain.canonical_bytes(json.loads(data.decode("utf-8"))) == data
    assert json.loads(data.decode("utf-8")) == document


@given(revision_documents, st.data())
def test_any_change_of_any_member_changes_the_digest(document, data):
    name = data.draw(st.sampled_from(sorted(document)))
    changed = {**document, name: _different(document[name])}

    assert chain.digest(chain.GENESIS, changed) != chain.digest(chain.GENESIS, document)


@given(revision_documents, st.from_regex(r"\A[0-9a-f]{64}\Z"))
def test_the_previous_digest_is_part_of_the_digest(document, previous):
    assume(previous != chain.GENESIS)

    assert chain.digest(previous, document) != chain.digest(chain.GENESIS, document)


@given(documents, st.floats(allow_nan=True), st.data())
def test_floats_are_refused_wherever_they_appear(document, number, data):
    key = data.draw(text)
    nested = data.draw(st.sampled_from(["top", "list", "object"]))
    if nested == "top":
        document = {**document, key: number}
    elif nested == "list":
        document = {**document, key: [1, number]}
    else:
        document = {**document, key: {"amount": number}}

    with pytest.raises(TypeError):
        chain.canonical_bytes(document)


@given(documents, st.randoms(use_true_random=False))
def test_the_order_of_members_does_not_matter(document, random):
    items = list(document.items())
    random.shuffle(items)

    assert chain.canonical_bytes(dict(items)) == chain.canonical_bytes(document)


@pytest.mark.parametrize("number", [2**53, -(2**53), 10**20])
def test_integers_beyond_exact_double_precision_are_refused(number):
    with pytest.raises(TypeError):
        chain.canonical_bytes({"size": number})


def test_control_characters_are_escaped_and_chinese_is_written_as_utf8():
    data = chain.canonical_bytes({"b": '修路\n\t"\\\x1f/', "a": None})

    assert data == '{"a":null,"b":"修路\\n\\t\\"\\\\\\u001f/"}'.encode()


def test_times_are_utc_to_the_second_with_a_z():
    beijing = datetime(2026, 3, 5, 10, 0, 59, 999999, tzinfo=ZoneInfo("Asia/Shanghai"))

    assert chain.timestamp(beijing) == "2026-03-05T02:00:59Z"
    assert chain.timestamp(None) is None


def _example(name: str) -> str:
    found = re.search(rf"<!-- example:{name} -->\n```\w*\n(.*?)\n```", DOCS.read_text(), re.S)
    assert found, f"docs/integrity.md has no example:{name} block"
    return found.group(1)


def test_the_worked_example_in_the_documentation_matches_the_code():
    document = json.loads(_example("document"))
    canonical = _example("canonical").encode("utf-8")
    stated_digest = _example("digest").strip()

    assert chain.canonical_bytes(document) == canonical
    assert f"single line of {len(canonical)} bytes" in DOCS.read_text()
    assert chain.digest(chain.GENESIS, document) == stated_digest
    assert hashlib.sha256(b"0" * 64 + canonical).hexdigest() == stated_digest


def test_the_worked_example_was_published_as_it_was_signed_off():
    document = json.loads(_example("document"))

    assert chain.digest_of_content(document) == _example("reviewed").strip()
    assert document["reviewed_content"] == _example("reviewed").strip()
    assert "canonical bytes of 466 bytes" in DOCS.read_text()


def test_a_published_revision_records_the_content_its_signer_saw(village_a, clerk_a, supervisor_a):
    revision = published_posting(village_a, clerk_a, supervisor_a)

    document = chain.revision_document(revision)
    assert document["reviewed_content"] == chain.content_digest(revision)
    assert chain.digest_of_content(document) == document["reviewed_content"]


def test_the_example_attachment_hash_is_the_hash_of_the_example_file():
    document = json.loads(_example("document"))

    attachment = document["attachments"][0]
    assert attachment["sha256"] == hashlib.sha256(b"%PDF-1.4\n% example\n").hexdigest()
    assert attachment["size"] == 19


def test_the_documented_members_are_exactly_those_of_a_published_revision(
    village_a, clerk_a, supervisor_a
):
    revision = published_posting(village_a, clerk_a, supervisor_a)

    assert set(chain.revision_document(revision)) == set(json.loads(_example("document")))


def test_the_export_lists_each_revision_with_its_link_and_document(
    village_a, clerk_a, supervisor_a
):
    first = published_posting(village_a, clerk_a, supervisor_a)
    second = published_posting(village_a, clerk_a, supervisor_a, title="关于低保评议结果的公示")

    exported = chain.export(village_a)

    assert exported["village"] == {"code": "990101001001", "name": "清河村"}
    assert exported["head"] == second.digest == chain.head(village_a)
    assert [entry["seq"] for entry in exported["revisions"]] == [1, 2]
    assert exported["revisions"][1]["prev_digest"] == first.digest
    assert exported["revisions"][1]["document"]["title"] == "关于低保评议结果的公示"


def test_an_empty_chain_is_headed_by_the_genesis(village_b):
    assert chain.export(village_b)["head"] == chain.GENESIS
    assert chain.export(village_b)["revisions"] == []
