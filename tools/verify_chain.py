#!/usr/bin/env python3
"""Check what the village affairs disclosure portal published, without the portal.

    python verify_chain.py chain.json [--files DIR] [--head DIGEST]
    python verify_chain.py checkpoint LOG --log-key KEY [--witness-key KEY ...]
    python verify_chain.py inclusion LOG --log-key KEY (--index I | --digest HEX)
                                     [--village CODE --seq N]
    python verify_chain.py consistency LOG --log-key KEY --old FILE
    python verify_chain.py witness --log URL --log-key KEY --key FILE --state DIR [--submit]
    python verify_chain.py witness --new-key FILE --name NAME

A chain: re-computes every digest as docs/integrity.md describes and checks positions, links
and the head. With --files, attachment files found in DIR (named anything) are checked against
the hashes the chain records. With --head, a head seen earlier (printed on the paper notice, or
in an earlier download) must be one of the chain's digests. This needs only Python 3.11 and its
standard library.

A county's transparency log (docs/transparency.md), LOG being its address such as
https://host/log/990101000000 (or, for `checkpoint`, a saved checkpoint file): `checkpoint`
checks the log's signature on its checkpoint and names the witnesses whose cosignatures verify;
`inclusion` that a leaf is in the signed tree; `consistency` that the tree only grew since a
checkpoint saved earlier; `witness` does what `manage.py witness` does: checks the log grew
consistently since the checkpoint kept in DIR, cosigns it, and keeps the evidence of a fork.
Ed25519 needs the `cryptography` package (pip install cryptography), and nothing else.

Exit status: 0 verified, 1 something fails, 2 the input cannot be read, 3 a witness found a fork.
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
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

GENESIS = "0" * 64
MAX_INTEGER = 2**53 - 1
ED25519 = 0x01
COSIGNATURE_V1 = 0x04
TIMEOUT = 30
NEEDS_CRYPTOGRAPHY = "Ed25519 needs the cryptography package: pip install cryptography"


class Failure(Exception):
    pass


class Unreadable(Exception):
    """The input cannot be read or the check cannot be made (exit status 2)."""


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


def describe(entry: dict) -> str:
    document = entry.get("document") or {}
    return (
        f"revision at position {entry.get('seq')} "
        f"(posting {document.get('posting')}, revision {document.get('revision')}, "
        f"“{document.get('title')}”)"
    )


def check_entry(entry: dict, position: int, previous: str, village: str) -> None:
    document = entry.get("document")
    if not isinstance(document, dict):
        raise Failure("it has no document")
    if entry.get("seq") != position or document.get("seq") != position:
        raise Failure(f"expected position {position}, found {entry.get('seq')}")
    if document.get("village") != village:
        raise Failure(f"it belongs to village {document.get('village')}, not {village}")
    if entry.get("prev_digest") != previous:
        raise Failure("its link to the previous revision does not match")
    if digest(previous, document) != entry.get("digest"):
        raise Failure("its content does not match its digest")


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
            raise Failure(f"{describe(entry)}: {failure}") from None
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
                        f"“{attachment['filename']}” (sha256 {attachment['sha256']})"
                    )
        if attachment["sha256"] in present:
            matching += 1
        else:
            absent += 1
    return matching, absent


# ---------------------------------------------------------------------------------------------
# The county transparency log: RFC 6962 proofs, C2SP signed notes and cosignatures.


def say(chinese: str, english: str, file=None) -> None:
    print(f"{chinese}\n{english}", file=file or sys.stdout)


def fetch(url: str) -> bytes:
    """The body at an http(s) address. An answer other than 200 fails (the log refuses to
    show what was asked); an address that cannot be reached cannot be checked."""
    if not url.startswith(("https://", "http://")):
        raise Unreadable(f"{url} is not an http(s) address")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 (checked)
            return response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip()
        raise Failure(f"{url} answered {error.code}: {detail}") from None
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


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


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
        raise Failure(f"{text!r} is not a verifier key <name>+<id>+<key>")
    material = b64(parts[2], 33)
    if material[0] != key_type or key_id(parts[0], key_type, material[1:]).hex() != parts[1]:
        raise Failure(f"{text!r} is not a verifier key of type 0x{key_type:02x} with a matching id")
    return parts[0], material[1:]


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


def verify_checkpoint(note: str, log_key: str) -> Checkpoint:
    """The checkpoint, once the log's signature on it verifies (C2SP signed-note's rules)."""
    name, public_key = parse_verifier_key(log_key, ED25519)
    text, signatures = parse_note(note)
    lines = text.split("\n")
    if len(lines) < 4 or not lines[1].isdigit() or lines[1] != str(int(lines[1])):
        raise Failure("the checkpoint has no origin, tree size and root hash")
    ours = [sig for n, kid, sig in signatures if (n, kid) == (name, key_id(name, 1, public_key))]
    if not ours or not all(ed25519_verify(public_key, sig, text.encode()) for sig in ours):
        raise Failure(f"the checkpoint is not signed by the log key {name}")
    if lines[0] != name:
        raise Failure(f"the checkpoint is of {lines[0]}, not of {name}")
    return Checkpoint(lines[0], int(lines[1]), b64(lines[2], 32), text, signatures, note)


def cosigners(checkpoint: Checkpoint, witness_keys: list[str]) -> list[str]:
    """The witnesses among those given whose cosignature/v1 on the checkpoint verifies."""
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
                raise Failure(f"the cosignature of {name} does not verify")
            found.append(f"{name} ({datetime.fromtimestamp(stamp, UTC):%Y-%m-%d %H:%M} UTC)")
    return found


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


class Fork(Exception):
    """The log contradicts the history this witness saw before (exit status 3)."""


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


def state_file(state_dir: Path, origin: str) -> Path:
    """Where a witness keeps the last checkpoint of a log (as manage.py witness does)."""
    return state_dir / re.sub(r"[^A-Za-z0-9._-]", "_", origin) / "checkpoint"


def keep_evidence(folder: Path, evidence: dict, reason: str) -> Path:
    target = folder / f"fork-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    target.mkdir(parents=True, exist_ok=True)
    for name, content in evidence.items():
        (target / name).write_text(content)
    (target / "report.txt").write_text(reason + "\n")
    return target


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
    path.parent.mkdir(parents=True, exist_ok=True)
    path.with_suffix(".new").write_text(new.note)
    path.with_suffix(".new").replace(path)
    print(new.note + line, end="")
    if submit:
        print(post(f"{log_url}/cosign", f"{new.text}\n{line}".encode()), end="")
    return 0


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
        reason = f"分叉：该日志与本见证方此前所见的历史相矛盾！\nFORK: {failure}"
        kept = keep_evidence(folder, evidence, reason)
        raise Fork(f"{reason}\n证据已保存在 / the evidence is kept in {kept}") from None


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
        print("!" * 72, file=sys.stderr)
        print(fork, file=sys.stderr)
        print("!" * 72, file=sys.stderr)
        return 3
    except Unreadable as problem:
        say("无法核验：", f"cannot check: {problem}", file=sys.stderr)
        return 2


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in LOG_MODES:
        return main_log(argv[0], argv[1:])
    return main_chain(argv)


def main_chain(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Verify a village's exported chain.")
    parser.add_argument("chain", type=Path, help="the chain.json downloaded from the portal")
    parser.add_argument("--files", type=Path, metavar="DIR", help="attachment files to check")
    parser.add_argument("--head", metavar="DIGEST", help="a chain head seen earlier")
    args = parser.parse_args(argv)
    try:
        chain = json.loads(args.chain.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"cannot read {args.chain}: {error}", file=sys.stderr)
        return 2
    if args.files and not args.files.is_dir():
        print(f"{args.files} is not a directory", file=sys.stderr)
        return 2
    try:
        entries = verify(chain)
        if args.head and args.head.lower() not in {entry["digest"] for entry in entries}:
            raise Failure(f"the head {args.head} seen earlier is not in this chain")
        files = check_files(entries, args.files) if args.files else None
    except Failure as failure:
        say("核验未通过：", f"FAILED: {failure}")
        return 1
    except (AttributeError, KeyError, TypeError) as error:
        print(f"{args.chain} is not a chain export: {error!r}", file=sys.stderr)
        return 2
    village = chain["village"]
    say(
        f"核验通过：{village.get('name')}（{village.get('code')}）的链共 {len(entries)} 条修订，"
        f"链头 {chain['head']}",
        f"OK: chain of {village.get('name')} ({village.get('code')}) verified: "
        f"{len(entries)} revisions, head {chain['head']}",
    )
    if files is not None:
        print(f"attachment files: {files[0]} match, {files[1]} not found in {args.files}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
