"""The tamper-evident chain of a village's published revisions.

docs/integrity.md describes the canonical form exactly; tools/verify_chain.py re-implements it
without Django. Change neither without the other.
"""

import hashlib
import json
from datetime import UTC, datetime

from django.utils.translation import gettext as _

GENESIS = "0" * 64
FORMAT = 1
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


def revision_document(revision) -> dict:
    """The canonical content of a published revision, built from what is stored in the database."""
    from .kinds import rows_of

    posting = revision.posting
    return document(
        village=revision.village.code,
        seq=revision.seq,
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
        signed_off_by=revision.signed_off_by_name,
        signed_off_at=revision.signed_off_at,
        opinion=revision.opinion,
        published_by=revision.published_by_name,
        published_at=revision.published_at,
    )


def document(
    *,
    village: str,
    seq: int,
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
    signed_off_by: str,
    signed_off_at: datetime | None,
    opinion: str,
    published_by: str,
    published_at: datetime,
) -> dict:
    """The canonical document of a revision from its values: the one place that writes it.

    revision_document() reads the values from the database; the benchmark's generator
    (prefecture/) gives them before it writes the rows.
    """
    return {
        "format": FORMAT,
        "village": village,
        "seq": seq,
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
        "signed_off_by": signed_off_by or None,
        "signed_off_at": timestamp(signed_off_at),
        "opinion": opinion,
        "published_by": published_by,
        "published_at": timestamp(published_at),
    }


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


def first_mismatch(village, *, files: bool = False):
    """Re-compute the chain; return (revision, explanation) for the first break, or None.

    With `files`, the stored file of every attachment must also still have its recorded hash.
    """
    previous = GENESIS
    for expected_seq, revision in enumerate(chain_revisions(village), start=1):
        problem = _link_problem(revision, expected_seq, previous)
        if problem is None and files:
            problem = _file_problem(revision)
        if problem is not None:
            return revision, problem
        previous = revision.digest
    return None


def _link_problem(revision, expected_seq: int, previous: str) -> str | None:
    if revision.seq != expected_seq:
        return _("expected position %(expected)d, found %(found)d") % {
            "expected": expected_seq,
            "found": revision.seq,
        }
    if revision.prev_digest != previous:
        return _("its link to the previous revision does not match")
    if revision_digest(revision) != revision.digest:
        return _("its content does not match its digest")
    return None


def _file_problem(revision) -> str | None:
    from .attachments import blob_matches, blob_path

    for attachment in revision.attachments.select_related("blob").order_by("position"):
        names = {"name": attachment.filename}
        if not blob_path(attachment.blob).exists():
            return _("the stored file of attachment “%(name)s” is missing") % names
        if not blob_matches(attachment.blob):
            return _("the stored file of attachment “%(name)s” does not match its hash") % names
    return None


def first_unchained_publication(village):
    """The first publication the audit log records whose digest is no longer in the chain.

    The chain alone cannot show that its newest revisions were removed; the append-only audit
    log remembers every digest that was published.
    """
    from .models import AuditEntry

    chained = set(chain_revisions(village).values_list("digest", flat=True))
    publications = AuditEntry.objects.filter(village=village, action__in=CHAINING_ACTIONS)
    for entry in publications.order_by("at", "pk"):
        if entry.detail.get("digest") not in chained:
            return entry
    return None


def verify_village(village) -> str | None:
    """What `manage.py verify_chain` reports: the village's first problem, or None.

    Digests and links, the stored files, and the audit log's record of every publication.
    """
    names = {"village": village.name, "code": village.code}
    found = first_mismatch(village, files=True)
    if found is not None:
        revision, problem = found
        return _(
            "%(village)s (%(code)s): posting %(posting)s, revision %(number)d, "
            "position %(seq)d in the chain: %(problem)s."
        ) % {
            **names,
            "posting": revision.posting.code,
            "number": revision.number,
            "seq": revision.seq,
            "problem": problem,
        }
    missing = first_unchained_publication(village)
    if missing is not None:
        return _(
            "%(village)s (%(code)s): the audit log records the publication of %(target)s "
            "on %(at)s with the digest %(digest)s, which is no longer in the chain."
        ) % {
            **names,
            "target": missing.target,
            "at": timestamp(missing.at),
            "digest": missing.detail.get("digest"),
        }
    return None
