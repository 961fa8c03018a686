"""What `manage.py verify_chain` checks: that the database still holds what was published.

For each village: every digest and link of its chain (chain.first_mismatch), what each kind
stored beside its rows (totals, summaries: kinds.derived_problem), the stored files and
thumbnails, the postings' state (current revision, status, dates) against the chain, every row of
a kind's tables against the revision it belongs to, the audit log's record of every
publication, the county's transparency log, and every public record kept beside the revisions
(payments, questions, …: publishing/records.py) against its digest and its newest leaf. Each
problem names the revision or the record it concerns when there is one.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Max, Min, Q
from django.utils.translation import gettext as _

from disclosure.transparency import services as log
from disclosure.transparency.leaves import Leaf, RecordLeaf

from . import chain, kinds, records
from .models import (
    AuditEntry,
    Posting,
    PostingStatus,
    Revision,
    RevisionAction,
    revision_is_published,
)
from .stored_files import file_problem, revision_file_problems


@dataclass(frozen=True)
class Problem:
    message: str
    revision: Revision | None = None
    # The record concerned, as its leaf names it: (name, id).
    record: tuple[str, int] | None = None


def village_problems(village) -> list[Problem]:
    """Every problem found in the village, in chain order; empty when everything verifies."""
    leaves = log.leaves_of(village=village)
    problems = _chain_problems(village)
    problems += _unpublished_links(village)
    problems += _posting_problems(village)
    problems += _row_problems(village)
    problems += _audit_problems(village)
    problems += _log_problems(village, [leaf for leaf in leaves if isinstance(leaf, Leaf)])
    problems += _record_problems(village, [leaf for leaf in leaves if isinstance(leaf, RecordLeaf)])
    return problems


def revision_problem(revision) -> str | None:
    """What no longer matches in a published revision's content or stored figures, if anything:
    the check made before its page is shown."""
    if chain.revision_digest(revision) != revision.digest:
        return _("its content does not match its digest")
    return kinds.derived_problem(revision)


def _named(revision: Revision, problem: str) -> Problem:
    village = revision.village
    message = _(
        "%(village)s (%(code)s): posting %(posting)s, revision %(number)d, "
        "position %(seq)s in the chain: %(problem)s."
    ) % {
        "village": village.name,
        "code": village.code,
        "posting": revision.posting.code,
        "number": revision.number,
        "seq": revision.seq,
        "problem": problem,
    }
    return Problem(message, revision)


def _chain_problems(village) -> list[Problem]:
    problems = []
    previous = chain.GENESIS
    for expected_seq, revision in enumerate(chain.chain_revisions(village), start=1):
        problem = (
            chain.link_problem(revision, expected_seq, previous)
            or kinds.derived_problem(revision)
            or revision_file_problems(revision)
        )
        if problem is not None:
            problems.append(_named(revision, problem))
        previous = revision.digest
    return problems


def _unpublished_links(village) -> list[Problem]:
    """A revision given a place in the chain was published: it cannot become a draft again."""
    demoted = Revision.objects.filter(village=village, seq__isnull=False).exclude(
        revision_is_published()
    )
    problem = _("it has its place in the chain but is no longer shown as published")
    return [_named(revision, problem) for revision in demoted.select_related("posting")]


def _posting_problems(village) -> list[Problem]:
    """A posting's status, current revision and dates follow from its published revisions."""
    published = revision_is_published("revisions")
    postings = (
        Posting.objects.filter(Q(village=village) | Q(revisions__village=village))
        .distinct()
        .annotate(
            newest=Max("revisions__number", filter=published),
            first=Min("revisions__published_at", filter=published),
            last=Max("revisions__published_at", filter=published),
            elsewhere=Count("revisions", filter=~Q(revisions__village_id=F("village_id"))),
        )
        .select_related("current", "village")
    )
    problems = []
    for posting in postings:
        problem = _posting_problem(posting)
        if problem is not None:
            newest = posting.revisions.published().order_by("-number").first()
            problems.append(_named(newest, problem) if newest else _unpublished(posting, problem))
    return problems


def _posting_problem(posting) -> str | None:
    current = posting.current
    if posting.elsewhere:
        return _("the posting's village is not the village of its revisions")
    if posting.newest is None:
        if posting.status != PostingStatus.UNPUBLISHED or current is not None:
            return _("the posting is shown as published but none of its revisions is")
        return None
    newest = current is not None and current.number == posting.newest
    if not newest or current.posting_id != posting.pk or not current.is_published:
        return _("the posting does not show its newest published revision as current")
    withdrawn = current.action == RevisionAction.WITHDRAWAL
    expected = PostingStatus.WITHDRAWN if withdrawn else PostingStatus.PUBLISHED
    if posting.status != expected:
        return _("the posting's status does not follow from its newest revision")
    if (posting.first_published_at, posting.last_published_at) != (posting.first, posting.last):
        return _("the posting's publication dates are not those of its revisions")
    return None


def _unpublished(posting, problem: str) -> Problem:
    return Problem(
        _("%(village)s (%(code)s): posting %(posting)s: %(problem)s.")
        % {
            "village": posting.village.name,
            "code": posting.village.code,
            "posting": posting.code,
            "problem": problem,
        }
    )


def _row_problems(village) -> list[Problem]:
    """Rows of a kind's tables belong to the village and the kind of the revision they are in,
    and rows they point to belong to the same revision."""
    problems = []
    for model, owners in kinds.tables().items():
        for row in _misplaced_rows(model, owners, village):
            problem = _("a row of %(table)s does not belong where it is filed") % {
                "table": model._meta.db_table
            }
            problems.append(_named(row.revision, problem))
    return problems


def _misplaced_rows(model, owners: set[str], village):
    ours = Q(revision__village=village) | Q(village=village)
    wrong = ~Q(village_id=F("revision__village_id")) | ~Q(revision__posting__kind__in=owners)
    for field in model._meta.concrete_fields:
        target = field.related_model
        if field.is_relation and target is not model and target in kinds.tables():
            points = Q(**{f"{field.name}__isnull": False})
            wrong |= points & ~Q(**{f"{field.name}__revision_id": F("revision_id")})
    rows = model.objects.filter(ours, revision_is_published("revision")).filter(wrong)
    return rows.select_related("revision__posting", "revision__village").order_by("pk")


def _audit_problems(village) -> list[Problem]:
    """Every digest the append-only audit log recorded at a publication is still in the chain.

    The chain alone cannot show that its newest revisions were removed.
    """
    chained = set(chain.chain_revisions(village).values_list("digest", flat=True))
    publications = AuditEntry.objects.filter(
        village=village, action__in=chain.CHAINING_ACTIONS, detail__has_key="digest"
    )
    for entry in publications.order_by("at", "pk"):
        if entry.detail["digest"] not in chained:
            message = _(
                "%(village)s (%(code)s): the audit log records the publication of %(target)s "
                "on %(at)s with the digest %(digest)s, which is no longer in the chain."
            ) % {
                "village": village.name,
                "code": village.code,
                "target": entry.target,
                "at": chain.timestamp(entry.at),
                "digest": entry.detail["digest"],
            }
            return [Problem(message)]
    return []


def _log_problems(village, leaves: list[Leaf]) -> list[Problem]:
    """The chain and the county's transparency log tell the same story: every revision of the
    chain is the leaf the village appended at its place, and every revision leaf names a
    revision of the chain. A chain rewritten with new digests, or cut short, shows against the
    log, whose checkpoints the witnesses keep (docs/transparency.md)."""
    by_digest = {leaf.digest: leaf for leaf in leaves}
    problems = []
    for revision in chain.chain_revisions(village):
        leaf = by_digest.pop(revision.digest, None)
        if leaf is None:
            problems.append(_named(revision, _("it is not in the county's transparency log")))
        elif leaf.seq != revision.seq:
            problems.append(_named(revision, _("the transparency log has it at another place")))
    for leaf in by_digest.values():
        message = _(
            "%(village)s (%(code)s): the county's transparency log holds the village's revision "
            "%(seq)d with the digest %(digest)s, which is not in the chain."
        ) % {"village": village.name, "code": village.code, "seq": leaf.seq, "digest": leaf.digest}
        problems.append(Problem(message))
    if [leaf.seq for leaf in leaves] != sorted(leaf.seq for leaf in leaves):
        problems.append(
            Problem(
                _(
                    "%(village)s (%(code)s): the transparency log has the village's "
                    "revisions out of order."
                )
                % {"village": village.name, "code": village.code}
            )
        )
    return problems


def _record_problems(village, leaves: list[RecordLeaf]) -> list[Problem]:
    """Every public record of the village still has the digest stored with it, and its newest
    leaf names that digest; every record a leaf names is still public. A record changed,
    removed, or made public behind the portal's back shows here."""
    newest = {(leaf.name, leaf.record_id): leaf.digest for leaf in leaves}
    problems = []
    for kind in records.registered().values():
        rows = kind.rows().filter(village=village).order_by("pk")
        for row in rows:
            problem = _record_problem(kind, row, newest.pop((kind.name, row.pk), None))
            if problem is not None:
                described = kind.describe(row)
                problems.append(_record_named(village, kind.name, described, row.pk, problem))
    for name, record_id in newest:
        problems.append(_gone(village, name, record_id))
    return problems


def _record_problem(kind, row, logged: str | None) -> str | None:
    problem = records.state_problem(kind.name, row, logged=logged is not None)
    if problem is None and logged != row.record_digest:
        return _("the county's transparency log holds another digest for it last")
    if problem is None and kind.files is not None:
        problem = next(filter(None, map(file_problem, kind.files(row))), None)
    return problem


def _gone(village, name: str, record_id: int) -> Problem:
    kind = records.registered().get(name)
    row = kind.model._default_manager.filter(pk=record_id).first() if kind else None
    if row is not None:
        described = kind.describe(row)
    else:
        described = f"{kind.title if kind else name} {record_id}"
    problem = _(
        "the county's transparency log names it, but it no longer exists or is no longer shown "
        "to villagers"
    )
    return _record_named(village, name, described, record_id, problem)


def _record_named(village, name: str, described: str, record_id: int, problem: str) -> Problem:
    message = _("%(village)s (%(code)s): %(record)s: %(problem)s.") % {
        "village": village.name,
        "code": village.code,
        "record": described,
        "problem": problem,
    }
    return Problem(message, record=(name, record_id))
