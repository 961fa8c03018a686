"""The publication lifecycle: draft → submitted → signed off (or returned) → published,
then corrections and withdrawals. Every function checks permission, writes the audit log and
runs in one transaction, so a refused step changes nothing.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.regions.access import Action, require
from disclosure.regions.models import OfficialNumber, Region
from disclosure.transparency import leaves
from disclosure.transparency import services as log

from . import attachments as files
from . import chain, changes, kinds, search
from .audit import record
from .masking import mask_text
from .models import (
    Attachment,
    Posting,
    PostingStatus,
    PowerItem,
    ReviewEvent,
    Revision,
    RevisionAction,
    RevisionState,
)

EDITABLE = (RevisionState.DRAFT, RevisionState.RETURNED)


@dataclass
class Content:
    """What a clerk writes: the title, the text and, for a list of powers, its items."""

    title: str
    body: str = ""
    power_items: list[dict] | None = None


def _clean_text(text: str, keep: frozenset[str] = frozenset()) -> str:
    return mask_text(text.replace("\r\n", "\n").strip(), keep)


def _now():
    # The chain records seconds; keeping the stored time to the second keeps both equal.
    return clock.now().replace(microsecond=0)


def _write_content(revision: Revision, content: Content) -> None:
    # The numbers the county registers as official are shown; every other mobile is masked.
    official = OfficialNumber.objects.kept_for(revision.village)
    revision.title = _clean_text(content.title, official)
    revision.body = _clean_text(content.body, official)
    if not revision.title:
        raise ValidationError({"title": _("A posting needs a title.")})
    revision.full_clean(exclude=["posting", "village", "author"])
    revision.save()
    kinds.write_rows(revision, content)


def write_power_items(revision: Revision, content: Content) -> None:
    revision.power_items.all().delete()
    for position, values in enumerate(content.power_items or [], start=1):
        item = PowerItem(
            revision=revision,
            village=revision.village,
            position=position,
            **{key: _clean_text(value) for key, value in values.items()},
        )
        item.full_clean(exclude=["revision", "village"])
        item.save()


@transaction.atomic
def create_posting(*, village: Region, kind: str, content: Content, by, ip=None) -> Revision:
    require(by, Action.DRAFT, village)
    if not village.is_village:
        raise ValidationError(_("Postings belong to a village."))
    if kind not in kinds.codes():
        raise ValidationError({"kind": _("Choose a kind from the disclosure catalogue.")})
    posting = Posting.objects.create(village=village, kind=kind, created_by=by)
    revision = Revision(
        posting=posting,
        village=village,
        number=1,
        action=RevisionAction.ORIGINAL,
        author=by,
        author_name=by.public_name,
    )
    _write_content(revision, content)
    record(by=by, action="posting.create", village=village, target=posting.code, ip=ip)
    return revision


def _lock(revision: Revision) -> Revision:
    return Revision.objects.select_for_update().select_related("posting").get(pk=revision.pk)


def _expect_content(revision: Revision) -> None:
    """A withdrawal carries only its reason, which was given when it was asked for."""
    if revision.is_withdrawal:
        raise ValidationError(
            _(
                "A withdrawal has no content to change: discard it and withdraw again to "
                "change its reason."
            )
        )


def _expect_state(revision: Revision, *states) -> None:
    if revision.state not in states:
        raise ValidationError(
            _("This step is not possible while the posting is “%(state)s”.")
            % {"state": revision.get_state_display()}
        )


@transaction.atomic
def update_draft(*, revision: Revision, content: Content, by, ip=None) -> Revision:
    revision = _lock(revision)
    require(by, Action.DRAFT, revision)
    _expect_state(revision, *EDITABLE)
    _expect_content(revision)
    _write_content(revision, content)
    record(by=by, action="revision.edit", village=revision.village, target=str(revision), ip=ip)
    return revision


@transaction.atomic
def add_attachment(*, revision: Revision, upload, by, ip=None) -> Attachment:
    revision = _lock(revision)
    require(by, Action.DRAFT, revision)
    _expect_state(revision, *EDITABLE)
    _expect_content(revision)
    content, content_type = files.read_upload(upload)
    blob = files.store_blob(content, content_type)
    thumbnail = None
    if content_type.startswith("image/"):
        thumbnail = files.store_blob(files.thumbnail_of(content), "image/jpeg")
    attachment = Attachment.objects.create(
        revision=revision,
        village=revision.village,
        position=revision.attachments.count() + 1,
        filename=_safe_filename(upload.name),
        blob=blob,
        thumbnail=thumbnail,
    )
    record(
        by=by,
        action="attachment.add",
        village=revision.village,
        target=attachment.filename,
        ip=ip,
        sha256=blob.sha256,
    )
    return attachment


def _safe_filename(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "file"
    return "".join(ch for ch in name if ch.isprintable())[:200]


@transaction.atomic
def remove_attachment(*, attachment: Attachment, by, ip=None) -> None:
    revision = _lock(attachment.revision)
    require(by, Action.DRAFT, revision)
    _expect_state(revision, *EDITABLE)
    record(
        by=by,
        action="attachment.remove",
        village=revision.village,
        target=attachment.filename,
        ip=ip,
    )
    attachment.delete()


@transaction.atomic
def submit(*, revision: Revision, by, ip=None) -> Revision:
    revision = _lock(revision)
    require(by, Action.SUBMIT, revision)
    _expect_state(revision, *EDITABLE)
    if not revision.is_withdrawal:
        kinds.check_ready(revision)
    revision.state = RevisionState.SUBMITTED
    revision.submitted_at = _now()
    revision.save()
    _event(revision, ReviewEvent.Step.SUBMITTED, by)
    record(by=by, action="revision.submit", village=revision.village, target=str(revision), ip=ip)
    return revision


@transaction.atomic
def return_for_changes(*, revision: Revision, by, reason: str, ip=None) -> Revision:
    revision = _lock(revision)
    require(by, Action.REVIEW, revision)
    _expect_state(revision, RevisionState.SUBMITTED)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Say what needs to change before it can be signed off.")}
        )
    revision.state = RevisionState.RETURNED
    revision.save()
    _event(revision, ReviewEvent.Step.RETURNED, by, reason)
    record(
        by=by,
        action="revision.return",
        village=revision.village,
        target=str(revision),
        ip=ip,
        reason=reason,
    )
    return revision


@transaction.atomic
def sign_off(*, revision: Revision, by, opinion: str, content_digest: str, ip=None) -> Revision:
    """Sign off what the reviewer saw: `content_digest` is the digest of the content their page
    showed (chain.content_digest); a draft that changed since is refused."""
    revision = _lock(revision)
    require(by, Action.REVIEW, revision)
    _expect_state(revision, RevisionState.SUBMITTED)
    opinion = opinion.strip()
    if not opinion:
        raise ValidationError({"opinion": _("Write the supervision committee's opinion.")})
    seen = chain.content_digest(revision)
    if content_digest != seen:
        raise ValidationError(
            _(
                "The content changed after you opened it for review. Read it again as it is "
                "now before signing it off."
            )
        )
    revision.state = RevisionState.SIGNED_OFF
    revision.signed_off_by = by
    revision.signed_off_by_name = by.public_name
    revision.signed_off_at = _now()
    revision.opinion = _clean_text(opinion)
    revision.reviewed_digest = seen
    revision.save()
    _event(revision, ReviewEvent.Step.SIGNED_OFF, by, opinion)
    record(
        by=by,
        action="revision.sign_off",
        village=revision.village,
        target=str(revision),
        ip=ip,
        content_digest=seen,
    )
    return revision


@transaction.atomic
def publish(*, revision: Revision, by, ip=None) -> Revision:
    revision = _lock(revision)
    require(by, Action.PUBLISH, revision)
    _expect_state(revision, RevisionState.SIGNED_OFF)
    if not revision.is_withdrawal:
        kinds.prepare_publication(revision)
    _append_to_chain(revision, by)
    _event(revision, ReviewEvent.Step.PUBLISHED, by)
    record(
        by=by,
        action="revision.publish",
        village=revision.village,
        target=str(revision),
        ip=ip,
        digest=revision.digest,
    )
    return revision


def _append_to_chain(revision: Revision, by) -> None:
    """Give the revision its place and digest in the village's chain and publish it.

    Refused if the content is no longer what the supervision committee signed off.
    """
    # Locking the village row serialises publications, so the chain never forks.
    Region.objects.select_for_update().get(pk=revision.village_id)
    now = _now()
    revision.published_by = by
    revision.published_by_name = by.public_name
    revision.published_at = now
    last_seq, revision.prev_digest = chain.last_link(revision.village)
    revision.seq = last_seq + 1
    document = chain.revision_document(revision)
    if chain.digest_of_content(document) != revision.reviewed_digest:
        raise ValidationError(
            _(
                "The content changed after it was signed off. Submit it again so that the "
                "supervision committee signs off what will be published."
            )
        )
    revision.digest = chain.digest(revision.prev_digest, document)
    revision.search_vector = search_vector_of(revision)
    revision.state = RevisionState.PUBLISHED
    revision.save()
    # Witnessed outside the portal: the county log's signed checkpoints (docs/transparency.md).
    log.append(village=revision.village, data=_leaf_of(revision))

    posting = revision.posting
    posting.current = revision
    posting.status = PostingStatus.WITHDRAWN if revision.is_withdrawal else PostingStatus.PUBLISHED
    posting.first_published_at = posting.first_published_at or now
    posting.last_published_at = now
    posting.save()
    changes.count(revision.village_id)


def _leaf_of(revision: Revision) -> bytes:
    return leaves.revision_leaf(
        village_code=revision.village.code, seq=revision.seq, digest=revision.digest
    )


@transaction.atomic
def append_missing_to_log() -> int:
    """Append the published revisions that are not in their county's log yet (published before
    the logs existed) in the order they were published; returns how many."""
    missing = (
        Revision.objects.published()
        .exclude(digest__in=log.logged_digests())
        .select_related("village")
        .order_by("published_at", "village_id", "seq")
    )
    return log.append_many(village_data=((r.village, _leaf_of(r)) for r in missing.iterator()))


def search_vector_of(revision: Revision):
    values = (value for row in kinds.rows_of(revision) for value in row.values())
    strings = [value for value in values if isinstance(value, str)]
    return search.document_vector(search.revision_terms(revision.title, revision.body, strings))


def rebuild_search_index() -> int:
    """Index every published revision again, after the way text is indexed has changed.

    The search index is derived from the frozen content and is not part of the digest; the
    database trigger lets it alone change on a published revision.
    """
    count = 0
    for revision in Revision.objects.published().select_related("posting").iterator():
        Revision.objects.filter(pk=revision.pk).update(search_vector=search_vector_of(revision))
        count += 1
    return count


def _open_revision(posting: Posting) -> Revision | None:
    return posting.revisions.open().first()


@transaction.atomic
def start_correction(*, posting: Posting, by, reason: str, ip=None) -> Revision:
    """A new draft revision, copied from what is published, to be corrected and signed off."""
    return _start_revision(posting, by, reason, ip, RevisionAction.CORRECTION)


@transaction.atomic
def start_update(*, posting: Posting, by, reason: str, ip=None) -> Revision:
    """A new draft revision of a running disclosure (a project's next stage), copied from what is
    published: shown as an update, since nothing published before was wrong."""
    return _start_revision(posting, by, reason, ip, RevisionAction.UPDATE)


def _start_revision(posting: Posting, by, reason: str, ip, action: str) -> Revision:
    posting = Posting.objects.select_for_update().get(pk=posting.pk)
    require(by, Action.CORRECT, posting)
    if posting.status != PostingStatus.PUBLISHED:
        raise ValidationError(_("Only a published posting can be corrected."))
    if _open_revision(posting):
        raise ValidationError(_("A correction of this posting is already in progress."))
    reason = _clean_text(reason)
    if not reason:
        raise ValidationError({"reason": _("A correction needs a reason, shown to villagers.")})
    current = posting.current
    revision = _new_revision(posting, current, action, reason, by)
    _copy_rows(current, revision)
    record(
        by=by,
        action="posting.update" if action == RevisionAction.UPDATE else "posting.correct",
        village=posting.village,
        target=posting.code,
        ip=ip,
        reason=reason,
    )
    return revision


@transaction.atomic
def withdraw(*, posting: Posting, by, reason: str, ip=None) -> Revision:
    """Ask to withdraw a published posting: the withdrawal goes to the supervision committee like
    any revision and, once signed off and published, leaves a public notice with the reason."""
    posting = Posting.objects.select_for_update().get(pk=posting.pk)
    require(by, Action.WITHDRAW, posting)
    if posting.status != PostingStatus.PUBLISHED:
        raise ValidationError(_("Only a published posting can be withdrawn."))
    reason = _clean_text(reason)
    if not reason:
        raise ValidationError({"reason": _("A withdrawal needs a reason, shown to villagers.")})
    if posting.revisions.open().filter(action=RevisionAction.WITHDRAWAL).exists():
        raise ValidationError(_("A withdrawal of this posting is already waiting for sign-off."))
    for revision in posting.revisions.open():
        record(
            by=by,
            action="revision.discard",
            village=posting.village,
            target=str(revision),
            ip=ip,
        )
        revision.delete()
    revision = _new_revision(posting, posting.current, RevisionAction.WITHDRAWAL, reason, by)
    revision.body = ""
    revision.state = RevisionState.SUBMITTED
    revision.submitted_at = _now()
    revision.save()
    _event(revision, ReviewEvent.Step.SUBMITTED, by)
    record(
        by=by,
        action="posting.withdraw",
        village=posting.village,
        target=posting.code,
        ip=ip,
        reason=reason,
    )
    return revision


def _new_revision(posting, current, action, reason, by) -> Revision:
    return Revision.objects.create(
        posting=posting,
        village=posting.village,
        number=posting.revisions.count() + 1,
        action=action,
        title=current.title,
        body=current.body,
        reason=reason,
        author=by,
        author_name=by.public_name,
    )


def _copy_rows(source: Revision, target: Revision) -> None:
    kinds.copy_rows(source, target)
    for attachment in source.attachments.all():
        attachment.pk = None
        attachment.revision = target
        attachment.save()


def _event(revision: Revision, step: str, by, note: str = "") -> None:
    ReviewEvent.objects.create(
        revision=revision, village=revision.village, step=step, by=by, note=note
    )


@transaction.atomic
def discard_draft(*, revision: Revision, by, ip=None) -> None:
    """Throw away an unpublished revision (and its posting, if nothing of it was published)."""
    revision = _lock(revision)
    require(by, Action.DRAFT, revision)
    _expect_state(revision, *EDITABLE)
    posting = revision.posting
    record(by=by, action="revision.discard", village=revision.village, target=str(revision), ip=ip)
    revision.delete()
    if not posting.revisions.exists():
        posting.delete()
