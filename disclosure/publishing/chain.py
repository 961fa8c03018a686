"""The tamper-evident chain of a village's published revisions.

docs/integrity.md describes the canonical form exactly; tools/verify_chain.py re-implements it
without Django. Change neither without the other.
"""

import hashlib
import json
from datetime import UTC, datetime

from django.utils.translation import gettext as _

GENESIS = "0" * 64
# Format 1 documents (published before the sign-off recorded what it saw) lack `subject` and
# `reviewed_content`; each revision keeps the format it was published in.
FORMAT = 2
# Audit log actions that put a revision into the chain; their entries record its digest.
CHAINING_ACTIONS = ("revision.publish", "posting.withdraw")
# Integers beyond ±(2**53 - 1) lose precision in JavaScript and other IEEE-double JSON parsers,
# which would then write different bytes.
MAX_INTEGER = 2**53 - 1


def canonical_bytes(document: dict) -> bytes:
    """UTF-8 JSON with sorted keys and no insignificant whitespace.

    Only strings, integers (within ±MAX_INTEGER), booleans, null, lists and objects may appear:
    no floats, so that every implementation writes the same bytes.
    """
    _check_types(document)
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def _check_types(document) -> None:
    # A loop rather than recursion: the generated prefecture digests millions of rows.
    pending = [document]
    while pending:
        value = pending.pop()
        if type(value) is str or value is None or type(value) is bool:
            continue
        if isinstance(value, dict):
            for key in value:
                if not isinstance(key, str):
                    raise TypeError(f"canonical keys must be strings, not {key!r}")
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            if abs(value) > MAX_INTEGER:
                raise TypeError(f"canonical integers must lie within ±{MAX_INTEGER}, not {value}")
        elif not isinstance(value, str | bool):
            raise TypeError(f"canonical values cannot be {type(value).__name__}")


def digest(prev_digest: str, document: dict) -> str:
    return hashlib.sha256(prev_digest.encode("ascii") + canonical_bytes(document)).hexdigest()


def timestamp(value: datetime | None) -> str | None:
    """UTC, to the second, with a Z: 2026-03-05T08:30:00Z."""
    if value is None:
        return None
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_document(revision) -> dict:
    """What the clerk prepared and the supervision committee saw: the document without its
    sign-off and publication. Its digest is what a sign-off records (`reviewed_content`)."""
    from .kinds import rows_of, subject_of

    posting = revision.posting
    return content_of(
        format=revision.format,
        village=revision.village.code,
        posting=posting.code,
        kind=posting.kind,
        number=revision.number,
        action=revision.action,
        reason=revision.reason,
        title=revision.title,
        body=revision.body,
        rows=rows_of(revision),
        attachments=[
            {
                "filename": attachment.filename,
                "sha256": attachment.blob.sha256,
                "size": attachment.blob.size,
                "content_type": attachment.blob.content_type,
            }
            for attachment in revision.attachments.select_related("blob").order_by("position")
        ],
        author=revision.author_name,
        subject=subject_of(revision) if revision.format >= 2 else None,
    )


def content_of(
    *,
    format: int,
    village: str,
    posting: str,
    kind: str,
    number: int,
    action: str,
    reason: str,
    title: str,
    body: str,
    rows: list[dict],
    attachments: list[dict],
    author: str,
    subject: dict | None = None,
) -> dict:
    """The content document from its values: the one place that writes it. content_document()
    gives it what the database holds; the benchmark's generator (prefecture/) what it writes."""
    document = {
        "format": format,
        "village": village,
        "posting": posting,
        "kind": kind,
        "revision": number,
        "action": action,
        "reason": reason,
        "title": title,
        "body": body,
        "rows": rows,
        "attachments": attachments,
        "author": author,
    }
    if format >= 2:
        document["subject"] = subject
    return document


def content_digest(revision) -> str:
    """SHA-256 of the canonical bytes of the revision's content document."""
    return digest_of_content(content_document(revision))


SIGN_OFF_AND_PUBLICATION = (
    "seq",
    "signed_off_by",
    "signed_off_at",
    "opinion",
    "reviewed_content",
    "published_by",
    "published_at",
)


def digest_of_content(document: dict) -> str:
    """The content digest of a document: of its members other than sign-off and publication."""
    content = {k: v for k, v in document.items() if k not in SIGN_OFF_AND_PUBLICATION}
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def revision_document(revision) -> dict:
    """The canonical content of a published revision, built from what is stored in the database."""
    return published_document(
        content_document(revision),
        seq=revision.seq,
        signed_off_by=revision.signed_off_by_name,
        signed_off_at=revision.signed_off_at,
        opinion=revision.opinion,
        published_by=revision.published_by_name,
        published_at=revision.published_at,
        reviewed_content=revision.reviewed_digest,
    )


def published_document(
    content: dict,
    *,
    seq: int,
    signed_off_by: str,
    signed_off_at: datetime | None,
    opinion: str,
    published_by: str,
    published_at: datetime,
    reviewed_content: str = "",
) -> dict:
    """The content document with its sign-off and publication: what the chain digests."""
    document = dict(content)
    document.update(
        {
            "seq": seq,
            "signed_off_by": signed_off_by or None,
            "signed_off_at": timestamp(signed_off_at),
            "opinion": opinion,
            "published_by": published_by,
            "published_at": timestamp(published_at),
        }
    )
    if content["format"] >= 2:
        document["reviewed_content"] = reviewed_content
    return document


def revision_digest(revision) -> str:
    return digest(revision.prev_digest, revision_document(revision))


def chain_revisions(village):
    from .models import Revision

    return (
        Revision.objects.published()
        .filter(village=village)
        .select_related("posting", "village")
        .order_by("seq")
    )


def last_link(village) -> tuple[int, str]:
    """Position and digest of the newest published revision of the village (0, GENESIS if none)."""
    from .models import Revision

    last = (
        Revision.objects.published()
        .filter(village=village)
        .order_by("-seq")
        .values_list("seq", "digest")
        .first()
    )
    return last or (0, GENESIS)


def head(village) -> str:
    return last_link(village)[1]


def export(village) -> dict:
    """The village's chain as a JSON-ready document that tools/verify_chain.py checks offline."""
    entries = []
    for revision in chain_revisions(village):
        entries.append(
            {
                "seq": revision.seq,
                "prev_digest": revision.prev_digest,
                "digest": revision.digest,
                "document": revision_document(revision),
            }
        )
    return {
        "village": {"code": village.code, "name": village.name},
        "genesis": GENESIS,
        "head": entries[-1]["digest"] if entries else GENESIS,
        "revisions": entries,
    }


def first_mismatch(village):
    """Re-compute the chain; return (revision, explanation) for the first break, or None."""
    previous = GENESIS
    for expected_seq, revision in enumerate(chain_revisions(village), start=1):
        problem = link_problem(revision, expected_seq, previous)
        if problem is not None:
            return revision, problem
        previous = revision.digest
    return None


def link_problem(revision, expected_seq: int, previous: str) -> str | None:
    """Why the revision is not the link expected at this position of the chain, if it is not."""
    if revision.seq != expected_seq:
        return _("expected position %(expected)d, found %(found)s") % {
            "expected": expected_seq,
            "found": revision.seq,
        }
    if revision.prev_digest != previous:
        return _("its link to the previous revision does not match")
    if revision_digest(revision) != revision.digest:
        return _("its content does not match its digest")
    return None
