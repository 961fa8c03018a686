#!/usr/bin/env python3
"""Check a village's exported chain (chain.json) without the portal: standard library only.

    python verify_chain.py chain.json [--files DIR] [--head DIGEST]

Re-computes every digest as docs/integrity.md describes and checks positions, links and the
head. With --files, attachment files found in DIR (named anything) are checked against the
hashes the chain records. With --head, a head seen earlier (printed on the paper notice, or in
an earlier download) must be one of the chain's digests. Exit status: 0 verified, 1 a revision
fails, 2 the file cannot be read.
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

GENESIS = "0" * 64
MAX_INTEGER = 2**53 - 1


class Failure(Exception):
    pass


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


def main(argv=None) -> int:
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
        print(f"FAILED: {failure}")
        return 1
    except (AttributeError, KeyError, TypeError) as error:
        print(f"{args.chain} is not a chain export: {error!r}", file=sys.stderr)
        return 2
    village = chain["village"]
    print(
        f"OK: chain of {village.get('name')} ({village.get('code')}) verified: "
        f"{len(entries)} revisions, head {chain['head']}"
    )
    if files is not None:
        print(f"attachment files: {files[0]} match, {files[1]} not found in {args.files}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
