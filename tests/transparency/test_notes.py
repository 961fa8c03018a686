"""Signed notes, keys and cosignatures as C2SP writes them."""

import base64

import pytest

from disclosure.transparency import notes
from disclosure.transparency.errors import LogError

from .conftest import LOG_KEY, TOWNSHIP_KEY

TEXT = "cunwu.example.cn/log/990101000000\n5\n" + base64.b64encode(b"r" * 32).decode() + "\n"


def test_a_signed_note_reads_back_and_verifies():
    note = notes.Note(TEXT, (notes.sign(TEXT, LOG_KEY),))

    parsed = notes.parse_note(str(note))

    assert parsed == note
    assert notes.verify(parsed, [LOG_KEY.verifier]) == [LOG_KEY.verifier]
    assert str(note).startswith(TEXT + "\n— cunwu.example.cn-test ")


def test_the_c2sp_example_note_verifies_with_its_published_key():
    """signed-note's example, with the verifier key of Go's sumdb/note test for that name."""
    example = (
        "If you think cryptography is the answer to your problem,\n"
        "then you don't know what your problem is.\n\n"
        "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXg"
        "KvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    )
    verifier = notes.parse_verifier(
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    )

    assert notes.verify(notes.parse_note(example), [verifier]) == [verifier]


def test_a_changed_text_or_signature_is_refused():
    signature = notes.sign(TEXT, LOG_KEY)
    changed_text = notes.Note(TEXT.replace("\n5\n", "\n6\n"), (signature,))
    flipped = notes.Signature(signature.name, signature.key_id, bytes(64))

    with pytest.raises(notes.NoteError, match="does not verify"):
        notes.verify(changed_text, [LOG_KEY.verifier])
    with pytest.raises(notes.NoteError, match="does not verify"):
        notes.verify(notes.Note(TEXT, (flipped,)), [LOG_KEY.verifier])


def test_signatures_of_unknown_keys_are_ignored_but_one_known_signature_is_needed():
    stranger = notes.new_signer("stranger.example", notes.ED25519)
    both = notes.Note(TEXT, (notes.sign(TEXT, stranger), notes.sign(TEXT, LOG_KEY)))

    assert notes.verify(both, [LOG_KEY.verifier]) == [LOG_KEY.verifier]
    with pytest.raises(notes.NoteError, match="not signed by any key"):
        notes.verify(notes.Note(TEXT, both.signatures[:1]), [LOG_KEY.verifier])


@pytest.mark.parametrize(
    "raw",
    [
        TEXT,  # no signatures
        TEXT + "\n",
        TEXT + "\n— name\n",
        TEXT + "\n- name AAAAAAAA\n",  # a hyphen, not the em dash
        TEXT + "\n— name AAAA AAAA\n",
        TEXT + "\n— name %%%%\n",
        TEXT.replace("\n5\n", "\n5\x07\n") + "\n— name AAAAAAAA\n",
        b"\xff\xfe\n\n\xe2\x80\x94 name AAAAAAAA\n",
    ],
)
def test_a_malformed_note_is_refused(raw):
    with pytest.raises(notes.NoteError):
        notes.parse_note(raw)


def test_keys_read_back_from_their_text():
    assert notes.parse_signer(LOG_KEY.text) == LOG_KEY
    assert notes.parse_verifier(LOG_KEY.verifier.text) == LOG_KEY.verifier
    assert LOG_KEY.text.startswith("PRIVATE+KEY+cunwu.example.cn-test+")


@pytest.mark.parametrize(
    "text",
    [
        "cunwu.example.cn+0000000+AQ==",
        "cunwu.example.cn+00000000+AQ==",  # too short
        "cunwu example+00000000+" + base64.b64encode(b"\x01" + bytes(32)).decode(),
        "+00000000+" + base64.b64encode(b"\x01" + bytes(32)).decode(),
        "name+00000000+" + base64.b64encode(b"\x09" + bytes(32)).decode(),  # unknown type
    ],
)
def test_a_malformed_verifier_key_is_refused(text):
    with pytest.raises(LogError):
        notes.parse_verifier(text)


def test_a_key_whose_id_does_not_match_is_refused():
    name, key_id, material = LOG_KEY.verifier.text.split("+", 2)
    with pytest.raises(LogError, match="key id"):
        notes.parse_verifier(f"{name}+00000000+{material}")


def test_a_witness_key_is_not_taken_for_a_log_key():
    with pytest.raises(LogError, match="type"):
        notes.parse_verifier(TOWNSHIP_KEY.verifier.text, notes.ED25519)


def test_a_cosignature_carries_its_time_and_verifies_over_that_time():
    cosignature = notes.cosign(TEXT, TOWNSHIP_KEY, 1_772_676_000)

    assert notes.verify_cosignature(TEXT, cosignature, TOWNSHIP_KEY.verifier) == 1_772_676_000
    assert cosignature.key_id == notes.key_id(TOWNSHIP_KEY.name, 0x04, TOWNSHIP_KEY.public_key)
    assert len(cosignature.signature) == 8 + 64


def test_a_cosignature_over_another_checkpoint_or_time_is_refused():
    cosignature = notes.cosign(TEXT, TOWNSHIP_KEY, 1_772_676_000)
    later = notes.Signature(
        cosignature.name,
        cosignature.key_id,
        (1_772_676_001).to_bytes(8, "big") + cosignature.signature[8:],
    )

    with pytest.raises(notes.NoteError):
        notes.verify_cosignature(TEXT.replace("\n5\n", "\n6\n"), cosignature, TOWNSHIP_KEY.verifier)
    with pytest.raises(notes.NoteError):
        notes.verify_cosignature(TEXT, later, TOWNSHIP_KEY.verifier)


def test_a_checkpoint_text_reads_back():
    assert notes.parse_checkpoint(TEXT) == ("cunwu.example.cn/log/990101000000", 5, b"r" * 32)


@pytest.mark.parametrize(
    "text",
    [
        "origin\n05\nAAAA\n",
        "origin\n5\nAAAA\n",
        "origin\n5\n",
        "\n5\n" + TEXT.split("\n")[2] + "\n",
    ],
)
def test_a_malformed_checkpoint_is_refused(text):
    with pytest.raises(LogError):
        notes.parse_checkpoint(text)
