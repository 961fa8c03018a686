"""The log's public addresses: checkpoint, key, tiles and proofs, and the same in the API."""

import base64

import pytest

from disclosure.transparency import merkle, notes, services

from .conftest import LOG_KEY, ORIGIN, grow, leaf

LOG = "/log/990101000000"


def test_the_checkpoint_is_the_signed_note_of_the_newest_tree(client, log):
    response = client.get(f"{LOG}/checkpoint")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=10"
    note = notes.parse_note(response.content)
    assert notes.parse_checkpoint(note.text) == (ORIGIN, 5, bytes(log.root))
    assert notes.verify(note, [LOG_KEY.renamed(ORIGIN).verifier])


def test_the_key_is_the_verifier_key_of_the_log(client, log):
    response = client.get(f"{LOG}/key")

    assert response.content.decode() == LOG_KEY.renamed(ORIGIN).verifier.text + "\n"


def test_during_a_key_change_checkpoints_carry_both_signatures_and_both_keys_are_published(
    client, log, village_a, settings
):
    successor = notes.new_signer("cunwu.example.cn-2027", notes.ED25519)
    settings.TRANSPARENCY_SIGNING_KEY = successor.text
    settings.TRANSPARENCY_PREVIOUS_SIGNING_KEY = LOG_KEY.text
    services.append(village=village_a, data=leaf(village_a, 6))

    keys = client.get(f"{LOG}/key").content.decode().splitlines()
    note = notes.parse_note(client.get(f"{LOG}/checkpoint").content)

    assert keys == [successor.renamed(ORIGIN).verifier.text, LOG_KEY.renamed(ORIGIN).verifier.text]
    assert notes.verify(note, [notes.parse_verifier(keys[0])])
    assert notes.verify(note, [notes.parse_verifier(keys[1])])


def test_a_county_without_a_log_has_no_checkpoint(client, county):
    assert client.get(f"{LOG}/checkpoint").status_code == 404
    assert client.get("/log/990199000000/key").status_code == 404


def test_an_inclusion_proof_is_small_json_that_verifies(client, log, village_a):
    response = client.get(f"{LOG}/proof/inclusion", {"index": 2, "size": 5})

    data = response.json()
    assert (data["index"], data["size"]) == (2, 5)
    assert data["leaf"] == leaf(village_a, 3).decode()
    hashes = [base64.b64decode(value) for value in data["hashes"]]
    merkle.verify_inclusion(2, 5, merkle.leaf_hash(data["leaf"].encode()), hashes, bytes(log.root))
    assert "immutable" in response["Cache-Control"]
    assert len(response.content) < 300


def test_an_inclusion_proof_can_name_the_leaf_by_its_revision_digest(client, log):
    digest = bytes(log.entries.get(index=3).data).split()[3].decode()

    data = client.get(f"{LOG}/proof/inclusion", {"digest": digest}).json()

    assert (data["index"], data["size"]) == (3, 5)


def test_without_a_size_the_proof_is_for_the_newest_tree_and_short_lived(client, log):
    response = client.get(f"{LOG}/proof/inclusion", {"index": 0})

    assert response.json()["size"] == 5
    assert response["Cache-Control"] == "public, max-age=10"


def test_a_consistency_proof_joins_two_checkpoints(client, log):
    data = client.get(f"{LOG}/proof/consistency", {"old": 3, "new": 5}).json()

    roots = dict(log.checkpoints.values_list("size", "root"))
    hashes = [base64.b64decode(value) for value in data["hashes"]]
    merkle.verify_consistency(3, 5, bytes(roots[3]), bytes(roots[5]), hashes)
    assert (data["old"], data["new"]) == (3, 5)


@pytest.mark.parametrize(
    "path, query, message",
    [
        ("inclusion", {}, "index is required"),
        ("inclusion", {"index": "x"}, "must be a whole number"),
        ("inclusion", {"index": "-1"}, "must be a whole number"),
        ("inclusion", {"index": "1.5"}, "must be a whole number"),
        ("inclusion", {"index": "5", "size": "5"}, "below the tree size 5"),
        ("inclusion", {"index": "0", "size": "6"}, "between 1 and 5"),
        ("inclusion", {"index": "0", "size": "0"}, "between 1 and 5"),
        ("inclusion", {"index": "9" * 40}, "must be a whole number"),
        ("inclusion", {"digest": "abc"}, "64 lowercase hexadecimal"),
        ("inclusion", {"digest": "0" * 64}, "no leaf of this log"),
        ("consistency", {"new": "5"}, "old is required"),
        ("consistency", {"old": "4", "new": "3"}, "between 0 and the new size 3"),
        ("consistency", {"old": "1", "new": "7"}, "between 1 and 5"),
        ("consistency", {"old": "", "new": "3"}, "must be a whole number"),
    ],
)
def test_bad_proof_parameters_get_a_clear_400(client, log, path, query, message):
    response = client.get(f"{LOG}/proof/{path}", query, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert message in response.json()["error"]


def test_a_bad_parameter_is_explained_in_chinese_by_default(client, log):
    response = client.get(f"{LOG}/proof/inclusion", {"index": "x"})

    assert response.status_code == 400
    assert "整数" in response.json()["error"]


def test_the_log_in_the_api_names_its_keys_checkpoint_and_witnesses(client, log):
    data = client.get("/api/v1/log/990101000000/").json()

    assert data["origin"] == ORIGIN
    assert data["county"] == {"code": "990101000000", "name": "示范县"}
    assert data["size"] == 5
    assert data["root"] == base64.b64encode(bytes(log.root)).decode()
    assert data["verifier_keys"] == [LOG_KEY.renamed(ORIGIN).verifier.text]
    assert data["checkpoint"] == client.get(f"{LOG}/checkpoint").content.decode()
    assert (data["cosigners"], data["newest_cosigned"]) == ([], None)


def test_the_api_gives_the_same_proofs(client, log):
    for path, query in [("inclusion", {"index": 1, "size": 4}), ("consistency", {"old": 2})]:
        api = client.get(f"/api/v1/log/990101000000/proof/{path}/", query)
        own = client.get(f"{LOG}/proof/{path}", query)
        assert api.json() == own.json()


def test_the_api_refuses_bad_parameters_with_400(client, log):
    response = client.get("/api/v1/log/990101000000/proof/inclusion/", {"index": "5", "size": "5"})

    assert response.status_code == 400
    assert "detail" in response.json()


def test_the_api_schema_lists_the_log(client, db):
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]

    assert {
        "/api/v1/log/{code}/",
        "/api/v1/log/{code}/proof/inclusion/",
        "/api/v1/log/{code}/proof/consistency/",
    } <= set(paths)


def test_proofs_of_a_large_log_stay_small(client, village_a):
    grow(village_a, 600)

    response = client.get(f"{LOG}/proof/inclusion", {"index": 300, "size": 600})

    assert len(response.json()["hashes"]) == 10
    assert len(response.content) < 700
