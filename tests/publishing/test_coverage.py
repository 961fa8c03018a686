"""Everything public pages read of published content is covered by the proof.

Every model of the project is accounted for below, by a kind (publishing.kinds.tables()) or by a
public record type (publishing.records.registered(): payments, questions, objections, correction
orders, progress updates with their photos and links). Then one value at a time, in every column
of every covered table, is changed the way the owner of the database could change it (triggers
off), and verify_chain must name the revision or the record concerned. A new model, or a new
column of a covered one, fails these tests until it is covered or listed here with the reason it
needs no cover.
"""

import datetime
import json
from decimal import Decimal

from django.apps import apps
from django.db import IntegrityError, connection, models, transaction

from disclosure.publishing import kinds, records, verification
from disclosure.publishing.models import Attachment, Blob, Posting, Revision

from .every_kind import every_kind
from .every_record import every_record

# Tables whose rows are chained or checked although no kind registers them: the core of every
# revision, and what a kind's subject or check reads.
CHECKED = {
    "publishing.Posting",
    "publishing.Revision",
    "publishing.Blob",
    "finance.Period",
    "finance.Budget",
    "benefits.PersonalValues",
    "decisions.Matter",
}

# Public pages show these, but they are neither content of a published revision nor a public
# record, and the proof does not cover them (docs/integrity.md, "What the proof does not cover").
OUTSIDE_THE_PROOF = {
    "regions.Region": "the region tree: names are administrative and may legitimately change",
    "finance.FinanceRule": "a county's or village's disclosure calendar: a rule, not content",
    "finance.SpendingPurpose": "how a county groups spending in plain words: a rule; the "
    "amounts it groups are the chained entries",
    "benefits.CountyPolicy": "how a county shows names and how long: a rule, not content",
    "benefits.CountyBenefit": "a county's own benefits: rows chain the name and unit they used",
    # A rating is a secret vote: a leaf for each, appended when it is cast, would let anyone who
    # knows when a villager voted find the vote (a digest of one of three choices is undone by
    # trying the three). Pages show only the counts, read from the append-only table.
    "participation.Rating": "villagers' anonymous ratings: secret votes, counted, never logged",
    "decisions.Stage": "the working record of a discussion; its figures are chained when disclosed",
}

# The proof itself: verify_chain recomputes each county's log from its leaves and checks every
# checkpoint's signatures (disclosure/transparency/verification.py, tests/transparency).
PROOF = {
    "transparency.Log": "a county's log: its origin, size and tree",
    "transparency.LogEntry": "the leaves, each naming a revision by village, place and digest",
    "transparency.Node": "the tree's stored hashes",
    "transparency.Checkpoint": "the signed checkpoints",
    "transparency.Cosignature": "the witnesses' cosignatures",
    "transparency.Witness": "witnesses registered by an administrator, with their keys",
}

NOT_PUBLIC = {
    "regions.User": "staff accounts; revisions copy the public name of each signer",
    "regions.Role": "staff roles",
    "regions.OfficialNumber": "numbers shown in full in texts written afterwards; a published "
    "text holds the number it shows in its own chained content",
    "web.Attempt": "the rate limiter of the public forms and the staff login",
    "publishing.ReviewEvent": "the staff's review history",
    "publishing.AuditEntry": "the append-only audit log, for staff and verify_chain",
    "publishing.ChangeCount": "counts of changes that key the page cache",
    "finance.MappingRule": "the account chart used when importing",
    "publishing.SynonymGroup": "words search treats as one; pages show no row of it",
    "finance.ThreePublicScope": "a county's three-public words and accounts, used when "
    "importing; each published entry carries the answer it was checked with",
    "finance.ColumnMapping": "remembered spreadsheet layouts",
    "finance.LedgerImport": "imports in progress",
    "finance.StagedEntry": "rows of an import being checked",
    "assets.Asset": "the working register; published as snapshots",
    "assets.Resource": "the working register; published as snapshots",
    "assets.Photo": "photos of the working register; published as attachments of a snapshot",
    "reports.Report": "confidential reports to the township",
    "reports.ReportFile": "files of confidential reports",
    "reports.ReportEvent": "handling of confidential reports",
    "reports.ReportNote": "handlers' notes",
    "benefits.Slip": "a household's lookup keys: never shown; each row found is proved against "
    "the chained commitments",
    "benefits.NonReceipt": "a household's report that it was not paid: a confidential report",
    "benefits.Disbursement": "a township's 一卡通 file: staff-only",
    "benefits.DisbursementRow": "payments of a 一卡通 file: staff-only",
    "benefits.Death": "a township's death register: staff-only",
    "redflags.Cadre": "the township's register of cadres",
    "redflags.Relative": "declared relatives of cadres",
    "redflags.FlagCase": "the staff's case of a red flag; its public conclusions are records",
    "redflags.CaseStep": "the steps of a red flag's case, for the staff",
    "oversight.VillageSummary": "the township dashboard's daily summaries",
}

# Columns of covered tables that pages do not show and the proof need not cover.
UNCHECKED_COLUMNS = {
    "publishing.Posting": {
        "created_by": "who started the draft: shown to staff only",
        "created_at": "when the draft was started: shown to staff only",
    },
    "publishing.Revision": {
        "author": "the account; its public name at the time is chained",
        "signed_off_by": "the account; its public name at the time is chained",
        "published_by": "the account; its public name at the time is chained",
        "created_at": "when the draft was started: shown to staff only",
        "submitted_at": "when the draft was submitted: shown to staff only",
        "search_vector": "the search index, derived from the content and rebuilt at will",
    },
    "publishing.Blob": {
        "sha256": "the file's name: every row citing the file names it by this hash",
        "created_at": "when the file was first stored",
    },
    "finance.Period": {
        "due_date": "when the disclosure is due: a rule, checked by the township's calendar",
    },
    "benefits.BenefitList": {
        "expired_at": "when the daily job removed the names, recorded in the audit log",
    },
    "contracts.Contract": {
        "asset": "the working register's asset the contract is about: shown to staff only",
        "resource": "the working register's resource the contract is about: shown to staff only",
    },
    "decisions.ResolutionStage": {
        "stage": "the working record the disclosed figures were copied from",
    },
    "decisions.Matter": {
        "description": "the clerk's description; the resolution's text is chained",
        "implementation_ended_on": "reported while the work goes on, outside the proof",
        "created_by": "who recorded the matter: shown to staff only",
        "created_at": "when the matter was recorded: shown to staff only",
    },
    # Public records: the columns their documents leave out (docs/integrity.md, "Records beside
    # the revisions").
    "contracts.Payment": {
        "ledger_entry": "the published ledger entry it is booked under: for staff and the "
        "red-flag rules; villagers see the voucher number, which is in the document",
        "recorded_by": "the account that recorded it: shown to staff only",
    },
    "participation.Question": {
        "name": "shown only masked (王*): the document holds the masked name, and a change "
        "behind the mask shows nothing (tests/publishing/test_records.py changes what shows)",
        "phone": "never shown: only the village's staff may call back",
        "moderated_by": "the account that listed it: shown to staff only",
        "list_by": "the committee's deadline to list or reject it: shown only to the asker "
        "with the tracking code, before the question is public",
        "code_hash": "the hash of the asker's tracking code: never shown",
        "escalated_on": "the day the township was told of a missed deadline: staff only",
        "rejected_at": "only a question not listed has it, and that one is never public",
        "reject_reason": "only a question not listed has it, and that one is never public",
        "answered_by": "the account; its public name at the time is in the document",
    },
    "decisions.Objection": {
        "name": "shown only masked (王*), like an asker's: the document holds the masked name",
        "moderated_by": "the account that listed it: shown to staff only",
        "moderated_at": "when it was listed: shown to staff only",
        "answered_by": "the account; its public name at the time is in the document",
    },
    "oversight.CorrectionOrder": {
        "ordered_by": "the account; its public name at the time is in the document",
    },
    "redflags.Conclusion": {
        "case": "the staff's case the conclusion ends: shown to staff only",
    },
    "decisions.ProgressUpdate": {
        "recorded_by": "the account that reported it: shown to staff only",
        "recorded_at": "when it was typed in: shown to staff only; its day `on` is shown",
    },
    "decisions.MatterFile": {
        "stage": "the discussion a file of the working record belongs to: not shown with a "
        "progress photo",
        "added_at": "when the file was stored: shown to staff only",
    },
}
# Positions only order the rows; the order itself is in the document, so moving one row's
# position past the others changes it, while a gap between positions changes nothing shown.
ORDER_ONLY = "position"


def project_models():
    return [model for model in apps.get_models() if model.__module__.startswith("disclosure.")]


def record_tables() -> dict:
    """Every model holding public records or parts of them, with the type and the field that
    names the record (None for the record's own model)."""
    tables = {}
    for kind in records.registered().values():
        tables[kind.model] = (kind, None)
        for model, field in kind.parts.items():
            tables[model] = (kind, field)
    return tables


def covered_models():
    labels = {model._meta.label for model in [*kinds.tables(), *record_tables()]} | CHECKED
    return [model for model in project_models() if model._meta.label in labels]


def test_every_model_is_covered_or_said_to_need_no_cover():
    covered = {model._meta.label for model in covered_models()}
    listed = set(OUTSIDE_THE_PROOF) | set(PROOF) | set(NOT_PUBLIC)

    assert (
        sorted(m._meta.label for m in project_models() if m._meta.label not in covered | listed)
        == []
    )
    assert not covered & listed
    assert listed <= {m._meta.label for m in project_models()}


def test_the_unchecked_columns_name_real_columns():
    for label, columns in UNCHECKED_COLUMNS.items():
        names = {field.name for field in apps.get_model(label)._meta.concrete_fields}
        assert set(columns) <= names, label


def _columns(model):
    skipped = UNCHECKED_COLUMNS.get(model._meta.label, {})
    for field in model._meta.concrete_fields:
        if field.primary_key and model is not Blob:
            continue
        if field.name in skipped or field.name == ORDER_ONLY:
            continue
        yield field


def _rows_of_published_content(model, village):
    """Rows of the model that belong to the village's published revisions or public records."""
    queryset = model._default_manager.all()
    label = model._meta.label
    if model in record_tables():
        kind, field = record_tables()[model]
        public = kind.public().filter(village=village)
        return public if field is None else queryset.filter(**{f"{field}__in": public})
    if model is Revision:
        return queryset.filter(village=village, state="published")
    if model is Posting:
        return queryset.filter(village=village).exclude(status="unpublished")
    if model is Blob:
        used = Attachment.objects.filter(village=village).values("blob_id")
        return queryset.filter(pk__in=used)
    if label in ("finance.Period", "finance.Budget"):
        return queryset.filter(village=village, posting__status="published")
    if label == "decisions.Matter":
        return queryset.filter(village=village, resolution__status="published")
    if label == "benefits.PersonalValues":
        return queryset.filter(recipient__revision__state="published")
    return queryset.filter(revision__village=village, revision__state="published")


def _concerned(row) -> set:
    """What a change of this row is about: revisions by id, records as their leaves name them."""
    if type(row) in record_tables():
        kind, field = record_tables()[type(row)]
        return {(kind.name, row.pk if field is None else getattr(row, f"{field}_id"))}
    return {("revision", pk) for pk in _revisions_concerned(row)}


def _named(problem) -> set:
    named = {problem.record} if problem.record else set()
    return named | ({("revision", problem.revision.pk)} if problem.revision else set())


def _revisions_concerned(row) -> set[int]:
    """The revisions a change of this row is about."""
    label = row._meta.label
    if isinstance(row, Revision):
        return {row.pk}
    if isinstance(row, Posting):
        return set(row.revisions.values_list("pk", flat=True))
    if isinstance(row, Blob):
        return set(Attachment.objects.filter(blob=row).values_list("revision_id", flat=True)) | set(
            Attachment.objects.filter(thumbnail=row).values_list("revision_id", flat=True)
        )
    if label in ("finance.Period", "finance.Budget"):
        return set(row.posting.revisions.values_list("pk", flat=True))
    if label == "decisions.Matter":
        postings = [p for p in (row.resolution, row.result) if p]
        return set(Revision.objects.filter(posting__in=postings).values_list("pk", flat=True))
    if label == "benefits.PersonalValues":
        return {row.recipient.revision_id}
    return {row.revision_id}


def _other_value(field, value, row):
    """A different value for the column, as someone changing the database might write."""
    if field.is_relation:
        return _other_row(field, value, row)
    if field.choices:
        return next(choice for choice, _label in field.choices if choice != value)
    if isinstance(field, models.BooleanField):
        return not value
    if isinstance(field, models.DecimalField):
        return (value or Decimal(0)) + 1
    if isinstance(field, models.IntegerField):
        return (value or 0) + 1
    if isinstance(field, models.DateTimeField):
        return (value or datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)) + datetime.timedelta(
            hours=1
        )
    if isinstance(field, models.DateField):
        return (value or datetime.date(2025, 1, 1)) + datetime.timedelta(days=1)
    if isinstance(field, models.JSONField):
        return json.dumps([*value, "x"] if isinstance(value, list) else {**(value or {}), "x": 1})
    if isinstance(field, models.CharField | models.TextField):
        text = (value or "") + "改"
        return text[-field.max_length :] if field.max_length else text
    raise AssertionError(f"no way to change {field}")


def _other_row(field, value, row):
    """Another existing row the foreign key could point to: a free one for a one-to-one if there
    is one (else one already taken, which the database refuses)."""
    candidates = field.related_model._default_manager.exclude(pk=value)
    if field.related_model is Revision:
        candidates = candidates.filter(village=row.village)
    if field.one_to_one:
        taken = type(row)._default_manager.exclude(**{f"{field.attname}__isnull": True})
        free = candidates.exclude(pk__in=taken.values(field.attname))
        candidates = free if free.exists() else candidates
    other = candidates.order_by("pk").first()
    assert other is not None, f"no other row for {field} to point to"
    return other.pk


def _detected(model, field, village) -> bool:
    row = _rows_of_published_content(model, village).order_by("pk").first()
    assert row is not None, f"the village has no published row of {model._meta.label}"
    concerned = _concerned(row)
    value = _other_value(field, getattr(row, field.attname), row)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = replica")
                cursor.execute(
                    f'UPDATE "{model._meta.db_table}" SET "{field.column}" = %s '  # noqa: S608
                    f'WHERE "{model._meta.pk.column}" = %s',
                    [value, row.pk],
                )
                cursor.execute("SET session_replication_role = DEFAULT")
            problems = verification.village_problems(village)
            transaction.set_rollback(True)
    except IntegrityError:
        # A unique constraint refuses the change itself.
        return True
    return any(_named(problem) & concerned for problem in problems)


def test_a_village_with_every_kind_and_record_published_verifies(
    village_a, clerk_a, supervisor_a, township_official
):
    published = every_kind(village_a, clerk_a, supervisor_a)
    every_record(village_a, clerk_a, supervisor_a, township_official, published)

    assert verification.village_problems(village_a) == []


def test_every_record_type_is_built(village_a, clerk_a, supervisor_a, township_official):
    published = every_kind(village_a, clerk_a, supervisor_a)
    built = every_record(village_a, clerk_a, supervisor_a, township_official, published)

    assert set(built) == set(records.registered())
    assert all(row.record_digest for row in built.values())


def test_a_change_to_any_shown_value_of_published_content_is_named(
    village_a, village_b, clerk_a, supervisor_a, township_official
):
    published = every_kind(village_a, clerk_a, supervisor_a)
    every_record(village_a, clerk_a, supervisor_a, township_official, published)

    missed = [
        f"{model._meta.label}.{field.name}"
        for model in covered_models()
        for field in _columns(model)
        if not _detected(model, field, village_a)
    ]

    assert missed == []
