"""verify_log: the whole log recomputed from its leaves, against a database someone changed."""

import base64
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from disclosure.transparency import merkle, notes
from disclosure.transparency.models import Checkpoint, Node
from disclosure.transparency.verification import verify_log

from ..factories import published_posting
from .conftest import LOG_KEY, ORIGIN, TOWNSHIP_KEY


def tamper(table: str, sql: str, params=(), trigger: str = "append_only") -> None:
    """Change rows with the append-only trigger off, as the owner of the tables can."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        cursor.execute(sql, params)
        cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def verify(log) -> str | None:
    log.refresh_from_db()
    with translation.override("en"):
        return verify_log(log)


def test_an_untouched_log_verifies(log):
    assert verify(log) is None


def test_a_changed_leaf_is_reported(log):
    tamper(
        "transparency_logentry",
        "UPDATE transparency_logentry SET data = convert_to(replace(convert_from(data, 'UTF8'), "
        "'990101001002 4', '990101001002 9'), 'UTF8') WHERE index = 3",
    )

    assert verify(log) == (
        f"Transparency log {ORIGIN}: the stored node 3 at level 0 does not match its leaves."
    )


def test_a_leaf_that_no_longer_says_what_its_row_says_is_reported(log):
    tamper("transparency_logentry", "UPDATE transparency_logentry SET digest = %s WHERE index = 1",
           ["0" * 64])  # fmt: skip

    assert "leaf 1 does not say what its row says" in verify(log)


def test_a_leaf_with_its_nodes_rewritten_still_breaks_the_root(log):
    """Changing a leaf and recomputing its nodes leaves the stored root and checkpoints."""
    data = b"revision 990101001001 1 " + b"0" * 64 + b"\n"
    tamper("transparency_logentry", "UPDATE transparency_logentry SET data = %s, digest = %s "
           "WHERE index = 0", [data, "0" * 64])  # fmt: skip
    hashes = [merkle.leaf_hash(data)] + [
        bytes(h) for h in Node.objects.filter(log=log, level=0, index__gt=0).order_by("index")
        .values_list("hash", flat=True)
    ]  # fmt: skip
    rebuilt = {(0, 0): hashes[0], (1, 0): merkle.node_hash(hashes[0], hashes[1])}
    rebuilt[(2, 0)] = merkle.node_hash(rebuilt[(1, 0)], merkle.node_hash(hashes[2], hashes[3]))
    for (level, index), hash_ in rebuilt.items():
        tamper(
            "transparency_node",
            "UPDATE transparency_node SET hash = %s "
            "WHERE log_id = %s AND level = %s AND index = %s",
            [hash_, log.pk, level, index],
        )

    assert "stored root hash is not the root of its leaves" in verify(log)


def test_a_removed_leaf_is_reported(log):
    tamper("transparency_logentry", "DELETE FROM transparency_logentry WHERE index = 2")

    assert "leaf 2 is missing" in verify(log)


def test_a_removed_node_is_reported(log):
    tamper("transparency_node", "DELETE FROM transparency_node WHERE level = 1 AND index = 1")

    assert "level 1 of the tree lacks node 1" in verify(log)


def test_a_checkpoint_with_another_root_is_reported(log):
    tamper("transparency_checkpoint", "UPDATE transparency_checkpoint SET root = %s WHERE size = 3",
           [b"x" * 32])  # fmt: skip

    assert "the checkpoint of size 3 has another root" in verify(log)


def test_a_checkpoint_signed_by_another_key_is_reported(log):
    checkpoint = log.checkpoints.get(size=4)
    forger = notes.new_signer("forger", notes.ED25519).renamed(ORIGIN)
    text = notes.parse_note(checkpoint.note).text
    forged = str(notes.Note(text, (notes.sign(text, forger),)))
    tamper("transparency_checkpoint", "UPDATE transparency_checkpoint SET note = %s WHERE id = %s",
           [forged, checkpoint.pk])  # fmt: skip

    assert "the checkpoint of size 4 is not signed by the log's key" in verify(log)


def test_checkpoints_signed_with_a_retired_key_still_verify(log, settings):
    successor = notes.new_signer("cunwu.example.cn-2027", notes.ED25519)
    settings.TRANSPARENCY_SIGNING_KEY = successor.text

    assert "not signed by the log's key" in verify(log)

    settings.TRANSPARENCY_RETIRED_PUBLIC_KEYS = [base64.b64encode(LOG_KEY.public_key).decode()]
    assert verify(log) is None


def test_a_grown_log_without_its_checkpoint_is_reported(log):
    tamper("transparency_checkpoint", "DELETE FROM transparency_checkpoint WHERE size = 5")

    assert "no checkpoint was issued for its size 5" in verify(log)


def test_a_forged_cosignature_is_reported(log, township_witness):
    checkpoint = log.checkpoints.get(size=5)
    other = notes.cosign("another text\n", TOWNSHIP_KEY, 1_772_676_000)
    checkpoint.cosignatures.create(
        witness=township_witness, timestamp=1_772_676_000, line=other.line
    )

    assert "the cosignature of qingshan.example.cn/witness on the checkpoint of size 5" in verify(
        log
    )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE transparency_logentry SET data = 'x'",
        "DELETE FROM transparency_logentry",
        "UPDATE transparency_node SET hash = 'x'",
        "DELETE FROM transparency_node",
        "UPDATE transparency_checkpoint SET note = 'x'",
        "DELETE FROM transparency_checkpoint",
        "UPDATE transparency_log SET size = size - 1",
        "UPDATE transparency_log SET root = 'x'",
        "UPDATE transparency_log SET origin = 'elsewhere'",
        "DELETE FROM transparency_log",
    ],
)
def test_the_database_refuses_to_change_or_remove_what_was_appended(log, statement):
    with pytest.raises(IntegrityError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)


def test_cosignatures_are_append_only_too(log, township_witness):
    checkpoint = log.checkpoints.get(size=5)
    line = notes.cosign(checkpoint.text, TOWNSHIP_KEY, 1_772_676_000).line
    checkpoint.cosignatures.create(witness=township_witness, timestamp=1_772_676_000, line=line)

    with pytest.raises(IntegrityError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM transparency_cosignature")
    assert Checkpoint.objects.get(pk=checkpoint.pk).cosignatures.count() == 1


@pytest.fixture
def published(village_a, village_b, clerk_a, supervisor_a, clerk_b, supervisor_b):
    """Five real publications, in turns, whose leaves make the county log."""
    for title, village, clerk, supervisor in [
        ("一", village_a, clerk_a, supervisor_a),
        ("二", village_b, clerk_b, supervisor_b),
        ("三", village_a, clerk_a, supervisor_a),
        ("四", village_b, clerk_b, supervisor_b),
        ("五", village_a, clerk_a, supervisor_a),
    ]:
        published_posting(village, clerk, supervisor, title=f"第{title}则通知")


def test_verify_chain_checks_the_county_log_too(published):
    out = io.StringIO()
    with translation.override("en"):
        call_command("verify_chain", "--village", "990101001001", stdout=out)

    assert f"{ORIGIN}: 5 leaves, their tree and its checkpoints verified" in out.getvalue()


def test_verify_chain_fails_naming_the_log(published):
    tamper("transparency_node", "DELETE FROM transparency_node WHERE level = 2")

    errors = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="1 problems found"):
        call_command("verify_chain", stdout=io.StringIO(), stderr=errors)
    assert "level 2 of the tree lacks node 0" in errors.getvalue()
