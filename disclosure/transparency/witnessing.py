"""A witness of a county log: `manage.py witness` (tools/verify_chain.py has the same without
Django).

It fetches the log's checkpoint, checks the log's signature, and checks that the log only grew
since the checkpoint it saw last (kept in its state directory): the same size must have the same
root, and a larger tree must come with a consistency proof that verifies. Then it cosigns
(cosignature/v1) and, if asked, pushes the cosignature to the portal. A fork leaves the state as
it was and its evidence in the state directory.
"""

import json
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

from . import merkle, notes
from .errors import LogError, gettext_noop

TIMEOUT_SECONDS = 30
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
FORK_HEADLINE = gettext_noop("FORK: the log contradicts the history this witness saw before.")
EVIDENCE_KEPT = gettext_noop("Nothing was cosigned. The evidence is kept in %(path)s.")


class WitnessError(LogError):
    """The witness could not do its check (the log unreachable, its answer unreadable)."""


@dataclass
class Fork(Exception):
    """The log shows a history that contradicts the one the witness saw before."""

    reason: str
    evidence: Path
    params: dict = field(default_factory=dict)


def both_languages(message: str, **params) -> str:
    """Chinese, then English: a fork must be understood by whoever reads it."""
    with translation.override("zh-hans"):
        chinese = gettext(message) % params
    return f"{chinese}\n{message % params}"


class Http:
    """GET and POST with the standard library; tests give a transport of their own."""

    def _open(self, request) -> tuple[int, bytes]:
        if not request.full_url.startswith(("https://", "http://")):
            raise WitnessError(
                gettext_noop("%(url)s is not an http(s) address"), url=request.full_url
            )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except (urllib.error.URLError, OSError) as error:
            raise WitnessError(
                gettext_noop("%(url)s cannot be reached: %(error)s"),
                url=request.full_url,
                error=str(error),
            ) from None

    def get(self, url: str) -> tuple[int, bytes]:
        return self._open(urllib.request.Request(url))  # noqa: S310 (scheme checked in _open)

    def post(self, url: str, body: bytes) -> tuple[int, bytes]:
        headers = {"Content-Type": "text/plain; charset=utf-8"}
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 (likewise)
        return self._open(request)


def _fetch(http, url: str) -> bytes:
    status, body = http.get(url)
    if status != 200:
        raise WitnessError(gettext_noop("%(url)s answered %(status)d"), url=url, status=status)
    return body


def state_file(state_dir: Path, origin: str) -> Path:
    return state_dir / _UNSAFE.sub("_", origin) / "checkpoint"


@dataclass(frozen=True)
class Witnessed:
    origin: str
    size: int
    previous_size: int | None
    cosigned: str  # the checkpoint with the log's signatures and this witness's cosignature
    submitted: str | None  # the portal's answer, when the cosignature was pushed


def witness(*, log_url, log_key, key, state_dir, submit=False, http=None, now=None) -> Witnessed:
    http = http or Http()
    log_url = log_url.rstrip("/")
    raw = _fetch(http, f"{log_url}/checkpoint")
    note = notes.parse_note(raw)
    notes.verify(note, [log_key])
    origin, size, root = notes.parse_checkpoint(note.text)
    if origin != log_key.name:
        raise WitnessError(
            gettext_noop("the checkpoint is of %(origin)s, not of %(name)s"),
            origin=origin,
            name=log_key.name,
        )
    path = state_file(Path(state_dir), origin)
    previous = notes.parse_note(path.read_text()) if path.exists() else None
    if previous is not None:
        _check_consistency(http, log_url, previous, note, path.parent)
    stamp = int(now if now is not None else time.time())
    cosignature = notes.cosign(note.text, key, stamp)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".new")
    temporary.write_text(str(notes.Note(note.text, note.signatures)))
    temporary.replace(path)
    cosigned = str(notes.Note(note.text, (*note.signatures, cosignature)))
    submitted = _submit(http, log_url, note.text, cosignature) if submit else None
    old_size = notes.parse_checkpoint(previous.text)[1] if previous else None
    return Witnessed(origin, size, old_size, cosigned, submitted)


def _check_consistency(http, log_url: str, previous, note, folder: Path) -> None:
    _origin, old_size, old_root = notes.parse_checkpoint(previous.text)
    _origin, new_size, new_root = notes.parse_checkpoint(note.text)
    evidence = {"previous.checkpoint": str(previous), "new.checkpoint": str(note)}
    if new_size < old_size:
        _fork(
            folder,
            evidence,
            gettext_noop("the log shrank from %(old)d to %(new)d leaves"),
            old_size,
            new_size,
        )
    if new_size == old_size:
        if new_root != old_root:
            _fork(
                folder,
                evidence,
                gettext_noop("the tree of %(new)d leaves now has another root"),
                old_size,
                new_size,
            )
        return
    address = f"{log_url}/proof/consistency?old={old_size}&new={new_size}"
    raw = _fetch(http, address)
    evidence["consistency.json"] = raw.decode("utf-8", "replace")
    try:
        proof = json.loads(raw)
        hashes = [notes.decode_hash(value) for value in proof["hashes"]]
        if (proof["old"], proof["new"]) != (old_size, new_size):
            raise LogError(gettext_noop("the proof is for other sizes"))
        merkle.verify_consistency(old_size, new_size, old_root, new_root, hashes)
    except (LogError, ValueError, KeyError, TypeError):
        message = gettext_noop(
            "the tree of %(new)d leaves does not extend the tree of %(old)d the witness saw"
        )
        _fork(folder, evidence, message, old_size, new_size)


def _fork(folder: Path, evidence: dict, reason: str, old: int, new: int) -> None:
    moment = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"fork-{moment}"
    target.mkdir(parents=True, exist_ok=True)
    for name, content in evidence.items():
        (target / name).write_text(content)
    params = {"old": old, "new": new}
    (target / "report.txt").write_text(both_languages(reason, **params) + "\n")
    raise Fork(reason, target, params)


def _submit(http, log_url: str, text: str, cosignature) -> str:
    status, body = http.post(f"{log_url}/cosign", f"{text}\n{cosignature.line}".encode())
    answer = body.decode("utf-8", "replace").strip()
    if status != 200:
        raise WitnessError(
            gettext_noop("the portal refused the cosignature: %(answer)s"), answer=answer
        )
    return answer
