"""tools/verify_chain.py on the county log, run as a villager or a township would run it: an
isolated Python with no project on its path, against the portal's own outputs."""

import subprocess
import sys
from pathlib import Path

import pytest

from disclosure.transparency import notes, services, witnessing
from disclosure.transparency.models import Cosignature

from .conftest import COUNTY_KEY, LOG_KEY, ORIGIN, TOWNSHIP_KEY, digest_of, grow, rewrite

TOOL = Path(__file__).resolve().parents[2] / "tools" / "verify_chain.py"
LOG_VERIFIER = LOG_KEY.renamed(ORIGIN).verifier.text


def tool(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-I", str(TOOL), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.fixture
def saved_checkpoint(client, log, tmp_path):
    path = tmp_path / "checkpoint"
    path.write_bytes(client.get("/log/990101000000/checkpoint").content)
    return path


def test_a_saved_checkpoint_is_checked_against_the_log_key(saved_checkpoint):
    result = tool("checkpoint", saved_checkpoint, "--log-key", LOG_VERIFIER)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "核验通过" in result.stdout
    assert f"OK: the checkpoint of {ORIGIN} is signed by the log key: 5 leaves" in result.stdout


def test_a_checkpoint_under_another_key_fails(saved_checkpoint):
    other = notes.new_signer("other", notes.ED25519).renamed(ORIGIN).verifier.text

    result = tool("checkpoint", saved_checkpoint, "--log-key", other)

    assert result.returncode == 1
    assert "核验未通过" in result.stdout
    assert "not signed by the log key" in result.stdout


def test_a_changed_checkpoint_fails(saved_checkpoint):
    saved_checkpoint.write_text(saved_checkpoint.read_text().replace("\n5\n", "\n6\n"))

    assert tool("checkpoint", saved_checkpoint, "--log-key", LOG_VERIFIER).returncode == 1


def test_the_witnesses_cosignatures_are_named(log, tmp_path, township_witness):
    checkpoint = services.newest_checkpoint(log)
    line = notes.cosign(checkpoint.text, TOWNSHIP_KEY, 1_772_676_000).line
    checkpoint.cosignatures.create(witness=township_witness, timestamp=1_772_676_000, line=line)
    path = tmp_path / "checkpoint"
    path.write_text(services.served_note(checkpoint))

    result = tool(
        "checkpoint", path, "--log-key", LOG_VERIFIER,
        "--witness-key", TOWNSHIP_KEY.verifier.text, "--witness-key", COUNTY_KEY.verifier.text,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout
    assert "cosigned by: qingshan.example.cn/witness (2026-03-05 02:00 UTC)" in result.stdout
    assert "shifan" not in result.stdout


def test_bad_keys_and_missing_files_cannot_be_checked(saved_checkpoint, tmp_path):
    assert tool("checkpoint", saved_checkpoint, "--log-key", "nonsense").returncode == 1
    assert tool("checkpoint", tmp_path / "none", "--log-key", LOG_VERIFIER).returncode == 2
    assert tool("checkpoint", saved_checkpoint).returncode == 2


@pytest.fixture
def served(live_server, village_a, village_b):
    """The log of five leaves behind a real HTTP server."""
    grow(village_a, 3)
    grow(village_b, 2, start=4)
    return f"{live_server.url}/log/990101000000"


def test_inclusion_of_a_revision_is_checked_by_its_digest(served):
    result = tool(
        "inclusion", served, "--log-key", LOG_VERIFIER,
        "--digest", digest_of(2), "--village", "990101001001", "--seq", 2,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: leaf 1 (revision 990101001001 2 " in result.stdout
    assert "is in the signed tree of 5" in result.stdout


def test_inclusion_of_a_leaf_that_is_not_that_revision_fails(served):
    result = tool(
        "inclusion", served, "--log-key", LOG_VERIFIER,
        "--digest", digest_of(2), "--village", "990101001002", "--seq", 2,
    )  # fmt: skip

    assert result.returncode == 1
    assert "is not that of revision 2 of 990101001002" in result.stdout


def test_inclusion_by_index_and_a_digest_never_logged(served):
    assert tool("inclusion", served, "--log-key", LOG_VERIFIER, "--index", 4).returncode == 0
    missing = tool("inclusion", served, "--log-key", LOG_VERIFIER, "--digest", "0" * 64)
    assert missing.returncode == 1
    assert "核验未通过" in missing.stdout
    assert "answered 400" in missing.stdout


def test_consistency_with_a_checkpoint_saved_earlier(served, village_a, tmp_path):
    saved = tmp_path / "checkpoint"
    saved.write_text(witnessing.Http().get(f"{served}/checkpoint")[1].decode())
    grow(village_a, 6, start=10)

    result = tool("consistency", served, "--log-key", LOG_VERIFIER, "--old", saved)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "grew consistently from 5 to 11 leaves" in result.stdout


def test_the_tool_witnesses_like_the_command_and_submits(
    served, village_a, tmp_path, township_witness
):
    key = tmp_path / "township.key"
    key.write_text(TOWNSHIP_KEY.text)
    arguments = ["witness", "--log", served, "--log-key", LOG_VERIFIER, "--key", key,
                 "--state", tmp_path / "state"]  # fmt: skip

    first = tool(*arguments)
    grow(village_a, 4, start=10)
    second = tool(*arguments, "--submit")

    assert first.returncode == 0, first.stdout + first.stderr
    assert "First checkpoint seen" in first.stdout
    assert second.returncode == 0, second.stdout + second.stderr
    assert "grew consistently from 5 to 9 leaves" in second.stdout
    assert "qingshan.example.cn/witness" in second.stdout
    cosignature = Cosignature.objects.get()
    assert (cosignature.witness, cosignature.checkpoint.size) == (township_witness, 9)


def test_the_tool_reads_the_state_the_command_keeps(served, tmp_path):
    key = tmp_path / "township.key"
    key.write_text(TOWNSHIP_KEY.text)
    state = witnessing.state_file(tmp_path / "state", ORIGIN)
    state.parent.mkdir(parents=True)
    state.write_text(witnessing.Http().get(f"{served}/checkpoint")[1].decode())

    result = tool("witness", "--log", served, "--log-key", LOG_VERIFIER, "--key", key,
                  "--state", tmp_path / "state")  # fmt: skip

    assert "grew consistently from 5 to 5 leaves" in result.stdout


@pytest.mark.parametrize("size", [7, 5, 3])
def test_the_tool_catches_a_rewritten_log_as_a_fork_and_keeps_the_evidence(
    served, village_a, tmp_path, size
):
    key = tmp_path / "township.key"
    key.write_text(TOWNSHIP_KEY.text)
    arguments = ["witness", "--log", served, "--log-key", LOG_VERIFIER, "--key", key,
                 "--state", tmp_path / "state"]  # fmt: skip
    tool(*arguments)
    seen = witnessing.state_file(tmp_path / "state", ORIGIN).read_text()
    rewrite(services.log_of(services.county_of(village_a)), village_a, size)

    result = tool(*arguments, "--submit")

    assert result.returncode == 3
    assert "分叉" in result.stderr and "FORK" in result.stderr
    assert witnessing.state_file(tmp_path / "state", ORIGIN).read_text() == seen
    evidence = next(witnessing.state_file(tmp_path / "state", ORIGIN).parent.glob("fork-*"))
    assert (evidence / "previous.checkpoint").read_text() == seen
    assert f"\n{size}\n" in (evidence / "new.checkpoint").read_text()
    assert not Cosignature.objects.exists()


def test_a_witness_key_made_by_the_tool_is_accepted_by_the_portal(tmp_path):
    path = tmp_path / "county.key"

    result = tool("witness", "--new-key", path, "--name", "shifan.example.cn/w2")

    verifier = notes.parse_verifier(result.stdout.splitlines()[-1], notes.COSIGNATURE_V1)
    assert notes.parse_signer(path.read_text(), notes.COSIGNATURE_V1).verifier == verifier
    assert tool("witness", "--new-key", path, "--name", "x").returncode == 2
