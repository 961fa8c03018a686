"""A witness (manage.py witness) follows a county log, cosigns it, and catches a fork."""

import io
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import translation

from disclosure.transparency import notes, services, witnessing
from disclosure.transparency.models import Cosignature

from .conftest import LOG_KEY, ORIGIN, TOWNSHIP_KEY, grow, rewrite

LOG_URL = "http://testserver/log/990101000000"
NOW = 1_772_676_000


class ClientTransport:
    """The witness's HTTP, answered by the test client instead of a network. (The portal
    switches the language of the thread it answers in; the witness runs in its own.)"""

    def __init__(self, client):
        self.client = client

    def get(self, url):
        parts = urlsplit(url)
        with translation.override(translation.get_language()):
            response = self.client.get(f"{parts.path}?{parts.query}")
        return response.status_code, response.content

    def post(self, url, body):
        with translation.override(translation.get_language()):
            response = self.client.post(urlsplit(url).path, body, content_type="text/plain")
        return response.status_code, response.content


@pytest.fixture
def transport(client, monkeypatch):
    http = ClientTransport(client)
    monkeypatch.setattr(witnessing, "Http", lambda: http)
    return http


@pytest.fixture
def key_file(tmp_path):
    path = tmp_path / "witness.key"
    path.write_text(TOWNSHIP_KEY.text + "\n")
    return path


def run(key_file, state, *extra) -> str:
    out = io.StringIO()
    with translation.override("en"), time_machine.travel(NOW, tick=False):
        call_command(
            "witness",
            "--log", LOG_URL,
            "--log-key", LOG_KEY.renamed(ORIGIN).verifier.text,
            "--key", str(key_file),
            "--state", str(state),
            *extra,
            stdout=out,
        )  # fmt: skip
    return out.getvalue()


def test_the_first_run_trusts_what_it_sees_and_cosigns_it(transport, log, key_file, tmp_path):
    output = run(key_file, tmp_path / "state")

    assert f"First checkpoint seen of {ORIGIN}: 5 leaves." in output
    note = notes.parse_note(output[output.index(ORIGIN + "\n") :])
    assert notes.verify_cosignature(note.text, note.signatures[-1], TOWNSHIP_KEY.verifier) == NOW
    state = witnessing.state_file(tmp_path / "state", ORIGIN)
    assert notes.parse_checkpoint(notes.parse_note(state.read_text()).text)[1] == 5


def test_a_log_that_grew_consistently_is_cosigned_and_the_cosignature_submitted(
    transport, log, village_a, key_file, tmp_path, township_witness
):
    run(key_file, tmp_path / "state")
    grow(village_a, 4, start=6)

    output = run(key_file, tmp_path / "state", "--submit")

    assert f"{ORIGIN} grew consistently from 5 to 9 leaves." in output
    assert "qingshan.example.cn/witness" in output
    assert services.cosigners(services.newest_checkpoint(log)) == [township_witness]


def test_an_unchanged_log_is_cosigned_again(transport, log, key_file, tmp_path):
    run(key_file, tmp_path / "state")

    assert "grew consistently from 5 to 5 leaves" in run(key_file, tmp_path / "state")


@pytest.mark.parametrize(
    "size, reason",
    [
        (7, "the tree of 7 leaves does not extend the tree of 5 the witness saw"),
        (5, "the tree of 5 leaves now has another root"),
        (3, "the log shrank from 5 to 3 leaves"),
    ],
)
def test_a_rewritten_log_with_resigned_checkpoints_is_caught_as_a_fork(
    transport, log, village_a, key_file, tmp_path, size, reason
):
    state = tmp_path / "state"
    run(key_file, state)
    seen = witnessing.state_file(state, ORIGIN).read_text()
    rewrite(log, village_a, size)
    errors = io.StringIO()

    with pytest.raises(CommandError) as failure:
        with translation.override("en"), time_machine.travel(NOW, tick=False):
            call_command(
                "witness", "--log", LOG_URL, "--log-key", LOG_KEY.renamed(ORIGIN).verifier.text,
                "--key", str(key_file), "--state", str(state), "--submit",
                stdout=io.StringIO(), stderr=errors,
            )  # fmt: skip

    assert failure.value.returncode == 3
    alarm = errors.getvalue()
    assert "FORK: the log contradicts the history this witness saw before." in alarm
    assert "分叉" in alarm
    assert reason in alarm
    assert witnessing.state_file(state, ORIGIN).read_text() == seen
    evidence = next(witnessing.state_file(state, ORIGIN).parent.glob("fork-*"))
    assert (evidence / "previous.checkpoint").read_text() == seen
    new = notes.parse_note((evidence / "new.checkpoint").read_text())
    assert notes.parse_checkpoint(new.text)[1] == size
    assert notes.verify(new, [LOG_KEY.renamed(ORIGIN).verifier])  # signed with the real key
    assert (evidence / "consistency.json").exists() == (size > 5)
    assert reason in (evidence / "report.txt").read_text()
    assert not Cosignature.objects.exists()


def test_a_checkpoint_not_signed_by_the_log_key_is_not_cosigned(transport, log, key_file, tmp_path):
    other = notes.new_signer("other", notes.ED25519).renamed(ORIGIN)

    with pytest.raises(CommandError, match="not signed by any key"):
        with translation.override("en"):
            call_command(
                "witness", "--log", LOG_URL, "--log-key", other.verifier.text,
                "--key", str(key_file), "--state", str(tmp_path), stdout=io.StringIO(),
            )  # fmt: skip
    assert not witnessing.state_file(tmp_path, ORIGIN).exists()


def test_an_unreachable_log_is_reported_plainly(log, key_file, tmp_path):
    with pytest.raises(CommandError, match="cannot be reached"):
        with translation.override("en"):
            call_command(
                "witness", "--log", "http://127.0.0.1:9/log/990101000000",
                "--log-key", LOG_KEY.renamed(ORIGIN).verifier.text,
                "--key", str(key_file), "--state", str(tmp_path), stdout=io.StringIO(),
            )  # fmt: skip


def test_a_new_witness_key_is_written_privately_and_its_verifier_key_printed(tmp_path):
    path = tmp_path / "township.key"
    out = io.StringIO()

    with translation.override("en"):
        call_command("witness", "--new-key", str(path), "--name", "qingshan.example.cn/w",
                     stdout=out)  # fmt: skip

    signer = notes.parse_signer(path.read_text(), notes.COSIGNATURE_V1)
    assert out.getvalue().splitlines()[-1] == signer.verifier.text
    assert signer.verifier.text.startswith("qingshan.example.cn/w+")
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(CommandError, match="exists already"), translation.override("en"):
        call_command("witness", "--new-key", str(path), "--name", "x", stdout=out)
