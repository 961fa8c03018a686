"""`verify_log`: the whole log recomputed from its stored leaves, for `manage.py verify_chain`.

Every leaf is hashed again and every stored node rebuilt level by level; the log's size and root,
every checkpoint (its root at its size, its text and the log's signatures) and every cosignature
must then agree. The first disagreement is reported.
"""

from django.utils.translation import gettext as _

from . import keys, leaves, merkle, notes
from .errors import LogError, gettext_noop
from .models import Cosignature, Log

CHUNK = 10_000


def verify_log(log: Log) -> str | None:
    """The log's first problem, as a sentence naming the log, or None if all is as stored."""
    try:
        levels = _check_tree(log)
        _check_checkpoints(log, levels)
        _check_cosignatures(log)
    except LogError as problem:
        return _("Transparency log %(origin)s: %(problem)s.") % {
            "origin": log.origin,
            "problem": problem.translated(),
        }
    return None


def _check_tree(log: Log) -> list[list[bytes]]:
    """Every level of the tree as recomputed, once each stored level has been found equal."""
    level = _leaf_hashes(log)
    if len(level) != log.size:
        raise LogError(
            gettext_noop("it holds %(count)d leaves but says it has %(size)d"),
            count=len(level),
            size=log.size,
        )
    levels = []
    while level:
        _compare_level(log, len(levels), level)
        levels.append(level)
        level = [merkle.node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
    if _root(levels, log.size) != bytes(log.root):
        raise LogError(gettext_noop("its stored root hash is not the root of its leaves"))
    return levels


def _leaf_hashes(log: Log) -> list[bytes]:
    found = []
    rows = log.entries.order_by("index").values_list("index", "village__code", "data", "digest")
    for index, village_code, data, digest in rows.iterator(chunk_size=CHUNK):
        if index != len(found):
            raise LogError(gettext_noop("leaf %(index)d is missing"), index=len(found))
        leaf = leaves.parse(bytes(data))
        if (leaf.village_code, leaf.digest) != (village_code, digest):
            raise LogError(
                gettext_noop("leaf %(index)d does not say what its row says"), index=index
            )
        found.append(merkle.leaf_hash(bytes(data)))
    return found


def _compare_level(log: Log, level: int, expected: list[bytes]) -> None:
    count = 0
    rows = log.nodes.filter(level=level).order_by("index").values_list("index", "hash")
    for index, hash_ in rows.iterator(chunk_size=CHUNK):
        if index != count or index >= len(expected) or bytes(hash_) != expected[index]:
            raise LogError(
                gettext_noop(
                    "the stored node %(index)d at level %(level)d does not match its leaves"
                ),
                index=index,
                level=level,
            )
        count += 1
    if count != len(expected):
        raise LogError(
            gettext_noop("level %(level)d of the tree lacks node %(index)d"),
            level=level,
            index=count,
        )


def _root(levels: list[list[bytes]], size: int) -> bytes:
    return merkle.fold([levels[level][index] for level, index in merkle.root_subtrees(size)])


def _check_checkpoints(log: Log, levels: list[list[bytes]]) -> None:
    verifiers = keys.log_verifiers(log.origin, retired=True)
    newest = 0
    for checkpoint in log.checkpoints.order_by("issued_at", "pk").iterator(chunk_size=CHUNK):
        names = {"size": checkpoint.size}
        if not newest < checkpoint.size <= log.size:
            raise LogError(gettext_noop("the checkpoint of size %(size)d is out of order"), **names)
        root = _root(levels, checkpoint.size)
        note = notes.parse_note(checkpoint.note)
        if bytes(checkpoint.root) != root or note.text != notes.checkpoint_text(
            log.origin, checkpoint.size, root
        ):
            raise LogError(
                gettext_noop("the checkpoint of size %(size)d has another root"), **names
            )
        try:
            notes.verify(note, verifiers)
        except LogError:
            raise LogError(
                gettext_noop("the checkpoint of size %(size)d is not signed by the log's key"),
                **names,
            ) from None
        newest = checkpoint.size
    if newest != log.size:
        raise LogError(
            gettext_noop("no checkpoint was issued for its size %(size)d"), size=log.size
        )


def _check_cosignatures(log: Log) -> None:
    cosigned = Cosignature.objects.filter(checkpoint__log=log).select_related(
        "checkpoint", "witness"
    )
    for cosignature in cosigned.iterator(chunk_size=CHUNK):
        names = {"name": cosignature.witness.name, "size": cosignature.checkpoint.size}
        try:
            signature = notes.parse_note("x\n\n" + cosignature.line).signatures[0]
            stamp = notes.verify_cosignature(
                cosignature.checkpoint.text, signature, cosignature.witness.verifier
            )
        except LogError:
            stamp = None
        if stamp != cosignature.timestamp:
            raise LogError(
                gettext_noop(
                    "the cosignature of %(name)s on the checkpoint of size %(size)d does not verify"
                ),
                **names,
            )
