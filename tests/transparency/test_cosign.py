"""Witnesses push their cosignatures: POST /log/<county code>/cosign."""

import time_machine

from disclosure.transparency import notes, services
from disclosure.transparency.models import Cosignature

from .conftest import COUNTY_KEY, TOWNSHIP_KEY

LOG = "/log/990101000000"
NOW = 1_772_676_000  # 2026-03-05 10:00 in Beijing


def cosigned(checkpoint, *signers, stamp=NOW, text=None) -> bytes:
    """The checkpoint as a witness sends it back: its text, its signatures and the new lines."""
    note = notes.parse_note(checkpoint.note)
    lines = tuple(notes.cosign(text or note.text, signer, stamp) for signer in signers)
    return str(notes.Note(note.text, note.signatures + lines)).encode()


def post(client, body: bytes):
    return client.post(f"{LOG}/cosign", body, content_type="text/plain", HTTP_ACCEPT_LANGUAGE="en")


@time_machine.travel(NOW, tick=False)
def test_a_registered_witness_cosignature_is_kept_and_served(client, log, township_witness):
    checkpoint = services.newest_checkpoint(log)

    response = post(client, cosigned(checkpoint, TOWNSHIP_KEY))

    assert response.status_code == 200
    assert response.content.decode() == "Cosignature recorded: qingshan.example.cn/witness\n"
    served = notes.parse_note(client.get(f"{LOG}/checkpoint").content)
    assert [s.name for s in served.signatures] == [
        "cunwu.example.cn/log/990101000000", "qingshan.example.cn/witness"
    ]  # fmt: skip
    assert notes.verify_cosignature(served.text, served.signatures[1], TOWNSHIP_KEY.verifier) == NOW
    assert services.cosigners(checkpoint) == [township_witness]


@time_machine.travel(NOW, tick=False)
def test_two_witnesses_may_cosign_at_once_and_again_without_harm(
    client, log, township_witness, county_witness
):
    checkpoint = services.newest_checkpoint(log)
    post(client, cosigned(checkpoint, TOWNSHIP_KEY))

    response = post(client, cosigned(checkpoint, TOWNSHIP_KEY, COUNTY_KEY))

    assert response.content.decode() == (
        "Cosignature recorded: shifan.example.cn/witness\n"
        "Already recorded: qingshan.example.cn/witness\n"
    )
    assert set(services.cosigners(checkpoint)) == {township_witness, county_witness}


@time_machine.travel(NOW, tick=False)
def test_the_newest_cosigned_checkpoint_may_be_older_than_the_newest(
    client, log, village_a, township_witness
):
    post(client, cosigned(services.newest_checkpoint(log), TOWNSHIP_KEY))
    services.append(village=village_a, data=b"revision 990101001001 6 " + b"6" * 64 + b"\n")

    assert services.newest_checkpoint(log).size == 6
    assert services.newest_cosigned_checkpoint(log).size == 5


def refused(client, body: bytes, message: str):
    response = post(client, body)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Cosignature.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_forged_cosignature_is_refused(client, log, township_witness):
    impostor = notes.Signer(TOWNSHIP_KEY.name, notes.COSIGNATURE_V1, b"\x07" * 32)
    checkpoint = services.newest_checkpoint(log)
    body = cosigned(checkpoint, impostor)

    refused(client, body, "no active witness is registered with the name qingshan")
    line = notes.cosign(checkpoint.text, impostor, NOW)
    forged = notes.Signature(TOWNSHIP_KEY.name, TOWNSHIP_KEY.verifier.key_id, line.signature)
    refused(client, f"{checkpoint.text}\n{forged.line}".encode(), "does not verify")


@time_machine.travel(NOW, tick=False)
def test_a_cosignature_of_an_unknown_or_inactive_witness_is_refused(client, log, township_witness):
    checkpoint = services.newest_checkpoint(log)
    refused(client, cosigned(checkpoint, COUNTY_KEY), "no active witness is registered")

    township_witness.active = False
    township_witness.save()
    refused(client, cosigned(checkpoint, TOWNSHIP_KEY), "no active witness is registered")


@time_machine.travel(NOW, tick=False)
def test_a_cosignature_of_another_checkpoint_is_refused(client, log, township_witness):
    newest, older = services.newest_checkpoint(log), log.checkpoints.get(size=4)
    signed_elsewhere = cosigned(newest, TOWNSHIP_KEY, text=older.text)

    refused(client, signed_elsewhere, "does not verify")


@time_machine.travel(NOW, tick=False)
def test_a_checkpoint_the_log_never_issued_is_refused(client, log, township_witness):
    checkpoint = services.newest_checkpoint(log)
    other_root = checkpoint.text.replace(checkpoint.text.split("\n")[2], "A" * 43 + "=")
    never = checkpoint.text.replace("\n5\n", "\n9\n")

    refused(client, f"{other_root}\n{notes.cosign(other_root, TOWNSHIP_KEY, NOW).line}".encode(),
            "says something else")  # fmt: skip
    refused(client, f"{never}\n{notes.cosign(never, TOWNSHIP_KEY, NOW).line}".encode(),
            "issued no checkpoint of size 9")  # fmt: skip
    elsewhere = checkpoint.text.replace("990101000000", "990102000000")
    refused(client, f"{elsewhere}\n{notes.cosign(elsewhere, TOWNSHIP_KEY, NOW).line}".encode(),
            "not of cunwu.example.cn/log/990101000000")  # fmt: skip


@time_machine.travel(NOW, tick=False)
def test_one_bad_line_keeps_the_good_ones_out_too(client, log, township_witness):
    checkpoint = services.newest_checkpoint(log)
    stranger = notes.new_signer("stranger.example/witness", notes.COSIGNATURE_V1)

    refused(client, cosigned(checkpoint, TOWNSHIP_KEY, stranger), "stranger.example/witness")


@time_machine.travel(NOW, tick=False)
def test_a_cosignature_dated_far_in_the_future_is_refused(client, log, township_witness):
    checkpoint = services.newest_checkpoint(log)

    refused(client, cosigned(checkpoint, TOWNSHIP_KEY, stamp=NOW + 3600), "dated in the future")


@time_machine.travel(NOW, tick=False)
def test_nonsense_is_refused_with_a_message(client, log, township_witness):
    checkpoint = services.newest_checkpoint(log)
    refused(client, b"hello", "no blank line")
    refused(client, b"\xff\xfe", "not UTF-8")
    refused(client, checkpoint.note.encode(), "carries no witness cosignature")
    refused(client, b"x" * 20_000, "larger than 16384 bytes")


def test_reading_the_cosign_address_is_not_allowed(client, log):
    assert client.get(f"{LOG}/cosign").status_code == 405
