"""RFC 6962 hashing and proofs, against the reference vectors of RFC 6962's implementation and
against a tree recomputed naively for every size up to 40."""

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure.transparency import merkle

# The eight leaves of the test vectors shipped with RFC 6962's reference implementation
# (certificate-transparency, also in transparency-dev/merkle), and the root of each prefix.
LEAVES = [bytes.fromhex(h) for h in (
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
)]  # fmt: skip
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
# (leaf index, tree size, audit path)
INCLUSION = [
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (0, 1, []),
]  # fmt: skip
# (old size, new size, proof)
CONSISTENCY = [
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
]  # fmt: skip


def naive_root(hashes: list[bytes]) -> bytes:
    """MTH of RFC 6962, section 2.1, written as the RFC writes it."""
    if not hashes:
        return hashlib.sha256(b"").digest()
    if len(hashes) == 1:
        return hashes[0]
    split = 1
    while split * 2 < len(hashes):
        split *= 2
    return merkle.node_hash(naive_root(hashes[:split]), naive_root(hashes[split:]))


def naive_lookup(hashes: list[bytes]):
    return lambda subtree: naive_root(
        hashes[subtree[1] << subtree[0] : (subtree[1] + 1) << subtree[0]]
    )


def prove_inclusion(hashes, index):
    return merkle.range_hashes(merkle.inclusion_ranges(index, len(hashes)), naive_lookup(hashes))


def prove_consistency(hashes, old_size):
    ranges = merkle.consistency_ranges(old_size, len(hashes))
    return merkle.range_hashes(ranges, naive_lookup(hashes))


LEAF_HASHES = [merkle.leaf_hash(leaf) for leaf in LEAVES]


def test_the_empty_tree_hashes_to_the_hash_of_nothing():
    assert merkle.fold([]).hex() == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


@pytest.mark.parametrize("size", range(1, 9))
def test_roots_match_the_rfc_6962_vectors(size):
    subtrees = merkle.root_subtrees(size)

    assert merkle.fold([naive_lookup(LEAF_HASHES)(s) for s in subtrees]).hex() == ROOTS[size - 1]


@pytest.mark.parametrize("index, size, path", INCLUSION)
def test_audit_paths_match_the_rfc_6962_vectors(index, size, path):
    proof = prove_inclusion(LEAF_HASHES[:size], index)

    assert [hash_.hex() for hash_ in proof] == path
    root = bytes.fromhex(ROOTS[size - 1])
    merkle.verify_inclusion(index, size, LEAF_HASHES[index], proof, root)


@pytest.mark.parametrize("old, new, path", CONSISTENCY)
def test_consistency_proofs_match_the_rfc_6962_vectors(old, new, path):
    proof = prove_consistency(LEAF_HASHES[:new], old)

    assert [hash_.hex() for hash_ in proof] == path
    old_root, new_root = bytes.fromhex(ROOTS[old - 1]), bytes.fromhex(ROOTS[new - 1])
    merkle.verify_consistency(old, new, old_root, new_root, proof)


def tree(size: int) -> list[bytes]:
    return [merkle.leaf_hash(f"leaf {i}".encode()) for i in range(size)]


@pytest.mark.parametrize("size", range(1, 41))
def test_every_audit_path_up_to_40_leaves_leads_to_the_naive_root(size):
    hashes = tree(size)
    root = naive_root(hashes)

    for index in range(size):
        proof = prove_inclusion(hashes, index)
        assert merkle.root_from_inclusion(index, size, hashes[index], proof) == root


@pytest.mark.parametrize("size", range(1, 41))
def test_every_consistency_proof_up_to_40_leaves_verifies(size):
    hashes = tree(size)

    for old in range(size + 1):
        proof = prove_consistency(hashes, old)
        merkle.verify_consistency(old, size, naive_root(hashes[:old]), naive_root(hashes), proof)


def corruptions(proof: list[bytes]):
    yield proof + [b"\x00" * 32]
    yield [b"\x00" * 32, *proof]
    if proof:
        yield proof[:-1]
    for position in range(len(proof)):
        changed = list(proof)
        changed[position] = bytes([changed[position][0] ^ 8]) + changed[position][1:]
        yield changed


@given(st.integers(2, 70), st.data())
def test_a_changed_audit_path_or_position_is_refused(size, data):
    hashes = tree(size)
    index = data.draw(st.integers(0, size - 1))
    proof, root = prove_inclusion(hashes, index), naive_root(hashes)

    for wrong in corruptions(proof):
        with pytest.raises(merkle.ProofError):
            merkle.verify_inclusion(index, size, hashes[index], wrong, root)
    for other in {index - 1, index + 1} & set(range(size)):
        with pytest.raises(merkle.ProofError):
            merkle.verify_inclusion(other, size, hashes[index], proof, root)
    with pytest.raises(merkle.ProofError):
        merkle.verify_inclusion(index, size, merkle.leaf_hash(b"another"), proof, root)


@given(st.integers(3, 70), st.data())
def test_a_changed_consistency_proof_or_history_is_refused(size, data):
    hashes = tree(size)
    old = data.draw(st.integers(1, size - 1))
    proof = prove_consistency(hashes, old)
    old_root, new_root = naive_root(hashes[:old]), naive_root(hashes)

    for wrong in corruptions(proof):
        with pytest.raises(merkle.ProofError):
            merkle.verify_consistency(old, size, old_root, new_root, wrong)
    rewritten = naive_root([merkle.leaf_hash(b"rewritten"), *hashes[1:old]])
    with pytest.raises(merkle.ProofError):
        merkle.verify_consistency(old, size, rewritten, new_root, proof)
    with pytest.raises(merkle.ProofError):
        merkle.verify_consistency(old, size, old_root, new_root, [])


def test_a_tree_cannot_shrink_nor_hold_two_roots_at_one_size():
    with pytest.raises(merkle.ProofError):
        merkle.verify_consistency(5, 4, b"a" * 32, b"b" * 32, [])
    with pytest.raises(merkle.ProofError):
        merkle.verify_consistency(4, 4, b"a" * 32, b"b" * 32, [])
    with pytest.raises(merkle.ProofError):
        merkle.inclusion_ranges(4, 4)
