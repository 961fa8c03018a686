"""docs/transparency.md's worked example, recomputed from the document alone, by the portal and
by the standalone tool; and the portal, given the example's leaves and key, serves exactly it."""

import base64
import hashlib
import importlib.util
import json
import re
from pathlib import Path

import pytest

from disclosure.transparency import leaves, merkle, notes, services

from .conftest import LOG_KEY, ORIGIN, TOWNSHIP_KEY
from .test_merkle import naive_lookup, naive_root

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "transparency.md"
TIMESTAMP = 1_772_676_000


def example(name: str) -> str:
    found = re.search(rf"<!-- example:{name} -->\n```\w*\n(.*?)\n```", DOCS.read_text(), re.S)
    assert found, f"docs/transparency.md has no example:{name} block"
    return found.group(1)


def example_leaves() -> list[bytes]:
    return [f"{line}\n".encode() for line in example("tlog-leaves").splitlines()]


def the_tool():
    spec = importlib.util.spec_from_file_location("verify_chain", ROOT / "tools/verify_chain.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_leaves_are_revision_leaves_and_hash_as_stated():
    data = example_leaves()
    hashes = [merkle.leaf_hash(leaf) for leaf in data]

    assert all(leaves.parse(leaf) for leaf in data)
    assert len(data[0]) == 89
    assert [h.hex() for h in hashes] == example("tlog-leaf-hashes").splitlines()
    for line in example("tlog-roots").splitlines():
        size, root = line.split()
        assert naive_root(hashes[: int(size)]).hex() == root
    assert base64.b64encode(naive_root(hashes)).decode() in DOCS.read_text()


def test_the_first_leaf_names_the_revision_of_the_integrity_example():
    integrity = (ROOT / "docs" / "integrity.md").read_text()
    digest = re.search(r"<!-- example:digest -->\n```\n(\w+)\n```", integrity).group(1)

    assert example_leaves()[0] == f"revision 990101001001 1 {digest}\n".encode()


def test_the_keys_are_the_stated_test_keys():
    signer = notes.parse_signer(example("tlog-private-key"), notes.ED25519)
    witness = notes.parse_signer(example("tlog-witness-key"), notes.COSIGNATURE_V1)

    assert signer.seed == hashlib.sha256(b"example log key").digest() == LOG_KEY.seed
    assert signer.renamed(ORIGIN).verifier.text == example("tlog-verifier-key")
    assert example("tlog-verifier-key").split("+")[1] == "50b44506"
    assert witness.seed == hashlib.sha256(b"example witness key").digest() == TOWNSHIP_KEY.seed
    assert witness.verifier.text == example("tlog-witness-verifier-key")


def test_the_checkpoint_is_the_text_signed_with_the_test_key():
    signer = notes.parse_signer(example("tlog-private-key")).renamed(ORIGIN)
    root = naive_root([merkle.leaf_hash(leaf) for leaf in example_leaves()])
    text = notes.checkpoint_text(ORIGIN, 5, root)

    assert str(notes.Note(text, (notes.sign(text, signer),))) == example("tlog-checkpoint") + "\n"


def test_the_proofs_are_those_of_rfc_6962_and_verify():
    hashes = [merkle.leaf_hash(leaf) for leaf in example_leaves()]
    inclusion, consistency = (
        json.loads(example("tlog-inclusion")),
        json.loads(example("tlog-consistency")),
    )

    path = merkle.range_hashes(merkle.inclusion_ranges(2, 5), naive_lookup(hashes))
    assert inclusion["hashes"] == [base64.b64encode(h).decode() for h in path]
    assert inclusion["leaf"].encode() == example_leaves()[2]
    proof = merkle.range_hashes(merkle.consistency_ranges(3, 5), naive_lookup(hashes))
    assert consistency["hashes"] == [base64.b64encode(h).decode() for h in proof]


def test_the_cosignature_is_the_township_witness_signing_at_the_stated_time():
    witness = notes.parse_signer(example("tlog-witness-key"), notes.COSIGNATURE_V1)
    text = notes.parse_note(example("tlog-checkpoint") + "\n").text

    assert notes.cosign(text, witness, TIMESTAMP).line == example("tlog-cosignature") + "\n"
    assert TIMESTAMP.to_bytes(8, "big").hex(" ") in DOCS.read_text()


def test_the_standalone_tool_verifies_the_example_from_the_document_alone():
    tool = the_tool()
    checkpoint = tool.verify_checkpoint(
        example("tlog-checkpoint") + "\n", example("tlog-verifier-key")
    )
    cosigned = tool.Checkpoint(**{**vars(checkpoint), "signatures": checkpoint.signatures + [
        tool.parse_note(f"x\n\n{example('tlog-cosignature')}\n")[1][0]]})  # fmt: skip
    inclusion, consistency = (
        json.loads(example("tlog-inclusion")),
        json.loads(example("tlog-consistency")),
    )
    roots = dict(line.split() for line in example("tlog-roots").splitlines())

    tool.verify_inclusion(
        2,
        5,
        tool.leaf_hash(inclusion["leaf"].encode()),
        tool.proof_hashes(inclusion),
        checkpoint.root,
    )
    tool.verify_consistency(
        3, 5, bytes.fromhex(roots["3"]), checkpoint.root, tool.proof_hashes(consistency)
    )
    witnesses = tool.cosigners(cosigned, [example("tlog-witness-verifier-key")])
    assert witnesses == ["qingshan.example.cn/witness (2026-03-05 02:00 UTC)"]


def test_the_python_snippet_of_the_document_checks_the_checkpoint(tmp_path, monkeypatch, capsys):
    snippet = re.search(r"```python\n(.*?)\n```", DOCS.read_text(), re.S).group(1)
    (tmp_path / "checkpoint").write_text(example("tlog-checkpoint") + "\n")
    monkeypatch.chdir(tmp_path)

    exec(snippet, {})  # noqa: S102 (the document's own example)

    assert capsys.readouterr().out == "signed by the log\n"


@pytest.fixture
def example_log(village_a, village_b, village_c):
    villages = {v.code: v for v in (village_a, village_b, village_c)}
    for leaf in example_leaves():
        services.append(village=villages[leaf.split()[1].decode()], data=leaf)
    return services.log_of(services.county_of(village_a))


def test_the_portal_given_the_example_serves_exactly_the_example(client, example_log):
    log = "/log/990101000000"

    assert client.get(f"{log}/checkpoint").content.decode() == example("tlog-checkpoint") + "\n"
    assert client.get(f"{log}/key").content.decode() == example("tlog-verifier-key") + "\n"
    inclusion = client.get(f"{log}/proof/inclusion", {"index": 2, "size": 5}).json()
    assert inclusion == json.loads(example("tlog-inclusion"))
    consistency = client.get(f"{log}/proof/consistency", {"old": 3, "new": 5}).json()
    assert consistency == json.loads(example("tlog-consistency"))
    tile = client.get(f"{log}/tile/0/000.p/5").content
    assert tile.hex() == "".join(example("tlog-leaf-hashes").splitlines())
    bundle = client.get(f"{log}/tile/entries/000.p/5").content
    assert bundle[:11].hex(" ") == "00 59 72 65 76 69 73 69 6f 6e 20"
