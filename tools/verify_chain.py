#!/usr/bin/env python3
"""Check what the village affairs disclosure portal published, without trusting the portal.

    python verify_chain.py https://host/p/<code>/             one posting (also /p/<code>/<n>/)
    python verify_chain.py https://host/v/<village code>/     a whole village
        [--log-key KEY] [--witness-key KEY ...] [--state DIR] [--no-files] [--head DIGEST]
    python verify_chain.py chain.json|proof.json [--files DIR] [--head DIGEST] [--log URL] ...
    python verify_chain.py checkpoint LOG --log-key KEY [--witness-key KEY ...]
    python verify_chain.py inclusion LOG --log-key KEY (--index I | --digest HEX)
                                     [--village CODE --seq N]
    python verify_chain.py consistency LOG --log-key KEY --old FILE
    python verify_chain.py witness --log URL --log-key KEY --key FILE --state DIR [--submit]
    python verify_chain.py witness --new-key FILE --name NAME

Given an address, it checks everything it can (docs/integrity.md, docs/transparency.md):
- a posting: its document against its digest, against what the supervision committee signed off
  (`reviewed_content`), its leaf in the county's transparency log, the inclusion proof up to the
  checkpoint's root, the log's signature on that checkpoint and on the log's newest one, the
  cosignatures of the witnesses whose keys are given, and every attachment and voucher it names;
- a village: its whole chain (positions, links, digests, head), what was signed off, the log's
  newest checkpoint and signature, and every leaf of the log (downloaded from its tiles, and
  recomputed up to the signed root), so that a revision the chain lacks (a dropped newest one), a
  revision the log lacks (a rewritten chain) or one at another position shows; and every file;
- for both, the log key given with --log-key (printed on the notice board); without it, the key
  the website serves, said to be trusted so; and the log's newest checkpoint against the one
  kept from an earlier run (in --state, by default ~/.cunwu-verify/): the log must only have
  grown. Otherwise it is a fork: said loudly, with the evidence kept, exit status 3.

A chain.json saved from the portal is checked as before: digests, positions, links and head;
with --files, attachment files found in DIR (named anything) against their hashes; with --head,
a head seen earlier must be one of its digests; with --log (the county log's address), against
the log as a village is. A saved proof.json is checked with what it carries (and --log).

The log subcommands take a county log's address, such as https://host/log/990101000000 (or, for
`checkpoint`, a saved checkpoint file): `checkpoint` checks the log's signature on its checkpoint
and names the witnesses whose cosignatures verify; `inclusion` that a leaf is in the signed tree;
`consistency` that the tree only grew since a checkpoint saved earlier; `witness` does what
`manage.py witness` does: checks the log grew consistently since the checkpoint kept in DIR,
cosigns it, and keeps the evidence of a fork.

Python 3.11 and its standard library; Ed25519 signatures need the `cryptography` package
(pip install cryptography). A saved chain.json alone needs nothing else.

Exit status: 0 verified, 1 a check fails, 2 the input cannot be read or the portal cannot be
reached, 3 the log forked.
"""

import argparse
import base64
import binascii
import hashlib
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

GENESIS = "0" * 64
MAX_INTEGER = 2**53 - 1
ED25519 = 0x01
COSIGNATURE_V1 = 0x04
TIMEOUT = 30
BUNDLE = 256  # leaves in a full entry bundle (C2SP tlog-tiles, height 8)
NEEDS_CRYPTOGRAPHY = "Ed25519 needs the cryptography package: pip install cryptography"
SIGN_OFF_AND_PUBLICATION = (
    "seq",
    "signed_off_by",
    "signed_off_at",
    "opinion",
    "reviewed_content",
    "published_by",
    "published_at",
)
LEAF = re.compile(rb"revision ([0-9]{12}) ([1-9][0-9]{0,15}) ([0-9a-f]{64})\n")


class Failure(Exception):
    """A check does not pass; `chinese` says what failed when the check's name is not enough."""

    def __init__(self, message: str, chinese: str = ""):
        super().__init__(message)
        self.chinese = chinese


class Unreadable(Exception):
    """The input cannot be read or the check cannot be made (exit status 2)."""


class Fork(Exception):
    """The log showed two histories that cannot both be true (exit status 3)."""


def say(chinese: str, english: str, file=None) -> None:
    print(f"{chinese}\n{english}", file=file or sys.stdout)


# ---------------------------------------------------------------------------------------------
# The village chain: canonical documents and digests (docs/integrity.md).


def canonical_bytes(document) -> bytes:
    _check_types(document)
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise Failure("it holds a lone surrogate, which UTF-8 cannot encode") from None


def _check_types(value) -> None:
    if isinstance(value, dict):
        for item in value.values():
            _check_types(item)
    elif isinstance(value, list):
        for item in value:
            _check_types(item)
    elif isinstance(value, float) or (
        isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER
    ):
        raise Failure(f"{value!r} is not allowed in the canonical form")


def digest(prev_digest: str, document) -> str:
    return hashlib.sha256(prev_digest.encode("ascii") + canonical_bytes(document)).hexdigest()


def content_digest(document: dict) -> str:
    """The digest of what the clerk prepared: the document without sign-off and publication."""
    content = {k: v for k, v in document.items() if k not in SIGN_OFF_AND_PUBLICATION}
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def describe(entry: dict) -> str:
    document = entry.get("document") or {}
    return (
        f"revision at position {entry.get('seq')} "
        f"(posting {document.get('posting')}, revision {document.get('revision')}, "
        f"“{document.get('title')}”)"
    )


def describe_zh(entry: dict) -> str:
    document = entry.get("document") or {}
    return (
        f"链中第 {entry.get('seq')} 条修订（公开 {document.get('posting')} "
        f"第 {document.get('revision')} 版《{document.get('title')}》）"
    )


def check_entry(entry: dict, position: int, previous: str, village: str) -> None:
    document = entry.get("document")
    if not isinstance(document, dict):
        raise Failure("it has no document", "没有文档")
    if entry.get("seq") != position or document.get("seq") != position:
        raise Failure(f"expected position {position}, found {entry.get('seq')}", "位置不对")
    if document.get("village") != village:
        raise Failure(f"it belongs to village {document.get('village')}, not {village}", "属于他村")
    if entry.get("prev_digest") != previous:
        raise Failure("its link to the previous revision does not match", "与上一条修订的链接不符")
    if digest(previous, document) != entry.get("digest"):
        raise Failure("its content does not match its digest", "内容与摘要值不符")


def verify(chain: dict) -> list[dict]:
    """The chain's revisions, once every one has been checked; Failure names the first break."""
    if chain.get("genesis") != GENESIS:
        raise Failure("the chain does not start from the genesis digest of 64 zeros")
    village = chain.get("village", {}).get("code")
    previous = GENESIS
    entries = chain.get("revisions", [])
    for position, entry in enumerate(entries, start=1):
        try:
            check_entry(entry, position, previous, village)
        except Failure as failure:
            chinese = f"{describe_zh(entry)}：{failure.chinese or '不合规范形式'}"
            raise Failure(f"{describe(entry)}: {failure}", chinese) from None
        previous = entry["digest"]
    if chain.get("head") != previous:
        raise Failure(f"the stated head {chain.get('head')} is not the last digest {previous}")
    return entries


def file_hashes(directory: Path) -> dict[str, str]:
    """The SHA-256 of every file below the directory, by path."""
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def attachments_of(entries: list[dict]):
    for entry in entries:
        for attachment in entry["document"]["attachments"]:
            yield entry, attachment


def check_files(entries: list[dict], directory: Path) -> tuple[int, int]:
    """(matching, absent) attachment counts.

    A file may be named anything; one named like an attachment (its file name or its hash)
    must have the content of some attachment of that name.
    """
    found = file_hashes(directory)
    by_name: dict[str, list[tuple[str, str]]] = {}
    for path, sha256 in found.items():
        by_name.setdefault(Path(path).name, []).append((path, sha256))
    expected: dict[str, set[str]] = {}
    for _entry, attachment in attachments_of(entries):
        for name in (attachment["filename"], attachment["sha256"]):
            expected.setdefault(name, set()).add(attachment["sha256"])
    present = set(found.values())
    matching = absent = 0
    for entry, attachment in attachments_of(entries):
        for name in (attachment["filename"], attachment["sha256"]):
            for path, sha256 in by_name.get(name, []):
                if sha256 not in expected[name]:
                    raise Failure(
                        f"{describe(entry)}: file {path} differs from attachment "
                        f"“{attachment['filename']}” (sha256 {attachment['sha256']})",
                        f"{describe_zh(entry)}的附件文件 {path} 被改动过",
                    )
        if attachment["sha256"] in present:
            matching += 1
        else:
            absent += 1
    return matching, absent


def files_of(entries: list[dict]):
    """(entry, file name, address path, sha256, size or None) of every attachment and voucher
    the documents name, each file once."""
    seen = set()
    for entry in entries:
        document = entry["document"]
        named = [("a", f["filename"], f["sha256"], f["size"]) for f in document["attachments"]]
        named += [
            ("fv", row["filename"], row["sha256"], None)
            for row in document["rows"]
            if isinstance(row, dict) and row.get("type") == "voucher"
        ]
        for prefix, filename, sha256, size in named:
            if sha256 not in seen:
                seen.add(sha256)
                path = f"{prefix}/{sha256}/{urllib.parse.quote(filename, safe='')}"
                yield entry, filename, path, sha256, size


# ---------------------------------------------------------------------------------------------
# HTTP.


def fetch(url: str) -> bytes:
    """The body at an http(s) address. An answer other than 200 fails (the portal refuses to
    show what was asked); an address that cannot be reached cannot be checked."""
    if not url.startswith(("https://", "http://")):
        raise Unreadable(f"{url} is not an http(s) address")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 (checked)
            return response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip()[:300]
        raise Failure(f"{url} answered {error.code}: {detail}", "网站拒绝给出") from None
    except (urllib.error.URLError, OSError) as error:
        raise Unreadable(f"{url} cannot be reached: {error}") from None


def fetch_text(url: str) -> str:
    return fetch(url).decode("utf-8")


def fetch_json(url: str) -> dict:
    try:
        return json.loads(fetch(url))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Unreadable(f"{url} did not answer with JSON") from None


def post(url: str, body: bytes) -> str:
    """POST the body; the answer's text, or Failure with it if the portal refused."""
    if not url.startswith(("https://", "http://")):
        raise Unreadable(f"{url} is not an http(s) address")
    request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310 (checked)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        raise Failure(f"{url} refused: {error.read().decode('utf-8', 'replace')}") from None
    except (urllib.error.URLError, OSError) as error:
        raise Unreadable(f"{url} cannot be reached: {error}") from None


# ---------------------------------------------------------------------------------------------
# The county transparency log: RFC 6962 trees and proofs, C2SP tiles, signed notes, cosignatures.


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def tree_root(hashes: list[bytes]) -> bytes:
    """RFC 6962's MTH of the leaf hashes: complete subtrees are merged as they fill, and what
    is left is folded from the right."""
    stack: list[tuple[int, bytes]] = []
    for value in hashes:
        size = 1
        while stack and stack[-1][0] == size:
            size, value = size * 2, node_hash(stack.pop()[1], value)
        stack.append((size, value))
    if not stack:
        return hashlib.sha256().digest()
    root = stack.pop()[1]
    while stack:
        root = node_hash(stack.pop()[1], root)
    return root


def _shift_while_even(first: int, last: int) -> tuple[int, int]:
    while first and not first & 1:
        first, last = first >> 1, last >> 1
    return first, last


def verify_inclusion(index: int, size: int, leaf: bytes, proof: list, root: bytes) -> None:
    """RFC 9162, section 2.1.3.2."""
    if not 0 <= index < size:
        raise Failure(f"leaf {index} is not in a tree of {size} leaves")
    first, last, result = index, size - 1, leaf
    for sibling in proof:
        if last == 0:
            raise Failure("the inclusion proof is too long")
        if first & 1 or first == last:
            result = node_hash(sibling, result)
            if not first & 1:
                first, last = _shift_while_even(first, last)
        else:
            result = node_hash(result, sibling)
        first, last = first >> 1, last >> 1
    if last != 0 or result != root:
        raise Failure(f"leaf {index} is not in the signed tree of {size} leaves")


def verify_consistency(old: int, new: int, old_root: bytes, new_root: bytes, proof: list) -> None:
    """RFC 9162, section 2.1.4.2: the tree of `new` leaves extends the tree of `old`."""
    if not 0 <= old <= new:
        raise Failure(f"a tree of {old} leaves cannot grow into one of {new}")
    if old in (0, new):
        if proof or (old == new and old_root != new_root):
            raise Failure(f"the trees of {old} and {new} leaves are not consistent")
        return
    path = ([old_root] if old & (old - 1) == 0 else []) + list(proof)
    first, last = old - 1, new - 1
    while first & 1:
        first, last = first >> 1, last >> 1
    if not path:
        raise Failure("the consistency proof is empty")
    old_result = new_result = path[0]
    for sibling in path[1:]:
        if last == 0:
            raise Failure("the consistency proof is too long")
        if first & 1 or first == last:
            old_result, new_result = node_hash(sibling, old_result), node_hash(sibling, new_result)
            if not first & 1:
                first, last = _shift_while_even(first, last)
        else:
            new_result = node_hash(new_result, sibling)
        first, last = first >> 1, last >> 1
    if last != 0 or old_result != old_root or new_result != new_root:
        raise Failure(f"the tree of {new} leaves does not extend the tree of {old}")


def entries_path(index: int, width: int) -> str:
    """tile/entries/<N>[.p/<W>], N in groups of three digits, all but the last after an x."""
    digits = str(index).zfill(-(-len(str(index)) // 3) * 3)
    groups = [digits[at : at + 3] for at in range(0, len(digits), 3)]
    suffix = "" if width == BUNDLE else f".p/{width}"
    return "tile/entries/" + "/".join([f"x{g}" for g in groups[:-1]] + groups[-1:]) + suffix


def split_bundle(data: bytes, width: int) -> list[bytes]:
    """The leaves of an entry bundle: each a big-endian uint16 length and the leaf's bytes."""
    leaves, at = [], 0
    while at + 2 <= len(data):
        end = at + 2 + int.from_bytes(data[at : at + 2], "big")
        leaves.append(data[at + 2 : end])
        at = end
    if at != len(data) or len(leaves) != width:
        raise Failure(f"an entry bundle does not hold the {width} leaves it should")
    return leaves


def log_leaves(log_url: str, size: int, cache: Path) -> tuple[list[bytes], int]:
    """The first `size` leaves of the log from its entry bundles, and the bytes downloaded.
    A full bundle never changes: it is kept in the cache folder and read from there next time
    (the leaves are checked against the signed root all the same)."""
    leaves, downloaded = [], 0
    for index in range(-(-size // BUNDLE)):
        width = min(BUNDLE, size - index * BUNDLE)
        path = entries_path(index, width)
        kept = cache / path
        if width == BUNDLE and kept.is_file():
            data = kept.read_bytes()
        else:
            data = fetch(f"{log_url}/{path}")
            downloaded += len(data)
            if width == BUNDLE:
                keep_bundle(kept, data)
        leaves += split_bundle(data, width)
    return leaves, downloaded


def keep_bundle(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError:
        pass  # a cache only: next time the bundle is downloaded again


def b64(text: str, length: int | None = None) -> bytes:
    try:
        value = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise Failure(f"{str(text)[:60]!r} is not base64") from None
    if length is not None and len(value) != length:
        raise Failure(f"{str(text)[:60]!r} is not {length} bytes")
    return value


def key_id(name: str, key_type: int, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + bytes([key_type]) + public_key).digest()[:4]


def parse_verifier_key(text: str, key_type: int) -> tuple[str, bytes]:
    """(name, public key) of a verifier key `<name>+<hex id>+<base64(type ‖ key)>`."""
    parts = text.strip().split("+", 2)
    if len(parts) != 3 or len(parts[1]) != 8:
        raise Failure(f"{text!r} is not a verifier key <name>+<id>+<key>", "密钥格式不对")
    material = b64(parts[2], 33)
    if material[0] != key_type or key_id(parts[0], key_type, material[1:]).hex() != parts[1]:
        raise Failure(f"{text!r} is not a verifier key of type 0x{key_type:02x} with a matching id")
    return parts[0], material[1:]


def short_form(verifier_key: str) -> str:
    """What to compare with a printed key: its key id and the last 8 characters of the key."""
    parse_verifier_key(verifier_key, ED25519)
    _name, hex_id, material = verifier_key.strip().split("+", 2)
    return f"{hex_id}…{material[-8:]}"


def ed25519_verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        raise Unreadable(NEEDS_CRYPTOGRAPHY) from None
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except InvalidSignature:
        return False
    return True


def parse_note(note: str) -> tuple[str, list[tuple[str, bytes, bytes]]]:
    """The text of a signed note and its signatures as (name, key id, signature)."""
    split = note.rfind("\n\n")
    if split < 0 or not note.endswith("\n"):
        raise Failure("the checkpoint is not a signed note")
    signatures = []
    for line in note[split + 2 :].splitlines():
        name, _, encoded = line.removeprefix("— ").partition(" ")
        if not line.startswith("— ") or not name:
            raise Failure(f"{line[:60]!r} is not a signature line")
        raw = b64(encoded)
        signatures.append((name, raw[:4], raw[4:]))
    return note[: split + 1], signatures


@dataclass
class Checkpoint:
    origin: str
    size: int
    root: bytes
    text: str
    signatures: list
    note: str


def parse_checkpoint(note: str) -> Checkpoint:
    """The checkpoint a note holds, its signatures not checked."""
    text, signatures = parse_note(note)
    lines = text.split("\n")
    if len(lines) < 4 or not lines[1].isdigit() or lines[1] != str(int(lines[1])):
        raise Failure("the checkpoint has no origin, tree size and root hash")
    return Checkpoint(lines[0], int(lines[1]), b64(lines[2], 32), text, signatures, note)


def verify_checkpoint(note: str, log_key: str) -> Checkpoint:
    """The checkpoint, once the log's signature on it verifies (C2SP signed-note's rules)."""
    name, public_key = parse_verifier_key(log_key, ED25519)
    checkpoint = parse_checkpoint(note)
    wanted = (name, key_id(name, ED25519, public_key))
    ours = [sig for n, kid, sig in checkpoint.signatures if (n, kid) == wanted]
    message = checkpoint.text.encode()
    if not ours or not all(ed25519_verify(public_key, sig, message) for sig in ours):
        raise Failure(f"the checkpoint is not signed by the log key {name}")
    if checkpoint.origin != name:
        raise Failure(f"the checkpoint is of {checkpoint.origin}, not of {name}")
    return checkpoint


def verify_by_any(note: str, log_keys: list[str]) -> Checkpoint:
    """The checkpoint, once one log key's signature verifies (while the portal replaces its key,
    checkpoints carry the signatures of both)."""
    problems = []
    for log_key in log_keys:
        try:
            return verify_checkpoint(note, log_key)
        except Failure as failure:
            problems.append(str(failure))
    raise Failure("; ".join(problems) or "no log key", "检查点没有日志密钥的有效签名")


def cosignatures(checkpoint: Checkpoint, witness_keys: list[str]) -> list[tuple[str, int]]:
    """(name, time) of the witnesses among those given whose cosignature/v1 verifies."""
    found = []
    for witness_key in witness_keys:
        name, public_key = parse_verifier_key(witness_key, COSIGNATURE_V1)
        wanted = (name, key_id(name, COSIGNATURE_V1, public_key))
        for signer, kid, signature in checkpoint.signatures:
            if (signer, kid) != wanted or len(signature) != 72:
                continue
            stamp = int.from_bytes(signature[:8], "big")
            message = f"cosignature/v1\ntime {stamp}\n{checkpoint.text}".encode()
            if not ed25519_verify(public_key, signature[8:], message):
                raise Failure(f"the cosignature of {name} does not verify", f"{name} 的联署无效")
            found.append((name, stamp))
    return found


def cosigners(checkpoint: Checkpoint, witness_keys: list[str]) -> list[str]:
    """The witnesses among those given whose cosignature verifies, with its time."""
    return [
        f"{name} ({datetime.fromtimestamp(stamp, UTC):%Y-%m-%d %H:%M} UTC)"
        for name, stamp in cosignatures(checkpoint, witness_keys)
    ]


def proof_hashes(document: dict) -> list[bytes]:
    hashes = document.get("hashes")
    if not isinstance(hashes, list):
        raise Failure("the proof has no list of hashes")
    return [b64(value, 32) for value in hashes]


def check_inclusion(log_url: str, checkpoint: Checkpoint, query: str) -> dict:
    """Fetch the inclusion proof named by the query at the checkpoint's size and verify it."""
    proof = fetch_json(f"{log_url}/proof/inclusion?{query}&size={checkpoint.size}")
    index, leaf = proof.get("index"), str(proof.get("leaf", "")).encode()
    if not isinstance(index, int) or proof.get("size") != checkpoint.size:
        raise Failure("the inclusion proof is not for this checkpoint")
    verify_inclusion(index, checkpoint.size, leaf_hash(leaf), proof_hashes(proof), checkpoint.root)
    return proof


def check_consistency(log_url: str, old: Checkpoint, new: Checkpoint, proof=None) -> dict:
    """Verify the consistency proof between two checkpoints, fetched unless given (a smaller
    new tree, or another root for the same size, fails without asking the log)."""
    if not 0 < old.size < new.size:
        proof = {"old": old.size, "new": new.size, "hashes": []}
    elif proof is None:
        proof = fetch_json(f"{log_url}/proof/consistency?old={old.size}&new={new.size}")
    if not isinstance(proof, dict) or (proof.get("old"), proof.get("new")) != (old.size, new.size):
        raise Failure("the consistency proof is not for these two checkpoints")
    verify_consistency(old.size, new.size, old.root, new.root, proof_hashes(proof))
    return proof


def state_file(state_dir: Path, origin: str) -> Path:
    """Where the last checkpoint of a log is kept (as manage.py witness keeps it)."""
    return state_dir / re.sub(r"[^A-Za-z0-9._-]", "_", origin) / "checkpoint"


def keep_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.with_suffix(".new").write_text(checkpoint.note, encoding="utf-8")
    path.with_suffix(".new").replace(path)


def keep_evidence(folder: Path, evidence: dict, reason: str) -> Path:
    target = folder / f"fork-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    target.mkdir(parents=True, exist_ok=True)
    for name, content in evidence.items():
        (target / name).write_text(content)
    (target / "report.txt").write_text(reason + "\n")
    return target


def check_growth(log_url: str, old: Checkpoint, new: Checkpoint, folder: Path) -> None:
    """Fork, with its evidence kept in the folder, unless `new` extends `old`."""
    evidence = {"previous.checkpoint": old.note, "new.checkpoint": new.note}
    raw = b"{}"
    if 0 < old.size < new.size:
        # Outside the check: a log that cannot be reached has not forked.
        raw = fetch(f"{log_url}/proof/consistency?old={old.size}&new={new.size}")
        evidence["consistency.json"] = raw.decode("utf-8", "replace")
    try:
        check_consistency(log_url, old, new, json.loads(raw))
    except (Failure, ValueError) as failure:
        reason = (
            f"分叉：{old.origin} 给出了两个不可能同时成立的历史！\n"
            f"FORK: {old.origin} showed two histories that cannot both be true: {failure}"
        )
        kept = keep_evidence(folder, evidence, reason)
        raise Fork(f"{reason}\n证据已保存在 / the evidence is kept in {kept}") from None


# ---------------------------------------------------------------------------------------------
# Witnessing: cosign a log's checkpoint once it grew consistently.


def load_witness_key(path: Path) -> tuple[str, bytes, bytes]:
    """(name, seed, public key) of a witness key `PRIVATE+KEY+<name>+<id>+<base64(0x04 ‖ seed)>`."""
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    except ImportError:
        raise Unreadable(NEEDS_CRYPTOGRAPHY) from None
    try:
        text = path.read_text().strip()
    except OSError as error:
        raise Unreadable(f"cannot read {path}: {error}") from None
    parts = text.removeprefix("PRIVATE+KEY+").split("+", 2)
    if not text.startswith("PRIVATE+KEY+") or len(parts) != 3:
        raise Unreadable(f"{path} holds no witness key")
    material = b64(parts[2], 33)
    seed = material[1:]
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    if material[0] != COSIGNATURE_V1 or key_id(parts[0], COSIGNATURE_V1, public).hex() != parts[1]:
        raise Unreadable(f"{path} holds no witness key of type 0x04 with a matching id")
    return parts[0], seed, public


def cosignature_line(text: str, name: str, seed: bytes, public: bytes, stamp: int) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    message = f"cosignature/v1\ntime {stamp}\n{text}".encode()
    signature = Ed25519PrivateKey.from_private_bytes(seed).sign(message)
    raw = key_id(name, COSIGNATURE_V1, public) + stamp.to_bytes(8, "big") + signature
    return f"— {name} {base64.b64encode(raw).decode()}\n"


def new_witness_key(path: Path, name: str) -> str:
    """Write a witness key readable by its owner only; return its verifier key to register."""
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    except ImportError:
        raise Unreadable(NEEDS_CRYPTOGRAPHY) from None
    if not name or re.search(r"[\s+]", name):
        raise Unreadable(f"{name!r} is not a key name: no spaces or +")
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes_raw()
    hex_id = key_id(name, COSIGNATURE_V1, public).hex()
    secret = base64.b64encode(bytes([COSIGNATURE_V1]) + private.private_bytes_raw()).decode()
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise Unreadable(f"{path} exists already; a key is never overwritten") from None
    with os.fdopen(descriptor, "w") as file:
        file.write(f"PRIVATE+KEY+{name}+{hex_id}+{secret}\n")
    return f"{name}+{hex_id}+{base64.b64encode(bytes([COSIGNATURE_V1]) + public).decode()}"


def witness(log_url: str, log_key: str, key: Path, state_dir: Path, submit: bool) -> int:
    """Check that the log grew consistently since the checkpoint kept, then cosign and keep."""
    name, seed, public = load_witness_key(key)
    log_url = log_url.rstrip("/")
    new = verify_checkpoint(fetch_text(f"{log_url}/checkpoint"), log_key)
    path = state_file(state_dir, new.origin)
    old = verify_checkpoint(path.read_text(), log_key) if path.exists() else None
    if old is None:
        say(
            f"首次见到 {new.origin}：{new.size} 个叶子。", f"First checkpoint seen of {new.origin}."
        )
    else:
        check_growth(log_url, old, new, path.parent)
        say(
            f"{new.origin} 从 {old.size} 个叶子一致地增长到 {new.size} 个。",
            f"{new.origin} grew consistently from {old.size} to {new.size} leaves.",
        )
    line = cosignature_line(new.text, name, seed, public, int(time.time()))
    keep_checkpoint(path, new)
    print(new.note + line, end="")
    if submit:
        print(post(f"{log_url}/cosign", f"{new.text}\n{line}".encode()), end="")
    return 0


# ---------------------------------------------------------------------------------------------
# Everything by default: one line per check, in Chinese and English, then a summary.


class Report:
    def __init__(self):
        self.passed = self.failed = 0
        self.trusted_key = False

    def ok(self, chinese: str, english: str) -> None:
        self.passed += 1
        say(f"核验通过：{chinese}", f"OK: {english}")

    def fail(self, chinese: str, english: str) -> None:
        self.failed += 1
        say(f"核验未通过：{chinese}", f"FAILED: {english}")

    def note(self, chinese: str, english: str) -> None:
        say(f"注意：{chinese}", f"NOTE: {english}")

    def attempt(self, chinese: str, step, *args):
        """Run one check; its Failure is reported (named in Chinese by the failure or by the
        check) and the checks that do not depend on it go on. None if it failed."""
        try:
            return step(*args)
        except Failure as failure:
            self.fail(failure.chinese or chinese, str(failure))
            return None

    def summary(self) -> int:
        checks = self.passed + self.failed
        if self.failed:
            say(
                f"结论：核验未通过，{checks} 项检查中有 {self.failed} 项未通过。",
                f"RESULT: FAILED, {self.failed} of {checks} checks did not pass.",
            )
            return 1
        say(
            f"结论：核验通过，{checks} 项检查全部通过。",
            f"RESULT: verified, all {checks} checks passed.",
        )
        if self.trusted_key:
            say(
                "但日志的密钥取自网站本身，见上面的“注意”。",
                "But the log's key was taken from the website: see the NOTE above.",
            )
        return 0


@dataclass
class Address:
    base: str  # https://host, with the path prefix the portal may be served under
    posting: str | None = None
    number: int | None = None
    village: str | None = None


ADDRESS_PATH = re.compile(
    r"(?P<prefix>.*?)/(?:p/(?P<posting>[0-9A-Za-z]{1,12})(?:/(?P<number>[1-9][0-9]{0,8}))?"
    r"(?:/verify|/proof\.json)?|v/(?P<village>[0-9]{12})(?:/chain\.json)?)/?"
)


def parse_address(text: str) -> Address:
    parts = urllib.parse.urlsplit(text)
    found = ADDRESS_PATH.fullmatch(parts.path)
    if found is None or not parts.netloc:
        raise Unreadable(
            f"{text} is the address of neither a posting (https://…/p/<code>/) "
            "nor a village (https://…/v/<village code>/)"
        )
    number = int(found["number"]) if found["number"] else None
    base = f"{parts.scheme}://{parts.netloc}{found['prefix']}"
    return Address(base, found["posting"], number, found["village"])


def county_of(village: str) -> str:
    """A village's county: its 12-digit code with the last six digits zero."""
    return village[:6] + "000000"


def fetch_first(url: str) -> dict:
    """What the check starts from: if the portal refuses it, nothing can be checked."""
    try:
        found = fetch_json(url)
    except Failure as failure:
        raise Unreadable(str(failure)) from None
    if not isinstance(found, dict):
        raise Unreadable(f"{url} did not answer with a JSON object")
    return found


def verify_address(report: Report, args) -> None:
    address = parse_address(args.source)
    if address.village:
        chain = fetch_first(f"{address.base}/v/{address.village}/chain.json")
        log_url = args.log or f"{address.base}/log/{county_of(address.village)}"
        check_chain(report, args, chain, log_url)
        if not args.no_files:
            check_downloads(report, address.base, chain["revisions"])
        return
    number = f"{address.number}/" if address.number else ""
    proof = fetch_first(f"{address.base}/p/{address.posting}/{number}proof.json")
    village = proof["document"]["village"]
    report.attempt("所问的这则公开", check_asked, address, proof["document"])
    check_proof(report, args, proof, args.log or f"{address.base}/log/{county_of(village)}")
    if not args.no_files:
        check_downloads(report, address.base, [entry_of(proof)])
    report.note(
        "这里只核验了这一则公开。要确认本村没有更新的修订被删去，请核验整个村：",
        "Only this posting was checked. To check that no newer revision of the village was "
        "dropped, check the whole village:",
    )
    print(f"  python verify_chain.py {address.base}/v/{village}/")


def check_asked(address: Address, document: dict) -> None:
    if document.get("posting") != address.posting.upper() or address.number not in (
        None,
        document.get("revision"),
    ):
        raise Failure(
            f"the portal answered with revision {document.get('revision')} of posting "
            f"{document.get('posting')}, not with the one asked for",
            "网站给出的不是所问的这则公开",
        )


def entry_of(proof: dict) -> dict:
    return {**proof["revision"], "document": proof["document"]}


def check_proof(report: Report, args, proof: dict, log_url: str | None) -> None:
    """A posting's revision: its content, its sign-off, and its receipt from the log."""
    entry = entry_of(proof)
    report.attempt("这条修订的内容", check_content, report, entry)
    check_reviewed(report, [entry])
    receipt = proof.get("log")
    if not receipt:
        report.fail("这条修订不在县透明日志中", f"{describe(entry)}: it is not in the log")
        return
    county = county_of(entry["document"]["village"])
    keys = report.attempt("县透明日志的密钥", log_keys, report, args.log_key, log_url, receipt)
    if keys is None:
        return
    newest = check_log(report, args, log_url, keys, county) if log_url else None
    if log_url is None:
        report.note(
            "没有给出日志地址（--log），未与日志最新的检查点比对。",
            "No log address (--log): not compared with the log's newest checkpoint.",
        )
    checkpoint = report.attempt(
        "这条修订在县透明日志中", check_receipt, report, entry, receipt, keys, county
    )
    if checkpoint is None:
        return
    if newest is not None:
        history = (check_in_history, report, log_url, checkpoint, newest, args.state)
        report.attempt("证明所用的检查点在日志的历史中", *history)
    check_witnesses(report, checkpoint, args.witness_key)


def check_content(report: Report, entry: dict) -> None:
    if digest(entry["prev_digest"], entry["document"]) != entry.get("digest"):
        raise Failure(
            f"{describe(entry)}: the content does NOT match the digest it was published with: "
            "it was changed after publication",
            f"{describe_zh(entry)}的内容与发布时的摘要值不符：发布后被改动过",
        )
    report.ok(
        f"{describe_zh(entry)}的内容与发布时的摘要值 {entry['digest']} 相符",
        f"{describe(entry)}: the content matches the digest it was published with, "
        f"{entry['digest']}",
    )


def check_reviewed(report: Report, entries: list[dict]) -> None:
    """Every document of format 2 holds the content its signer's review page showed."""
    checked = failed = 0
    for entry in entries:
        document = entry["document"]
        if document.get("format", 1) < 2:
            continue
        checked += 1
        try:
            signed_off = content_digest(document) == document.get("reviewed_content")
        except Failure:
            signed_off = False
        if not signed_off:
            failed += 1
            report.fail(
                f"{describe_zh(entry)}的内容不是监督委员会签核的内容",
                f"{describe(entry)}: the content is not what the supervision committee signed off",
            )
    if checked and not failed:
        report.ok(
            f"{checked} 条修订的内容都是监督委员会签核时看到的内容",
            f"what {checked} revision(s) hold is what the supervision committee signed off",
        )


def log_keys(report: Report, given: str | None, log_url: str | None, receipt=None) -> list[str]:
    """The log key given, or else the website's own keys, said to be trusted so."""
    if given:
        return [given]
    if log_url:
        keys, where = fetch_text(f"{log_url}/key").split(), ("本网站", "this website")
    else:
        keys, where = list((receipt or {}).get("keys") or []), ("这个文件", "this file")
    if not keys:
        raise Failure("the log's key is not given", "没有县透明日志的密钥")
    report.trusted_key = True
    report.note(
        f"没有给出 --log-key：县日志的密钥取自{where[0]}，没有独立核对。请将它与公告栏上印的"
        "县日志密钥比对（至少比对简短形式）；一致时，下次用 --log-key 给出它。",
        f"No --log-key given: the county log's key was taken from {where[1]} and was not "
        "checked independently. Compare it with the key printed on the notice board (at least "
        "its short form); if they agree, give it with --log-key next time.",
    )
    for key in keys:
        print(f"  {key}\n  简短形式 / short form: {short_form(key)}")
    return keys


def signed_checkpoint(note: str, keys: list[str], county: str) -> Checkpoint:
    checkpoint = verify_by_any(note, keys)
    if not checkpoint.origin.endswith(f"/log/{county}"):
        raise Failure(
            f"the checkpoint is of the log {checkpoint.origin}, not of the county {county}",
            "检查点不是本县日志的",
        )
    return checkpoint


def check_log(report: Report, args, log_url: str, keys: list[str], county: str):
    """The log's newest checkpoint, once signed and consistent with the one kept before."""
    note = report.attempt("县透明日志的检查点", fetch_text, f"{log_url}/checkpoint")
    newest = note and report.attempt("县透明日志的签名", signed_checkpoint, note, keys, county)
    if not newest:
        return None
    root = base64.b64encode(newest.root).decode()
    report.ok(
        f"{newest.origin} 的最新检查点有日志密钥的有效签名：{newest.size} 个叶子，根哈希 {root}",
        f"the newest checkpoint of {newest.origin} is signed by the log key: "
        f"{newest.size} leaves, root {root}",
    )
    report.attempt("与此前保存的检查点比对", compare_with_kept, report, log_url, newest, args.state)
    return newest


def compare_with_kept(report: Report, log_url: str, newest: Checkpoint, state: Path) -> None:
    """The log must extend the checkpoint kept from an earlier run; the newest is kept then."""
    path = state_file(state, newest.origin)
    try:
        kept = parse_checkpoint(path.read_text(encoding="utf-8")) if path.exists() else None
    except (OSError, UnicodeDecodeError, Failure) as error:
        raise Unreadable(f"the checkpoint kept in {path} cannot be read: {error}") from None
    if kept is None:
        report.note(
            f"这是本机第一次核验这个日志：其检查点（{newest.size} 个叶子）保存在 {path}，"
            "以后核验时会检查日志只增未改。",
            f"First check of this log from here: its checkpoint ({newest.size} leaves) is kept "
            f"in {path}; later checks will show whether the log only grew.",
        )
    else:
        check_growth(log_url, kept, newest, path.parent)
        report.ok(
            f"日志与本机此前保存的检查点一致：当时 {kept.size} 个叶子，现在 {newest.size} 个，"
            "只增未改",
            f"the log is consistent with the checkpoint kept here before: {kept.size} leaves "
            f"then, {newest.size} now, nothing changed",
        )
    try:
        keep_checkpoint(path, newest)
    except OSError as error:
        report.note(f"无法保存检查点：{error}", f"The checkpoint could not be kept: {error}")


def check_receipt(report, entry: dict, receipt: dict, keys: list, county: str) -> Checkpoint:
    """The revision's leaf is in the signed checkpoint its proof comes with."""
    checkpoint = signed_checkpoint(receipt["checkpoint"], keys, county)
    document = entry["document"]
    leaf = f"revision {document['village']} {document['seq']} {entry['digest']}\n"
    if receipt.get("leaf") != leaf:
        raise Failure(
            f"the log's leaf {receipt.get('leaf')!r} does not name this revision",
            "日志中的叶子不是这条修订",
        )
    if receipt.get("size") != checkpoint.size or not isinstance(receipt.get("index"), int):
        raise Failure("the inclusion proof is not for the checkpoint it comes with")
    index, hashes = receipt["index"], proof_hashes(receipt)
    verify_inclusion(index, checkpoint.size, leaf_hash(leaf.encode()), hashes, checkpoint.root)
    report.ok(
        f"这条修订在 {checkpoint.origin} 有签名的树中：{checkpoint.size} 个叶子中的第 "
        f"{index + 1} 个（包含证明 {len(hashes)} 个哈希）",
        f"the revision is in the signed tree of {checkpoint.origin}: leaf {index + 1} of "
        f"{checkpoint.size} (index {index}; inclusion proof of {len(hashes)} hashes)",
    )
    return checkpoint


def check_in_history(report, log_url: str, checkpoint: Checkpoint, newest: Checkpoint, state):
    """The checkpoint a proof comes with (the newest a witness cosigned) is one the log's newest
    checkpoint extends: otherwise the log showed two histories."""
    check_growth(log_url, checkpoint, newest, state_file(state, newest.origin).parent)
    if checkpoint.size < newest.size:
        report.ok(
            f"证明所用的检查点（{checkpoint.size} 个叶子）在日志最新检查点的历史中",
            f"the proof's checkpoint ({checkpoint.size} leaves) is in the history of the "
            f"newest one ({newest.size} leaves)",
        )


def check_witnesses(report: Report, checkpoint: Checkpoint, witness_keys: list[str]) -> None:
    found = report.attempt("见证方的联署", cosignatures, checkpoint, witness_keys) or []
    for name, stamp in found:
        when = f"{datetime.fromtimestamp(stamp, UTC):%Y-%m-%d %H:%M} UTC"
        report.ok(f"见证方 {name} 于 {when} 联署了这个检查点", f"cosigned by {name} at {when}")
    given = {key.split("+", 1)[0] for key in witness_keys}
    for name in sorted(given - {name for name, _ in found}):
        report.note(
            f"{name} 没有用所给的密钥联署这个检查点。",
            f"{name} has not cosigned this checkpoint with the key given.",
        )
    shown = {name for name, _kid, _sig in checkpoint.signatures if name != checkpoint.origin}
    for name in sorted(shown - given):
        report.note(
            f"网站显示 {name} 联署了这个检查点，但没有给出它的密钥（--witness-key），未核验。",
            f"The website shows a cosignature by {name}, but its key was not given "
            "(--witness-key): not checked.",
        )
    if not shown:
        report.note("还没有见证方联署这个检查点。", "No witness has cosigned this checkpoint yet.")


def check_chain(report: Report, args, chain: dict, log_url: str | None) -> None:
    """A village's chain by itself, then against its county's log when the log is known."""
    report.attempt("本村的链", check_chain_itself, report, chain, args.head)
    check_reviewed(report, chain["revisions"])
    if log_url is None:
        report.note(
            "没有给出日志地址（--log），未与县透明日志比对。",
            "No log address (--log https://…/log/<county code>): not checked against the log.",
        )
        return
    village = chain["village"]["code"]
    log_url = log_url.rstrip("/")
    keys = report.attempt("县透明日志的密钥", log_keys, report, args.log_key, log_url)
    newest = keys and check_log(report, args, log_url, keys, county_of(village))
    if not newest:
        return
    check_witnesses(report, newest, args.witness_key)
    cache = state_file(args.state, newest.origin).parent
    leaves = report.attempt("县透明日志的全部叶子", scanned_leaves, report, log_url, newest, cache)
    if leaves is not None:
        compare_with_log(report, village, chain["revisions"], leaves)


def check_chain_itself(report: Report, chain: dict, head: str | None) -> None:
    entries = verify(chain)
    village = chain["village"]
    report.ok(
        f"{village.get('name')}（{village.get('code')}）的链共 {len(entries)} 条修订，"
        f"链头 {chain['head']}",
        f"chain of {village.get('name')} ({village.get('code')}) verified: "
        f"{len(entries)} revisions, head {chain['head']}",
    )
    if head is None:
        return
    if head.lower() not in {entry["digest"] for entry in entries}:
        raise Failure(
            f"the head {head} seen earlier is not in this chain",
            "此前见到的链头不在这条链中：链被改写或截短了",
        )
    report.ok(f"此前见到的链头 {head} 在链中", f"the head {head} seen earlier is in the chain")


def scanned_leaves(report: Report, log_url: str, checkpoint: Checkpoint, cache: Path) -> list:
    """Every leaf of the signed tree, once together they give its root."""
    leaves, downloaded = log_leaves(log_url, checkpoint.size, cache)
    if tree_root([leaf_hash(leaf) for leaf in leaves]) != checkpoint.root:
        raise Failure(
            "the log's leaves do not give the root of its signed checkpoint",
            "日志的叶子算不出有签名的根哈希",
        )
    report.ok(
        f"日志全部 {len(leaves)} 个叶子（本次下载 {downloaded} 字节，其余取自此前保存的）"
        "算出的根哈希与签名的相符",
        f"all {len(leaves)} leaves of the log ({downloaded:,} bytes downloaded now, the rest "
        "kept from earlier runs) give the signed root",
    )
    return leaves


def compare_with_log(report: Report, village: str, revisions: list, leaves: list) -> None:
    """The chain and the log tell the same story: each revision is the village's leaf at its
    position, and the log holds no other revision of the village."""
    found = [LEAF.fullmatch(leaf) for leaf in leaves]
    ours = [(int(f[2]), f[3].decode()) for f in found if f and f[1].decode() == village]
    by_digest = {leaf_digest: seq for seq, leaf_digest in ours}
    failed, last = report.failed, max((entry.get("seq") or 0 for entry in revisions), default=0)
    for entry in revisions:
        seq = by_digest.pop(entry.get("digest"), None)
        if seq is None:
            report.fail(
                f"{describe_zh(entry)}不在县透明日志中",
                f"{describe(entry)}: it is not in the county's transparency log",
            )
        elif seq != entry.get("seq"):
            report.fail(
                f"{describe_zh(entry)}在日志中的位置是第 {seq} 条",
                f"{describe(entry)}: the log has it at position {seq}",
            )
    for leaf_digest, seq in by_digest.items():
        dropped = seq > last
        report.fail(
            f"县透明日志中有本村第 {seq} 条修订（摘要值 {leaf_digest}），链中却没有："
            + ("链中最新的修订被删去了" if dropped else "链被改写了"),
            f"the log holds the village's revision {seq} with the digest {leaf_digest}, which "
            + (
                "the chain lacks: its newest revisions were dropped"
                if dropped
                else "is not in the chain"
            ),
        )
    if [seq for seq, _ in ours] != sorted(seq for seq, _ in ours):
        report.fail("日志中本村修订的顺序不对", "the log has the village's revisions out of order")
    if report.failed == failed:
        report.ok(
            f"链中 {len(revisions)} 条修订都在县透明日志中，位置相符；日志中没有本村的其他修订",
            f"each of the {len(revisions)} revisions is in the log at its position, and the log "
            "holds no other revision of the village",
        )


def check_downloads(report: Report, base: str, entries: list[dict]) -> None:
    """Download every attachment and voucher and check its SHA-256 (and size, when stated)."""
    count = total = 0
    for entry, filename, path, sha256, size in files_of(entries):
        try:
            data = fetch(f"{base}/{path}")
        except Failure as failure:
            report.fail(
                f"{describe_zh(entry)}的文件“{filename}”无法下载",
                f"{describe(entry)}: “{filename}”: {failure}",
            )
            continue
        if hashlib.sha256(data).hexdigest() != sha256 or size not in (None, len(data)):
            report.fail(
                f"{describe_zh(entry)}的文件“{filename}”与公开时的哈希值不符：被改动过",
                f"{describe(entry)}: the file “{filename}” does not match its SHA-256 {sha256}",
            )
            continue
        count, total = count + 1, total + len(data)
    if count:
        report.ok(
            f"{count} 个附件和凭证文件（{total} 字节）与公开时的哈希值相符",
            f"{count} attachment and voucher files ({total:,} bytes) match their SHA-256",
        )


def verify_file(report: Report, args) -> None:
    try:
        found = json.loads(Path(args.source).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Unreadable(f"cannot read {args.source}: {error}") from None
    if isinstance(found, dict) and "revisions" in found:
        check_chain(report, args, found, args.log)
        if args.files:
            files = report.attempt("附件文件", check_files, found["revisions"], args.files)
            if files:
                report.ok(
                    f"附件文件：{files[0]} 个相符，{files[1]} 个不在 {args.files} 中",
                    f"attachment files: {files[0]} match, {files[1]} not found in {args.files}",
                )
    elif isinstance(found, dict) and {"revision", "document"} <= found.keys():
        check_proof(report, args, found, args.log.rstrip("/") if args.log else None)
    else:
        raise Unreadable(f"{args.source} is neither a chain.json nor a proof.json of the portal")


# ---------------------------------------------------------------------------------------------
# The command line.


def log_arguments(mode: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"verify_chain.py {mode}")
    if mode != "witness":
        parser.add_argument("log", help="the log's address (https://…/log/<county code>)")
    parser.add_argument("--log-key", metavar="KEY", help="the log's verifier key")
    if mode == "checkpoint":
        parser.add_argument("--witness-key", metavar="KEY", action="append", default=[])
    elif mode == "inclusion":
        parser.add_argument("--index", type=int)
        parser.add_argument("--digest", help="the revision digest the leaf names")
        parser.add_argument("--village", help="the village's code, to rebuild the leaf")
        parser.add_argument("--seq", type=int, help="the revision's position in its chain")
    elif mode == "consistency":
        parser.add_argument("--old", type=Path, required=True, help="a checkpoint saved earlier")
    else:
        parser.add_argument("--log", help="the log's address")
        parser.add_argument("--key", type=Path, help="this witness's private key")
        parser.add_argument("--state", type=Path, help="where the last checkpoint is kept")
        parser.add_argument("--submit", action="store_true")
        parser.add_argument("--new-key", type=Path, help="make a witness key in this file")
        parser.add_argument("--name", help="the new witness key's name")
    return parser


def read_checkpoint(source: str, log_key: str) -> Checkpoint:
    if source.startswith(("https://", "http://")):
        return verify_checkpoint(fetch_text(f"{source.rstrip('/')}/checkpoint"), log_key)
    try:
        return verify_checkpoint(Path(source).read_text(encoding="utf-8"), log_key)
    except (OSError, UnicodeDecodeError) as error:
        raise Unreadable(f"cannot read {source}: {error}") from None


def run_checkpoint(args) -> int:
    checkpoint = read_checkpoint(args.log, args.log_key)
    root = base64.b64encode(checkpoint.root).decode()
    say(
        f"核验通过：{checkpoint.origin} 的检查点有日志密钥的有效签名，"
        f"共 {checkpoint.size} 个叶子，根哈希 {root}",
        f"OK: the checkpoint of {checkpoint.origin} is signed by the log key: "
        f"{checkpoint.size} leaves, root {root}",
    )
    for name in cosigners(checkpoint, args.witness_key):
        say(f"见证方联署有效：{name}", f"cosigned by: {name}")
    return 0


def run_inclusion(args) -> int:
    if (args.index is None) == (args.digest is None):
        raise Unreadable("give either --index or --digest")
    log_url = args.log.rstrip("/")
    checkpoint = read_checkpoint(log_url, args.log_key)
    query = f"index={args.index}" if args.digest is None else f"digest={args.digest}"
    proof = check_inclusion(log_url, checkpoint, query)
    leaf = proof["leaf"]
    if args.digest and not leaf.endswith(f" {args.digest}\n"):
        raise Failure(f"the leaf {leaf!r} does not name the digest {args.digest}")
    if args.village and args.seq and leaf != f"revision {args.village} {args.seq} {args.digest}\n":
        raise Failure(f"the leaf {leaf!r} is not that of revision {args.seq} of {args.village}")
    say(
        f"核验通过：叶子 {proof['index']}（{leaf.strip()}）"
        f"在有签名的 {checkpoint.size} 个叶子的树中。",
        f"OK: leaf {proof['index']} ({leaf.strip()}) is in the signed tree of {checkpoint.size}.",
    )
    return 0


def run_consistency(args) -> int:
    log_url = args.log.rstrip("/")
    old = read_checkpoint(str(args.old), args.log_key)
    new = read_checkpoint(log_url, args.log_key)
    check_consistency(log_url, old, new)
    say(
        f"核验通过：{new.origin} 从 {old.size} 个叶子一致地增长到 {new.size} 个。",
        f"OK: {new.origin} grew consistently from {old.size} to {new.size} leaves.",
    )
    return 0


def run_witness(args) -> int:
    if args.new_key:
        verifier = new_witness_key(args.new_key, args.name or "")
        say(f"见证密钥已写入 {args.new_key}。请登记以下验证公钥：",
            f"Witness key written to {args.new_key}. Register this verifier key:")  # fmt: skip
        print(verifier)
        return 0
    if not (args.log and args.log_key and args.key and args.state):
        raise Unreadable("witness needs --log, --log-key, --key and --state")
    return witness(args.log, args.log_key, args.key, args.state, args.submit)


LOG_MODES = {
    "checkpoint": run_checkpoint,
    "inclusion": run_inclusion,
    "consistency": run_consistency,
    "witness": run_witness,
}


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verify_chain.py",
        description="Check a posting or a village of the village affairs disclosure portal.",
    )
    parser.add_argument(
        "source",
        help="a posting's address (https://…/p/<code>/), a village's (https://…/v/<village "
        "code>/), or a chain.json or proof.json saved from the portal",
    )
    parser.add_argument("--log-key", metavar="KEY", help="the county log's key, as printed")
    parser.add_argument(
        "--witness-key",
        metavar="KEY",
        action="append",
        default=[],
        help="a witness's verifier key, to check its cosignature",
    )
    parser.add_argument(
        "--state",
        type=Path,
        metavar="DIR",
        help="where each log's newest checkpoint is kept (~/.cunwu-verify/)",
    )
    parser.add_argument("--no-files", action="store_true", help="download no attachments")
    parser.add_argument("--head", metavar="DIGEST", help="a chain head seen earlier")
    parser.add_argument(
        "--files",
        type=Path,
        metavar="DIR",
        help="attachment files downloaded before (with a saved chain.json)",
    )
    parser.add_argument("--log", metavar="URL", help="the county log's address, for a saved file")
    return parser


def alarm(fork: Fork) -> int:
    print("!" * 72, file=sys.stderr)
    print(fork, file=sys.stderr)
    print("!" * 72, file=sys.stderr)
    return 3


def main_log(mode: str, argv: list[str]) -> int:
    args = log_arguments(mode).parse_args(argv)
    try:
        if mode != "witness" and not args.log_key:
            raise Unreadable("--log-key is required: the log's verifier key")
        return LOG_MODES[mode](args)
    except Failure as failure:
        say("核验未通过：", f"FAILED: {failure}")
        return 1
    except Fork as fork:
        return alarm(fork)
    except Unreadable as problem:
        say("无法核验：", f"cannot check: {problem}", file=sys.stderr)
        return 2


def main_check(argv: list[str]) -> int:
    args = arguments().parse_args(argv)
    if args.files and not args.files.is_dir():
        say("无法核验：", f"cannot check: {args.files} is not a directory", file=sys.stderr)
        return 2
    args.state = args.state or Path.home() / ".cunwu-verify"
    report = Report()
    try:
        if args.source.startswith(("https://", "http://")):
            verify_address(report, args)
        else:
            verify_file(report, args)
    except Failure as failure:
        report.fail(failure.chinese or "无法继续核验", str(failure))
    except Fork as fork:
        return alarm(fork)
    except Unreadable as problem:
        say("无法核验：", f"cannot check: {problem}", file=sys.stderr)
        return 2
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        say(
            "无法核验：",
            f"cannot check: {args.source} is not in the form the portal gives ({error!r})",
            file=sys.stderr,
        )
        return 2
    return report.summary()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in LOG_MODES:
        return main_log(argv[0], argv[1:])
    return main_check(argv)


if __name__ == "__main__":
    sys.exit(main())
