"""Postings and revisions as the publication lifecycle leaves them, built without running it.

Each domain generator describes what a village published (title, text, canonical rows, times);
`write_chain` then orders the village's revisions by publication time, links them into the
village's chain with publishing/chain.py's own canonical document and digest, indexes them with
publishing/search.py's own terms, and writes the postings, revisions, review steps and audit
entries the lifecycle would have recorded. `manage.py verify_chain` checks the result.
"""

import datetime
import json
import random
from dataclasses import dataclass, field

from disclosure.publishing import chain, search
from disclosure.publishing.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    AuditEntry,
    Posting,
    PostingStatus,
    ReviewEvent,
    Revision,
    RevisionAction,
    RevisionState,
)

from . import words
from .copying import Sink

# Public records (payments, listed questions, progress updates) are written as a restore of data
# made before records were logged would hold them: without a digest or a leaf, which
# `manage.py append_to_log` then gives them.
UNLOGGED = ""

CODE_SPACE = len(CODE_ALPHABET) ** CODE_LENGTH
# Coprime with the size of the code space (31**6), so consecutive postings get scattered codes.
CODE_STEP = 387_420_489


@dataclass
class Person:
    id: int
    username: str
    name: str


@dataclass
class Village:
    """One generated village while its data is being made."""

    id: int
    code: str
    name: str
    town: str
    clerk: Person
    supervisor: Person
    rng: random.Random
    weight: float
    postings: list["Post"] = field(default_factory=list)


@dataclass
class Post:
    id: int
    code: str
    kind: str
    created_at: datetime.datetime
    revisions: list["Rev"] = field(default_factory=list)


@dataclass
class Rev:
    id: int
    post: Post
    number: int
    action: str
    title: str
    body: str
    reason: str
    rows: list[dict]
    published_at: datetime.datetime
    opinion: str
    seq: int = 0
    prev_digest: str = ""
    digest: str = ""


class Codes:
    """Permalink codes: a seeded walk through the whole code space that never repeats."""

    def __init__(self, seed: int):
        self.offset = random.Random(f"codes:{seed}").randrange(CODE_SPACE)  # noqa: S311
        self.count = 0

    def next(self) -> str:
        value = (self.offset + self.count * CODE_STEP) % CODE_SPACE
        self.count += 1
        letters = []
        for _ in range(CODE_LENGTH):
            value, digit = divmod(value, len(CODE_ALPHABET))
            letters.append(CODE_ALPHABET[digit])
        return "".join(letters)


def publish(
    sink: Sink,
    codes: Codes,
    village: Village,
    *,
    kind: str,
    title: str,
    published_at: datetime.datetime,
    body: str = "",
    rows: list[dict] | None = None,
) -> Rev:
    """A new posting whose first revision was published at `published_at`."""
    created_at = published_at - datetime.timedelta(days=3)
    post = Post(sink.new_id(Posting), codes.next(), kind, created_at)
    village.postings.append(post)
    return _revision(
        sink, village, post, RevisionAction.ORIGINAL, title, body, "", rows or [], published_at
    )


def correct(sink, village, post: Post, *, reason: str, body: str, rows, published_at) -> Rev:
    title = post.revisions[-1].title
    return _revision(
        sink, village, post, RevisionAction.CORRECTION, title, body, reason, rows, published_at
    )


def withdraw(sink, village, post: Post, *, reason: str, published_at) -> Rev:
    title = post.revisions[-1].title
    return _revision(
        sink, village, post, RevisionAction.WITHDRAWAL, title, "", reason, [], published_at
    )


def _revision(sink, village, post, action, title, body, reason, rows, published_at) -> Rev:
    rev = Rev(
        id=sink.new_id(Revision),
        post=post,
        number=len(post.revisions) + 1,
        action=action,
        title=title,
        body=body,
        reason=reason,
        rows=rows,
        published_at=published_at,
        opinion="" if action == RevisionAction.WITHDRAWAL else village.rng.choice(words.OPINIONS),
    )
    post.revisions.append(rev)
    return rev


def write_chain(sink: Sink, village: Village) -> None:
    """Link the village's revisions in publication order and write everything they imply."""
    revisions = sorted(
        (rev for post in village.postings for rev in post.revisions),
        key=lambda rev: (rev.published_at, rev.post.id, rev.number),
    )
    previous = chain.GENESIS
    for seq, rev in enumerate(revisions, start=1):
        rev.seq, rev.prev_digest = seq, previous
        rev.digest = previous = chain.digest(previous, _document(village, rev))
        _write_revision(sink, village, rev)
    for post in village.postings:
        _write_posting(sink, village, post)
    village.postings = []


def _signed_off_at(rev: Rev) -> datetime.datetime | None:
    if rev.action == RevisionAction.WITHDRAWAL:
        return None
    return rev.published_at - datetime.timedelta(hours=20)


def _document(village: Village, rev: Rev) -> dict:
    """The canonical document of the rows written here, by chain.py's own definition.
    Generated revisions are written in format 1: no subject, no reviewed content."""
    signed = rev.action != RevisionAction.WITHDRAWAL
    content = chain.content_of(
        format=1,
        village=village.code,
        posting=rev.post.code,
        kind=rev.post.kind,
        number=rev.number,
        action=rev.action,
        reason=rev.reason,
        title=rev.title,
        body=rev.body,
        rows=rev.rows,
        attachments=[],
        author=village.clerk.name,
    )
    return chain.published_document(
        content,
        seq=rev.seq,
        signed_off_by=village.supervisor.name if signed else "",
        signed_off_at=_signed_off_at(rev),
        opinion=rev.opinion,
        published_by=village.clerk.name,
        published_at=rev.published_at,
    )


def search_terms(title: str, body: str, rows: list[dict]) -> str:
    """The tsvector publishing.services.search_vector_of stores, as PostgreSQL's text input."""
    values = [value for row in rows for value in row.values() if isinstance(value, str)]
    terms = search.revision_terms(title, body, values)
    # Terms hold only letters, digits and CJK characters: nothing to escape.
    return " ".join(f"'{term}'" for term in terms)


def _write_revision(sink: Sink, village: Village, rev: Rev) -> None:
    clerk, supervisor = village.clerk, village.supervisor
    signed_off_at = _signed_off_at(rev)
    submitted_at = rev.published_at - datetime.timedelta(days=2)
    sink.add(
        Revision,
        (
            rev.id,
            rev.post.id,
            village.id,
            rev.number,
            rev.action,
            RevisionState.PUBLISHED,
            rev.title,
            rev.body,
            rev.reason,
            clerk.id,
            clerk.name,
            submitted_at - datetime.timedelta(days=1),
            submitted_at if signed_off_at else None,
            supervisor.id if signed_off_at else None,
            supervisor.name if signed_off_at else "",
            signed_off_at,
            rev.opinion,
            clerk.id,
            clerk.name,
            rev.published_at,
            rev.seq,
            rev.prev_digest,
            rev.digest,
            search_terms(rev.title, rev.body, rev.rows),
            1,
            "",
        ),
    )
    steps = [(ReviewEvent.Step.PUBLISHED, clerk, rev.published_at)]
    if signed_off_at:
        steps[:0] = [
            (ReviewEvent.Step.SUBMITTED, clerk, submitted_at),
            (ReviewEvent.Step.SIGNED_OFF, supervisor, signed_off_at),
        ]
    for step, by, at in steps:
        note = rev.opinion if step == ReviewEvent.Step.SIGNED_OFF else ""
        sink.add(ReviewEvent, (sink.new_id(ReviewEvent), rev.id, village.id, step, by.id, at, note))
    _write_audit(sink, village, rev)


def _write_audit(sink: Sink, village: Village, rev: Rev) -> None:
    if rev.action == RevisionAction.WITHDRAWAL:
        action, target = "posting.withdraw", rev.post.code
        detail = {"reason": rev.reason, "digest": rev.digest}
    else:
        action, target = "revision.publish", f"{rev.title} ({rev.number})"[:200]
        detail = {"digest": rev.digest}
    sink.add(
        AuditEntry,
        (
            sink.new_id(AuditEntry),
            rev.published_at,
            village.clerk.id,
            village.clerk.username,
            action,
            village.id,
            target,
            "",
            json.dumps(detail, ensure_ascii=False),
        ),
    )


def _write_posting(sink: Sink, village: Village, post: Post) -> None:
    current = post.revisions[-1]
    withdrawn = current.action == RevisionAction.WITHDRAWAL
    sink.add(
        Posting,
        (
            post.id,
            village.id,
            post.kind,
            post.code,
            PostingStatus.WITHDRAWN if withdrawn else PostingStatus.PUBLISHED,
            current.id,
            post.revisions[0].published_at,
            current.published_at,
            village.clerk.id,
            post.created_at,
        ),
    )


TABLES = (
    (
        Posting,
        (
            "id",
            "village_id",
            "kind",
            "code",
            "status",
            "current_id",
            "first_published_at",
            "last_published_at",
            "created_by_id",
            "created_at",
        ),
    ),
    (
        Revision,
        (
            "id",
            "posting_id",
            "village_id",
            "number",
            "action",
            "state",
            "title",
            "body",
            "reason",
            "author_id",
            "author_name",
            "created_at",
            "submitted_at",
            "signed_off_by_id",
            "signed_off_by_name",
            "signed_off_at",
            "opinion",
            "published_by_id",
            "published_by_name",
            "published_at",
            "seq",
            "prev_digest",
            "digest",
            "search_vector",
            "format",
            "reviewed_digest",
        ),
    ),
    (ReviewEvent, ("id", "revision_id", "village_id", "step", "by_id", "at", "note")),
    (
        AuditEntry,
        (
            "id",
            "at",
            "user_id",
            "username",
            "action",
            "village_id",
            "target",
            "address",
            "detail",
        ),
    ),
)
