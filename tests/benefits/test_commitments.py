import hashlib
import json
import subprocess
import sys
from pathlib import Path

from disclosure.benefits import services
from disclosure.benefits.models import BenefitList, PersonalValues
from disclosure.benefits.personal import commitment
from disclosure.publishing import chain, verification
from disclosure.publishing import services as publishing

from .conftest import LI, WANG, ZHAO


def test_the_canonical_rows_carry_commitments_but_no_personal_value(published_list):
    document = json.dumps(chain.revision_document(published_list), ensure_ascii=False)
    rows = chain.revision_document(published_list)["rows"]

    for value in ("王秀英", "李建华", "赵桂兰", WANG, LI, ZHAO):
        assert value not in document
    assert rows[0]["amount"] == "1230.00"
    assert rows[0]["benefit_type"] == "minimum_living"
    assert len(rows[0]["name_commitment"]) == 64


def test_a_commitment_is_recomputed_from_the_salt_and_the_value(published_list):
    recipient = published_list.recipients.get(position=1)
    personal = recipient.personal

    assert commitment(personal.name_salt, "王秀英") == recipient.name_commitment
    assert commitment(personal.identity_salt, WANG) == recipient.identity_commitment
    assert commitment(personal.name_salt, "王秀") != recipient.name_commitment


def test_the_same_name_twice_gets_different_commitments(published_list):
    salts = PersonalValues.objects.values_list("name_salt", flat=True)

    assert len(set(salts)) == 3


def test_the_chain_still_verifies_after_the_personal_values_are_removed(published_list):
    digest = published_list.digest
    services.expire_list(benefit_list=BenefitList.objects.get(revision=published_list))

    assert not PersonalValues.objects.exists()
    assert published_list.recipients.count() == 3
    assert verification.village_problems(published_list.village) == []
    published_list.refresh_from_db()
    assert chain.revision_digest(published_list) == digest


def test_a_correction_starts_from_the_published_rows_with_the_same_commitments(
    published_list, clerk_a
):
    correction = publishing.start_correction(
        posting=published_list.posting, by=clerk_a, reason="第二村民小组金额有误"
    )

    assert [r.canonical() for r in correction.recipients.all()] == [
        r.canonical() for r in published_list.recipients.all()
    ]
    assert correction.recipients.get(position=1).personal.name == "王秀英"


def test_a_recipient_checks_their_row_in_the_chain_download_as_docs_integrity_describes(
    client, published_list
):
    personal = published_list.recipients.get(position=1).personal
    exported = client.get(f"/v/{published_list.village.code}/chain.json").json()
    row = exported["revisions"][-1]["document"]["rows"][0]

    name_check = hashlib.sha256((personal.name_salt + "王秀英").encode("utf-8")).hexdigest()
    identity_check = hashlib.sha256((personal.identity_salt + WANG).encode("utf-8")).hexdigest()
    assert (name_check, identity_check) == (row["name_commitment"], row["identity_commitment"])


def test_the_standalone_verifier_accepts_the_chain_before_and_after_the_window(
    tmp_path, client, published_list
):
    tool = Path(__file__).resolve().parents[2] / "tools" / "verify_chain.py"
    chain_url = f"/v/{published_list.village.code}/chain.json"
    before = client.get(chain_url).content
    services.expire_list(benefit_list=BenefitList.objects.get(revision=published_list))
    after = client.get(chain_url).content

    assert before == after
    path = tmp_path / "chain.json"
    path.write_bytes(after)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-I", str(tool), str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
