"""What the 核验 (check) page of a revision shows and its proof.json carries: the revision's
canonical document and place in its village's chain, and its receipt from the county's
transparency log (docs/integrity.md, docs/transparency.md)."""

from dataclasses import dataclass

from disclosure.publishing import chain
from disclosure.transparency import proofs
from disclosure.transparency import services as log


@dataclass(frozen=True)
class Check:
    revision: object
    document: dict
    receipt: log.Receipt | None

    @property
    def matches_digest(self) -> bool:
        revision = self.revision
        return chain.digest(revision.prev_digest, self.document) == revision.digest

    @property
    def short_root(self) -> str:
        return self.receipt.root.hex()[:16] if self.receipt else ""

    def as_json(self) -> dict:
        revision = self.revision
        return {
            "revision": {
                "posting": revision.posting.code,
                "number": revision.number,
                "seq": revision.seq,
                "prev_digest": revision.prev_digest,
                "digest": revision.digest,
            },
            "document": self.document,
            "log": None if self.receipt is None else _receipt_json(self.receipt),
        }


def check_of(revision) -> Check:
    return Check(revision, chain.revision_document(revision), receipt_of(revision))


def receipt_of(revision) -> log.Receipt | None:
    """The revision's proof in the newest checkpoint witnesses have cosigned, if it is in it;
    otherwise in the log's newest checkpoint."""
    entry = log.entry_for(village=revision.village, digest=revision.digest)
    if entry is None:
        return None
    cosigned = log.newest_cosigned_checkpoint(entry.log)
    checkpoint = cosigned if cosigned is not None and entry.index < cosigned.size else None
    return log.receipt(entry=entry, checkpoint=checkpoint)


def _receipt_json(receipt: log.Receipt) -> dict:
    return {
        "origin": receipt.origin,
        "index": receipt.index,
        "size": receipt.size,
        "leaf": receipt.leaf.decode("ascii"),
        "hashes": proofs.encode(receipt.proof),
        "checkpoint": receipt.checkpoint,
        "keys": receipt.verifier_keys,
        "cosigners": [
            {"name": witness.name, "operator": witness.operator, "key": witness.verifier_key}
            for witness in receipt.cosigners
        ],
    }
