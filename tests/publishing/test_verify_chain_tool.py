"""tools/verify_chain.py, the standalone verifier, on chains exported by the portal."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from disclosure.publishing import chain, services
from disclosure.publishing.models import Attachment

from ..factories import draft_posting, published_posting, signed_off

TOOL = Path(__file__).resolve().parents[2] / "tools" / "verify_chain.py"
REPORT = b"%PDF-1.4\n% acceptance report\n"


def run(tmp_path, exported, *args) -> subprocess.CompletedProcess:
    """Run the verifier as a villager would: isolated Python, no project on the path."""
    path = tmp_path / "chain.json"
    path.write_text(json.dumps(exported, ensure_ascii=False, indent=2), encoding="utf-8")
    return subprocess.run(  # noqa: S603
        [sys.executable, "-I", str(TOOL), str(path), *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def exported(village_a, clerk_a, supervisor_a):
    revision = draft_posting(village_a, clerk_a, title="村道修路工程验收报告")
    upload = SimpleUploadedFile("验收报告.pdf", REPORT)
    services.add_attachment(revision=revision, upload=upload, by=clerk_a)
    services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    published_posting(village_a, clerk_a, supervisor_a, title="关于低保评议结果的公示")
    published_posting(village_a, clerk_a, supervisor_a, title="鱼塘租金收缴情况")
    return chain.export(village_a)


def test_a_good_chain_verifies_with_a_summary(tmp_path, exported):
    result = run(tmp_path, exported)

    assert result.returncode == 0, result.stdout
    assert "清河村 (990101001001) verified: 3 revisions" in result.stdout
    assert exported["head"] in result.stdout


def test_an_empty_chain_verifies(tmp_path, village_b):
    result = run(tmp_path, chain.export(village_b))

    assert result.returncode == 0
    assert "0 revisions" in result.stdout


def test_a_tampered_title_names_that_revision(tmp_path, exported):
    exported["revisions"][1]["document"]["title"] = "关于低保评议结果的公示（已改）"

    result = run(tmp_path, exported)

    assert result.returncode == 1
    assert "position 2" in result.stdout
    assert "content does not match its digest" in result.stdout


def test_a_broken_link_names_that_revision(tmp_path, exported):
    exported["revisions"][2]["prev_digest"] = exported["revisions"][0]["digest"]

    result = run(tmp_path, exported)

    assert result.returncode == 1
    assert "position 3" in result.stdout
    assert "link to the previous revision" in result.stdout


def test_a_forged_revision_with_its_digest_recomputed_breaks_the_next_link(tmp_path, exported):
    forged = exported["revisions"][0]
    forged["document"]["title"] = "村道修路工程验收报告（已改）"
    forged["digest"] = chain.digest(forged["prev_digest"], forged["document"])

    result = run(tmp_path, exported)

    assert result.returncode == 1
    assert "position 2" in result.stdout
    assert "link to the previous revision" in result.stdout


def test_reordered_revisions_are_refused(tmp_path, exported):
    revisions = exported["revisions"]
    revisions[0], revisions[1] = revisions[1], revisions[0]

    result = run(tmp_path, exported)

    assert result.returncode == 1
    assert "expected position 1, found 2" in result.stdout


def test_a_wrong_head_is_refused(tmp_path, exported):
    exported["head"] = exported["revisions"][1]["digest"]

    result = run(tmp_path, exported)

    assert result.returncode == 1
    assert "is not the last digest" in result.stdout


def test_a_head_seen_earlier_must_be_in_the_chain(tmp_path, exported):
    earlier = exported["revisions"][1]["digest"]

    assert run(tmp_path, exported, "--head", earlier).returncode == 0
    dropped = {**exported, "revisions": exported["revisions"][:1]}
    dropped["head"] = dropped["revisions"][0]["digest"]
    result = run(tmp_path, dropped, "--head", earlier)
    assert result.returncode == 1
    assert "seen earlier is not in this chain" in result.stdout


def test_a_float_in_a_document_is_refused(tmp_path, exported):
    exported["revisions"][0]["document"]["attachments"][0]["size"] = 29.0

    result = run(tmp_path, exported)

    assert result.returncode == 1
    assert "position 1" in result.stdout


def test_matching_attachment_files_are_counted(tmp_path, exported):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "验收报告.pdf").write_bytes(REPORT)

    result = run(tmp_path, exported, "--files", str(downloads))

    assert result.returncode == 0
    assert "1 match, 0 not found" in result.stdout


def test_a_changed_attachment_file_names_its_revision(tmp_path, exported):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "验收报告.pdf").write_bytes(b"%PDF-1.4\n% forged report\n")

    result = run(tmp_path, exported, "--files", str(downloads))

    assert result.returncode == 1
    assert "position 1" in result.stdout
    assert "验收报告.pdf" in result.stdout


def test_absent_attachment_files_are_reported_not_failed(tmp_path, exported):
    downloads = tmp_path / "downloads"
    downloads.mkdir()

    result = run(tmp_path, exported, "--files", str(downloads))

    assert result.returncode == 0
    assert "0 match, 1 not found" in result.stdout


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"genesis": 5}'])
def test_a_file_that_is_no_chain_is_a_clear_error(tmp_path, content):
    path = tmp_path / "chain.json"
    path.write_text(content)

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-I", str(TOOL), str(path)], capture_output=True, text=True, check=False
    )

    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stderr


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_chain_and_files_downloaded_from_the_portal_verify(client, tmp_path, exported):
    chain_file = tmp_path / "chain.json"
    chain_file.write_bytes(body(client.get(reverse("portal:chain", args=["990101001001"]))))
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    attachment = Attachment.objects.get()
    (downloads / attachment.filename).write_bytes(body(client.get(attachment.get_absolute_url())))

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-I", str(TOOL), str(chain_file), "--files", str(downloads)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout
    assert "3 revisions" in result.stdout
    assert "1 match, 0 not found" in result.stdout


def test_the_example_export_in_the_documentation_verifies(tmp_path):
    docs = (TOOL.parents[1] / "docs" / "integrity.md").read_text()
    example = docs.split("<!-- example:export -->\n```json\n", 1)[1].split("\n```", 1)[0]

    result = run(tmp_path, json.loads(example))

    assert result.returncode == 0, result.stdout
    assert "1 revisions, head 80e65cc1" in result.stdout
