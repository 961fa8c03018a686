"""Witnesses' cosignatures, pushed to the portal (C2SP tlog-cosignature, cosignature/v1).

A witness sends the checkpoint it cosigned as a signed note: the checkpoint text, a blank line
and its cosignature line(s) (the log's own signature lines may stay; they are skipped). Each
line must be from an active registered witness and verify over that very checkpoint; if one does
not, nothing is stored.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from . import keys, notes
from .errors import LogError, gettext_noop
from .models import Cosignature, Log, Witness

MAX_BODY_BYTES = 16 * 1024
# A witness's clock may run a little ahead of ours; further ahead, its timestamp is not believed.
CLOCK_SKEW_SECONDS = 600


@dataclass(frozen=True)
class Recorded:
    added: list[Witness]
    already: list[Witness]


def record(*, log: Log, body: bytes) -> Recorded:
    """Verify and keep the cosignatures in `body`; LogError, and nothing kept, if any fails."""
    if len(body) > MAX_BODY_BYTES:
        raise LogError(
            gettext_noop("the request is larger than %(limit)d bytes"), limit=MAX_BODY_BYTES
        )
    note = notes.parse_note(body)
    checkpoint = _checkpoint(log, note)
    found = _verified(log, note)
    with transaction.atomic():
        existing = set(checkpoint.cosignatures.values_list("witness_id", flat=True))
        added = [
            (witness, stamp, line) for witness, stamp, line in found if witness.pk not in existing
        ]
        Cosignature.objects.bulk_create(
            [
                Cosignature(checkpoint=checkpoint, witness=witness, timestamp=stamp, line=line)
                for witness, stamp, line in added
            ],
            ignore_conflicts=True,
        )
    return Recorded(
        added=[witness for witness, _stamp, _line in added],
        already=[witness for witness, _stamp, _line in found if witness.pk in existing],
    )


def _checkpoint(log: Log, note: notes.Note):
    origin, size, root = notes.parse_checkpoint(note.text)
    if origin != log.origin:
        raise LogError(
            gettext_noop("the checkpoint is of the log %(origin)s, not of %(log)s"),
            origin=origin,
            log=log.origin,
        )
    checkpoint = log.checkpoints.filter(size=size).first()
    if checkpoint is None:
        raise LogError(gettext_noop("the log issued no checkpoint of size %(size)d"), size=size)
    if note.text != checkpoint.text:
        raise LogError(
            gettext_noop("the checkpoint of size %(size)d that the log issued says something else"),
            size=size,
        )
    return checkpoint


def _verified(log: Log, note: notes.Note) -> list[tuple[Witness, int, str]]:
    own = {(v.name, v.key_id) for v in keys.log_verifiers(log.origin, retired=True)}
    witnesses = {(w.name, w.verifier.key_id): w for w in Witness.objects.filter(active=True)}
    latest = int(timezone.now().timestamp()) + CLOCK_SKEW_SECONDS
    found = {}
    for signature in note.signatures:
        if (signature.name, signature.key_id) in own:
            continue
        witness = witnesses.get((signature.name, signature.key_id))
        if witness is None:
            raise LogError(
                gettext_noop(
                    "no active witness is registered with the name %(name)s and key id %(id)s"
                ),
                name=signature.name,
                id=signature.key_id.hex(),
            )
        stamp = notes.verify_cosignature(note.text, signature, witness.verifier)
        if stamp > latest:
            raise LogError(
                gettext_noop("the cosignature of %(name)s is dated in the future"),
                name=witness.name,
            )
        found[witness.pk] = (witness, stamp, signature.line)
    if not found:
        raise LogError(gettext_noop("the request carries no witness cosignature"))
    return list(found.values())
