"""Appending to a county log and reading proofs from its stored nodes."""

import base64
import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from disclosure.regions.models import Level
from disclosure.transparency import leaves, merkle, notes, services
from disclosure.transparency.errors import LogError
from disclosure.transparency.models import Checkpoint, LogEntry, Node
from disclosure.transparency.verification import verify_log

from ..factories import RegionFactory
from .conftest import LOG_KEY, ORIGIN, digest_of, grow, leaf
from .test_merkle import naive_root


def stored_leaves(log) -> list[bytes]:
    data = log.entries.order_by("index").values_list("data", flat=True)
    return [merkle.leaf_hash(bytes(item)) for item in data]


def test_the_first_leaf_creates_the_county_log_with_its_origin(village_a):
    entry = services.append(village=village_a, data=leaf(village_a, 1))

    log = entry.log
    assert (log.origin, log.county.code, log.size) == (ORIGIN, "990101000000", 1)
    assert (entry.index, entry.village, entry.digest) == (0, village_a, digest_of(1))
    assert bytes(log.root) == merkle.leaf_hash(leaf(village_a, 1))


def test_villages_of_one_county_share_its_log_in_the_order_they_publish(log, village_c):
    services.append(village=village_c, data=leaf(village_c, 1))

    log.refresh_from_db()
    assert log.size == 6
    assert list(log.entries.order_by("index").values_list("village__code", flat=True)) == [
        "990101001001", "990101001002", "990101001001", "990101001002", "990101001001",
        "990101002001",
    ]  # fmt: skip


def test_each_leaf_stores_every_subtree_it_completes_and_the_root_of_the_tree(village_a):
    grow(village_a, 7)

    log = services.log_of(services.county_of(village_a))
    positions = set(Node.objects.filter(log=log).values_list("level", "index"))
    assert positions == {(0, i) for i in range(7)} | {(1, 0), (1, 1), (1, 2), (2, 0)}
    assert bytes(log.root) == naive_root(stored_leaves(log))


def test_every_leaf_signs_a_checkpoint_of_the_new_size(log):
    checkpoints = list(Checkpoint.objects.filter(log=log).order_by("size"))

    assert [c.size for c in checkpoints] == [1, 2, 3, 4, 5]
    newest = notes.parse_note(checkpoints[-1].note)
    assert newest.text == f"{ORIGIN}\n5\n{base64.b64encode(bytes(log.root)).decode()}\n"
    assert notes.verify(newest, [LOG_KEY.renamed(ORIGIN).verifier])


def test_a_leaf_must_name_the_village_appending_it(village_a, village_b):
    with pytest.raises(LogError, match="names the village 990101001002"):
        services.append(village=village_a, data=leaf(village_b, 1))
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        b"revision 990101001001 1 " + b"a" * 64,  # no newline
        b"revision 990101001001 01 " + b"a" * 64 + b"\n",
        b"revision 990101001001 1 " + b"A" * 64 + b"\n",
        b"withdrawal 990101001001 1 " + b"a" * 64 + b"\n",
        b"record 990101001001 payment 17 " + b"a" * 64,  # no newline
        b"record 990101001001 payment 017 " + b"a" * 64 + b"\n",
        b"record 990101001001 Payment 17 " + b"a" * 64 + b"\n",
        b"record 990101001001 _payment 17 " + b"a" * 64 + b"\n",
        b"record 990101001001 17 " + b"a" * 64 + b"\n",
        b"record 990101001001 payment 17 " + b"a" * 63 + b"\n",
    ],
)
def test_anything_but_a_revision_or_record_leaf_is_refused(village_a, data):
    with pytest.raises(LogError):
        services.append(village=village_a, data=data)


def test_a_record_leaf_is_appended_and_read_back(village_a):
    data = leaves.record_leaf(
        village_code=village_a.code, name="payment", record_id=17, digest=digest_of(1)
    )

    entry = services.append(village=village_a, data=data)

    assert bytes(entry.data) == f"record 990101001001 payment 17 {digest_of(1)}\n".encode()
    assert entry.digest == digest_of(1)
    assert services.leaves_of(village=village_a) == [
        leaves.RecordLeaf("990101001001", "payment", 17, digest_of(1))
    ]
    assert verify_log(entry.log) is None


def test_a_village_without_a_county_above_it_cannot_append(db):
    lone = RegionFactory(code="980101001001", name="孤村", level=Level.VILLAGE)

    with pytest.raises(LogError, match="no county 980101000000"):
        services.append(village=lone, data=leaves.revision_leaf(
            village_code=lone.code, seq=1, digest=digest_of(1)))  # fmt: skip


def test_many_leaves_append_at_once_with_one_checkpoint(log, village_a, village_c):
    data = [(village_a, leaf(village_a, seq)) for seq in range(6, 300)]
    data += [(village_c, leaf(village_c, seq)) for seq in range(1, 50)]

    assert services.append_many(village_data=data) == 343

    log.refresh_from_db()
    assert log.size == 348
    assert bytes(log.root) == naive_root(stored_leaves(log))
    assert list(log.checkpoints.values_list("size", flat=True).order_by("size")) == [
        1,
        2,
        3,
        4,
        5,
        348,
    ]
    assert Node.objects.filter(log=log, level=0).count() == 348


def test_leaves_appended_in_bulk_and_one_by_one_give_the_same_tree(village_a, village_c):
    grow(village_a, 10)
    county = services.county_of(village_a)
    one_by_one = bytes(services.log_of(county).root)
    leaves_before = stored_leaves(services.log_of(county))

    services.append_many(village_data=[(village_c, leaf(village_c, seq)) for seq in range(1, 24)])

    log = services.log_of(county)
    assert naive_root(leaves_before) == one_by_one
    assert bytes(log.root) == naive_root(stored_leaves(log))


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13, 21, 34, 40])
def test_stored_audit_paths_lead_to_the_root_of_every_checkpoint(village_a, size):
    grow(village_a, 40)
    log = services.log_of(services.county_of(village_a))
    hashes = stored_leaves(log)
    root = bytes(log.checkpoints.get(size=size).root)

    assert root == naive_root(hashes[:size])
    for index in range(size):
        proof = services.inclusion(log=log, index=index, size=size)
        merkle.verify_inclusion(index, size, hashes[index], proof, root)


def test_stored_consistency_proofs_join_every_pair_of_checkpoints(village_a):
    grow(village_a, 40)
    log = services.log_of(services.county_of(village_a))
    roots = dict(log.checkpoints.values_list("size", "root"))

    for new in range(1, 41):
        for old in range(0, new + 1):
            proof = services.consistency(log=log, old_size=old, new_size=new)
            old_root = bytes(roots[old]) if old else merkle.EMPTY_ROOT
            merkle.verify_consistency(old, new, old_root, bytes(roots[new]), proof)


def test_a_proof_reads_its_nodes_in_one_query(village_a):
    grow(village_a, 100)
    log = services.log_of(services.county_of(village_a))

    with CaptureQueriesContext(connection) as queries:
        services.inclusion(log=log, index=37, size=99)
        services.consistency(log=log, old_size=37, new_size=99)

    assert len(queries) == 2


@pytest.mark.parametrize(
    "index, size",
    [(5, 5), (0, 0), (0, 6), (-1, 5)],
)
def test_proofs_outside_the_tree_are_refused(log, index, size):
    with pytest.raises(LogError):
        services.inclusion(log=log, index=index, size=size)


@pytest.mark.parametrize("old, new", [(3, 2), (0, 6), (-1, 3), (2, 0)])
def test_consistency_outside_the_tree_is_refused(log, old, new):
    with pytest.raises(LogError):
        services.consistency(log=log, old_size=old, new_size=new)


def test_a_revision_finds_its_leaf_by_its_digest(log, village_a, village_b):
    entry = services.entry_for(village=village_a, digest=digest_of(3))

    assert (entry.index, bytes(entry.data)) == (2, leaf(village_a, 3))
    assert services.entry_for(village=village_b, digest=digest_of(3)) is None


def test_a_receipt_holds_all_a_villager_needs_to_check_a_leaf(log, village_a, township_witness):
    entry = services.entry_for(village=village_a, digest=digest_of(3))

    receipt = services.receipt(entry=entry)

    assert (receipt.origin, receipt.index, receipt.size) == (ORIGIN, 2, 5)
    assert receipt.leaf == leaf(village_a, 3)
    note = notes.parse_note(receipt.checkpoint)
    assert notes.parse_checkpoint(note.text) == (ORIGIN, 5, receipt.root)
    verifier = notes.parse_verifier(receipt.verifier_keys[0])
    assert notes.verify(note, [verifier])
    merkle.verify_inclusion(2, 5, merkle.leaf_hash(receipt.leaf), receipt.proof, receipt.root)
    assert receipt.cosigners == []


@pytest.mark.django_db(transaction=True)
def test_villages_publishing_at_the_same_moment_never_fork_the_log(village_a, village_b):
    """Two publications at once, from the very first leaf: each waits for the other's lock."""

    def publish(village, start):
        try:
            for seq in range(start, start + 15):
                with transaction.atomic():
                    services.append(village=village, data=leaf(village, seq))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=publish, args=(village_a, 1)),
        threading.Thread(target=publish, args=(village_b, 100)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    log = services.log_of(services.county_of(village_a))
    assert log.size == 30
    assert verify_log(log) is None
    assert sorted(log.checkpoints.values_list("size", flat=True)) == list(range(1, 31))
