"""The demo's two witnesses cosign the county log through the portal, as real ones would."""

import io
import json

import pytest
from django.core.cache import cache
from django.core.management import call_command

from demo import witnesses
from disclosure.publishing import changes
from disclosure.transparency.models import Cosignature, Witness

from ..factories import published_posting
from ..transparency.test_witness import ClientTransport


@pytest.fixture
def over_http(client, monkeypatch, tmp_path):
    http = ClientTransport(client)
    monkeypatch.setattr(witnesses.witnessing, "Http", lambda: http)
    monkeypatch.setattr(witnesses, "FOLDER", tmp_path / "witnesses")


def cosign() -> str:
    out = io.StringIO()
    call_command("demo_witnesses", url="http://testserver", stdout=out)
    return out.getvalue()


def test_both_witnesses_register_and_cosign_the_newest_checkpoint(
    over_http, client, village_a, clerk_a, supervisor_a
):
    posting = published_posting(village_a, clerk_a, supervisor_a).posting

    output = cosign()

    assert sorted(Witness.objects.values_list("operator", flat=True)) == [
        "云溪县档案馆",
        "桃源镇人民政府",
    ]
    assert Cosignature.objects.count() == 2
    assert "桃源镇人民政府" in output and "云溪县档案馆" in output
    proof = json.loads(client.get(f"/p/{posting.code}/proof.json").content)
    assert {cosigner["operator"] for cosigner in proof["log"]["cosigners"]} == {
        "桃源镇人民政府",
        "云溪县档案馆",
    }


def test_a_witness_keeps_its_key_and_follows_the_log_as_it_grows(
    over_http, village_a, clerk_a, supervisor_a
):
    published_posting(village_a, clerk_a, supervisor_a)
    cosign()
    keys_before = set(Witness.objects.values_list("verifier_key", flat=True))

    published_posting(village_a, clerk_a, supervisor_a, title="第二份通知")
    lines = cosign().splitlines()

    assert set(Witness.objects.values_list("verifier_key", flat=True)) == keys_before
    assert len(lines) == 2 and all(line.endswith("/log/990101000000 2") for line in lines)
    assert Cosignature.objects.count() == 4


def test_an_unreachable_portal_is_said_and_nothing_is_cosigned(
    monkeypatch, tmp_path, village_a, clerk_a, supervisor_a
):
    monkeypatch.setattr(witnesses, "FOLDER", tmp_path / "witnesses")
    published_posting(village_a, clerk_a, supervisor_a)
    witnesses.register()

    said, failed = witnesses.cosign_all("http://127.0.0.1:9")

    assert failed
    assert all("127.0.0.1:9" in line for line in said)
    assert not Cosignature.objects.exists()


@pytest.mark.page_cache
@pytest.mark.django_db(transaction=True)
def test_the_cached_proof_shows_cosignatures_as_soon_as_they_arrive(
    over_http, client, village_a, clerk_a, supervisor_a
):
    cache.clear()
    posting = published_posting(village_a, clerk_a, supervisor_a).posting
    path = f"/p/{posting.code}/proof.json"
    assert json.loads(client.get(path).content)["log"]["cosigners"] == []

    cosign()
    changes.forget_counts()

    assert len(json.loads(client.get(path).content)["log"]["cosigners"]) == 2
