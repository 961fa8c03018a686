"""The 核验 page of a posting and its proof bundle: everything a villager's phone needs to check a
revision itself, and what it shows when the database no longer holds what was published."""

import base64
import hashlib
import json

from django.db import connection
from django.test import Client

from disclosure.publishing import chain
from disclosure.transparency import merkle, notes

from ..factories import published_posting


def proof_of(revision) -> dict:
    url = f"/p/{revision.posting.code}/{revision.number}/proof.json"
    return json.loads(Client().get(url).content)


def canonical(document) -> bytes:
    return chain.canonical_bytes(document)


def test_the_check_page_shows_the_digest_its_place_in_the_log_and_how_to_check(road_notice):
    page = Client().get(f"/p/{road_notice.posting.code}/verify/").content.decode()

    assert road_notice.digest in page
    assert "log/990101000000" in page
    assert "verify.js" in page
    assert "verify_chain.py" in page
    assert f"/p/{road_notice.posting.code}/1/proof.json" in page


def test_the_posting_page_links_to_its_check(road_notice):
    page = Client().get(f"/p/{road_notice.posting.code}/").content.decode()

    assert f"/p/{road_notice.posting.code}/1/verify/" in page


def test_the_bundle_proves_the_revision_from_its_document_to_the_signed_checkpoint(road_notice):
    bundle = proof_of(road_notice)
    revision, document, log = bundle["revision"], bundle["document"], bundle["log"]

    previous = revision["prev_digest"].encode("ascii")
    assert hashlib.sha256(previous + canonical(document)).hexdigest() == revision["digest"]
    assert chain.digest_of_content(document) == document["reviewed_content"]
    leaf = f"revision 990101001001 {revision['seq']} {revision['digest']}\n"
    assert log["leaf"] == leaf
    note = notes.parse_note(log["checkpoint"])
    origin, size, root = notes.parse_checkpoint(note.text)
    hashes = [base64.b64decode(h) for h in log["hashes"]]
    merkle.verify_inclusion(log["index"], size, merkle.leaf_hash(leaf.encode()), hashes, root)
    assert notes.verify(note, [notes.parse_verifier(key) for key in log["keys"]])
    assert (origin, size) == (log["origin"], log["size"])


def test_the_bundle_is_small_enough_for_a_slow_phone(road_notice):
    bundle = proof_of(road_notice)

    assert len(json.dumps(bundle["log"]).encode()) < 1024


def test_a_later_revision_proves_against_a_bigger_tree(village_a, clerk_a, supervisor_a):
    first = published_posting(village_a, clerk_a, supervisor_a)
    second = published_posting(village_a, clerk_a, supervisor_a, title="第二则通知")

    assert proof_of(first)["log"]["size"] == proof_of(second)["log"]["size"] == 2
    assert (proof_of(first)["log"]["index"], proof_of(second)["log"]["index"]) == (0, 1)


def test_after_tampering_the_bundle_carries_what_the_database_holds(road_notice):
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "UPDATE publishing_revision SET body = '改过的正文' WHERE id = %s", [road_notice.pk]
        )
        cursor.execute("SET session_replication_role = DEFAULT")

    bundle = proof_of(road_notice)

    previous = bundle["revision"]["prev_digest"].encode("ascii")
    computed = hashlib.sha256(previous + canonical(bundle["document"])).hexdigest()
    assert computed != bundle["revision"]["digest"]


def test_a_posting_page_whose_content_fails_its_check_says_so_and_is_not_stored(road_notice):
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "UPDATE publishing_revision SET body = '改过的正文' WHERE id = %s", [road_notice.pk]
        )
        cursor.execute("SET session_replication_role = DEFAULT")

    response = Client().get(f"/p/{road_notice.posting.code}/")

    assert (
        "核验未通过" in response.content.decode() or "failed its check" in response.content.decode()
    )
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_revision_has_no_check_page(road_notice):
    assert Client().get(f"/p/{road_notice.posting.code}/9/verify/").status_code == 404
    assert Client().get(f"/p/{road_notice.posting.code}/9/proof.json").status_code == 404
    assert Client().get("/p/ZZZZZZ/verify/").status_code == 404
