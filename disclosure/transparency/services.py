"""The county transparency logs: appending leaves, signing checkpoints, reading proofs.

Every village appends to the log of its county. The log knows nothing of postings, revisions
or records beyond the one line each leaf holds (leaves.py); publishing calls `append` inside
the transaction that publishes a revision, or makes a record public, so that both are committed
together:

    services.append(village=revision.village, data=leaves.revision_leaf(
        village_code=revision.village.code, seq=revision.seq, digest=revision.digest))

docs/transparency.md describes the log byte for byte.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from disclosure import clock
from disclosure.regions.models import PREFIX_LENGTH, Level, Region

from . import keys, leaves, merkle, notes, tree
from .errors import LogError, gettext_noop
from .models import Checkpoint, Log, LogEntry, Node, Witness

COUNTY_DIGITS = PREFIX_LENGTH[Level.COUNTY]


def county_of(village: Region) -> Region:
    """The county above the village (its code is the village's with the last six digits zero)."""
    code = village.code[:COUNTY_DIGITS].ljust(12, "0")
    county = Region.objects.filter(code=code, level=Level.COUNTY).first()
    if county is None:
        raise LogError(gettext_noop("there is no county %(code)s above the village"), code=code)
    return county


def origin_for(county: Region) -> str:
    return f"{settings.TRANSPARENCY_ORIGIN_HOST}/log/{county.code}"


def log_of(county: Region) -> Log | None:
    return Log.objects.filter(county=county).first()


def log_for_code(code: str) -> Log | None:
    return Log.objects.select_related("county").filter(county__code=code).first()


def _locked_log(village: Region) -> Log:
    """The log of the village's county, created on its first leaf, locked so that leaves append
    one at a time: two transactions appending at once would otherwise give two different trees."""
    code = village.code[:COUNTY_DIGITS].ljust(12, "0")
    log = Log.objects.select_for_update(of=("self",)).filter(county__code=code).first()
    if log is None:
        county = county_of(village)
        Log.objects.get_or_create(county=county, defaults={"origin": origin_for(county)})
        log = Log.objects.select_for_update().get(county=county)
    return log


def _checked_leaf(village: Region, data: bytes) -> leaves.Leaf | leaves.RecordLeaf:
    leaf = leaves.parse(data)
    if leaf.village_code != village.code:
        raise LogError(
            gettext_noop("the leaf names the village %(named)s, not %(village)s"),
            named=leaf.village_code,
            village=village.code,
        )
    return leaf


def append(*, village: Region, data: bytes) -> LogEntry:
    """Append one leaf to the log of the village's county and sign a new checkpoint."""
    leaf = _checked_leaf(village, data)
    # Within the caller's transaction (publishing), without a savepoint of its own: a failure
    # here fails the publication too.
    with transaction.atomic(savepoint=False):
        log = _locked_log(village)
        frontier = tree.frontier(log, log.size)
        now = clock.now()
        entry = LogEntry.objects.create(
            log=log,
            village=village,
            index=frontier.size,
            data=data,
            digest=leaf.digest,
            appended_at=now,
        )
        completed = frontier.append(merkle.leaf_hash(data))
        Node.objects.bulk_create(
            Node(log=log, level=level, index=index, hash=hash_) for level, index, hash_ in completed
        )
        _grow(log, frontier, now)
    return entry


def append_many(*, village_data: Iterable[tuple[Region, bytes]]) -> int:
    """Append many leaves at once (loading a county's past revisions): COPY rather than one
    INSERT per row, and one checkpoint per county at the end. Returns the number appended."""
    by_county: dict[str, list] = {}
    for village, data in village_data:
        leaf = _checked_leaf(village, data)
        by_county.setdefault(village.code[:COUNTY_DIGITS], []).append((village, data, leaf))
    with transaction.atomic():
        for items in by_county.values():
            _append_all(_locked_log(items[0][0]), items)
    return sum(len(items) for items in by_county.values())


def _append_all(log: Log, items: list) -> None:
    frontier = tree.frontier(log, log.size)
    now = clock.now()
    entries, nodes = [], []
    for village, data, leaf in items:
        entries.append((log.pk, village.pk, frontier.size, data, leaf.digest, now))
        for level, index, hash_ in frontier.append(merkle.leaf_hash(data)):
            nodes.append((log.pk, level, index, hash_))
    _copy(LogEntry, ("log_id", "village_id", "index", "data", "digest", "appended_at"), entries)
    _copy(Node, ("log_id", "level", "index", "hash"), nodes)
    _grow(log, frontier, now)


def _copy(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    quote = connection.ops.quote_name
    statement = (
        f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    )
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _grow(log: Log, frontier: tree.Frontier, now) -> Checkpoint:
    log.size, log.root = frontier.size, frontier.root
    log.save(update_fields=["size", "root"])
    return _issue_checkpoint(log, now)


def _issue_checkpoint(log: Log, now) -> Checkpoint:
    text = notes.checkpoint_text(log.origin, log.size, log.root)
    signatures = tuple(notes.sign(text, signer) for signer in keys.log_signers(log.origin))
    return Checkpoint.objects.create(
        log=log,
        size=log.size,
        root=log.root,
        note=str(notes.Note(text, signatures)),
        issued_at=now,
    )


def _check_size(log: Log, size: int) -> None:
    if not 1 <= size <= log.size:
        raise LogError(
            gettext_noop("the tree size must be between 1 and %(size)d, the size of the log"),
            size=log.size,
        )


def inclusion(*, log: Log, index: int, size: int) -> list[bytes]:
    """The audit path of leaf `index` in the tree of `size` leaves (RFC 6962 PATH)."""
    _check_size(log, size)
    if not 0 <= index < size:
        raise LogError(gettext_noop("the index must be below the tree size %(size)d"), size=size)
    return tree.range_hashes(log, merkle.inclusion_ranges(index, size))


def consistency(*, log: Log, old_size: int, new_size: int) -> list[bytes]:
    """The proof that the tree of new_size leaves extends that of old_size (RFC 6962 PROOF)."""
    _check_size(log, new_size)
    if not 0 <= old_size <= new_size:
        raise LogError(
            gettext_noop("the old size must lie between 0 and the new size %(new)d"), new=new_size
        )
    return tree.range_hashes(log, merkle.consistency_ranges(old_size, new_size))


def entry_for(*, village: Region, digest: str) -> LogEntry | None:
    """The leaf of the village's revision with this digest, None if it was never appended."""
    return LogEntry.objects.filter(village=village, digest=digest).select_related("log").first()


def logged_digests():
    """The digests every log holds, as a subquery."""
    return LogEntry.objects.values("digest")


def logged_among(*, village: Region, digests: list[str]) -> set[str]:
    """Those of the digests that leaves of the village name."""
    if not digests:
        return set()
    entries = LogEntry.objects.filter(village=village, digest__in=digests)
    return set(entries.values_list("digest", flat=True))


def leaves_of(*, village: Region) -> list[leaves.Leaf | leaves.RecordLeaf]:
    """The leaves the village appended, revisions' and records', in the order of the log."""
    entries = LogEntry.objects.filter(village=village).order_by("log_id", "index")
    return [leaves.parse(bytes(data)) for data in entries.values_list("data", flat=True)]


def entry_in(*, log: Log, digest: str) -> LogEntry | None:
    return LogEntry.objects.filter(log=log, digest=digest).order_by("index").first()


def newest_checkpoint(log: Log) -> Checkpoint | None:
    return log.checkpoints.order_by("-size").first()


def newest_cosigned_checkpoint(log: Log) -> Checkpoint | None:
    cosigned = log.checkpoints.filter(cosignatures__witness__active=True)
    return cosigned.order_by("-size").first()


def cosignatures(checkpoint: Checkpoint):
    return checkpoint.cosignatures.filter(witness__active=True).select_related("witness")


def cosigners(checkpoint: Checkpoint) -> list[Witness]:
    """The active witnesses that cosigned the checkpoint, by name."""
    return [cosignature.witness for cosignature in cosignatures(checkpoint).order_by("witness")]


def served_note(checkpoint: Checkpoint) -> str:
    """The checkpoint as served: the log's signatures, then its active witnesses' cosignatures."""
    lines = cosignatures(checkpoint).order_by("witness__name").values_list("line", flat=True)
    return checkpoint.note + "".join(lines)


def verifier_keys(log: Log) -> list[str]:
    """The verifier keys of the log's signatures: the current key first, then the previous one
    while a key is being replaced."""
    return [verifier.text for verifier in keys.log_verifiers(log.origin)]


@dataclass(frozen=True)
class Receipt:
    """All a villager needs to check that a leaf is in the log: the leaf, its audit path, and
    the signed (and cosigned) checkpoint whose root the path leads to."""

    origin: str
    index: int
    leaf: bytes
    size: int
    root: bytes
    proof: list[bytes]
    checkpoint: str
    verifier_keys: list[str]
    cosigners: list[Witness]


def receipt(*, entry: LogEntry, checkpoint: Checkpoint | None = None) -> Receipt:
    """The proof of the entry at the checkpoint given, by default the log's newest."""
    log = entry.log
    checkpoint = checkpoint or newest_checkpoint(log)
    return Receipt(
        origin=log.origin,
        index=entry.index,
        leaf=bytes(entry.data),
        size=checkpoint.size,
        root=bytes(checkpoint.root),
        proof=inclusion(log=log, index=entry.index, size=checkpoint.size),
        checkpoint=served_note(checkpoint),
        verifier_keys=verifier_keys(log),
        cosigners=cosigners(checkpoint),
    )
