"""tools/verify_chain.py given the address printed on the notice board, run as a villager runs
it: an isolated Python with no project on its path, against the portal served over HTTP."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from disclosure.finance.models import LedgerEntry
from disclosure.publishing import chain, services
from disclosure.publishing.attachments import blob_path
from disclosure.transparency import leaves, notes
from disclosure.transparency import services as log
from disclosure.transparency.models import Witness

from ..factories import draft_posting, published_posting, signed_off, withdrawn
from ..finance.ledgers import add_voucher, draft_period, photo, publish_draft
from ..transparency.conftest import LOG_KEY, ORIGIN, ORIGIN_HOST, TOWNSHIP_KEY, rewrite

TOOL = Path(__file__).resolve().parents[2] / "tools" / "verify_chain.py"
LOG_VERIFIER = LOG_KEY.renamed(ORIGIN).verifier.text
REPORT = b"%PDF-1.4\n% acceptance report\n"
VILLAGE = "990101001001"


@pytest.fixture(autouse=True)
def _log_key(settings):
    settings.TRANSPARENCY_SIGNING_KEY = LOG_KEY.text
    settings.TRANSPARENCY_PREVIOUS_SIGNING_KEY = ""
    settings.TRANSPARENCY_RETIRED_PUBLIC_KEYS = []
    settings.TRANSPARENCY_ORIGIN_HOST = ORIGIN_HOST


def tool(*args, home=None) -> subprocess.CompletedProcess:
    environment = {"HOME": str(home), "PATH": "/usr/bin:/bin"} if home else None
    return subprocess.run(
        [sys.executable, "-I", str(TOOL), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=environment,
    )


@pytest.fixture
def check(live_server, tmp_path):
    """The tool on an address of the portal, with the log key printed on the notice board and
    its checkpoints kept in one folder from run to run."""

    def run(path: str, *args) -> subprocess.CompletedProcess:
        state = ["--state", tmp_path / "state"]
        return tool(f"{live_server.url}{path}", "--log-key", LOG_VERIFIER, *state, *args)

    return run


def output(result) -> str:
    return result.stdout + result.stderr


@pytest.fixture
def report(village_a, clerk_a, supervisor_a):
    """A notice with its acceptance report attached, published as the village's first revision."""
    revision = draft_posting(village_a, clerk_a, title="村道修路工程验收报告")
    upload = SimpleUploadedFile("验收报告.pdf", REPORT)
    attachment = services.add_attachment(revision=revision, upload=upload, by=clerk_a)
    services.publish(revision=signed_off(revision, clerk_a, supervisor_a), by=clerk_a)
    return attachment


@pytest.fixture
def period(village_a, clerk_a, supervisor_a):
    """A finance period with a voucher photo behind its road payment."""
    revision = draft_period(village_a, clerk_a)
    voucher = add_voucher(LedgerEntry.objects.get(revision=revision, line=3), photo())
    publish_draft(revision, clerk_a, supervisor_a)
    return voucher


@pytest.fixture
def village(report, period, village_a, clerk_a, supervisor_a):
    """清河村 with four revisions: the report, the period, a notice and its withdrawal (the
    newest, returned)."""
    notice = published_posting(village_a, clerk_a, supervisor_a, title="关于低保评议结果的公示")
    return withdrawn(notice.posting, clerk_a, supervisor_a)


def tamper(sql: str, params) -> None:
    """Change published rows with every trigger off, as the owner of the database can."""
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        cursor.execute("SET session_replication_role = DEFAULT")


def test_a_posting_verifies_by_its_address(check, report):
    result = check(f"/p/{report.revision.posting.code}/")

    assert result.returncode == 0, output(result)
    text = result.stdout
    assert "核验通过" in text
    assert "the content matches the digest it was published with" in text
    assert "what 1 revision(s) hold is what the supervision committee signed off" in text
    assert f"the newest checkpoint of {ORIGIN} is signed by the log key: 1 leaves" in text
    assert f"the revision is in the signed tree of {ORIGIN}: leaf 1 of 1 (index 0;" in text
    assert f"1 attachment and voucher files ({len(REPORT)} bytes) match" in text
    assert f"/v/{VILLAGE}/" in text  # the village to check next
    assert text.rstrip().endswith("RESULT: verified, all 5 checks passed.")


def test_a_finance_period_and_its_voucher_verify_by_the_address_of_its_revision(check, period):
    result = check(f"/p/{period.revision.posting.code}/1/")

    assert result.returncode == 0, output(result)
    assert "1 attachment and voucher files" in result.stdout


def test_a_withdrawn_posting_verifies_with_its_withdrawal(check, village):
    result = check(f"/p/{village.posting.code}/")

    assert result.returncode == 0, output(result)
    assert f"(posting {village.posting.code}, revision 2, " in result.stdout
    assert "leaf 4 of 4" in result.stdout


def test_a_village_verifies_by_its_address(check, village):
    result = check(f"/v/{VILLAGE}/")

    assert result.returncode == 0, output(result)
    text = result.stdout
    assert f"chain of 清河村 ({VILLAGE}) verified: 4 revisions" in text
    assert "all 4 leaves of the log (364 bytes downloaded now" in text
    assert "each of the 4 revisions is in the log at its position" in text
    assert "2 attachment and voucher files" in text


def test_a_changed_attachment_file_is_caught_without_asking(check, report):
    blob_path(report.blob).write_bytes(b"%PDF-1.4\n% forged report\n")

    result = check(f"/p/{report.revision.posting.code}/")

    assert result.returncode == 1
    assert "核验未通过" in result.stdout
    # The portal refuses to serve bytes that no longer match their hash; the tool says so.
    assert "“验收报告.pdf”: " in result.stdout and "answered 404" in result.stdout
    assert "RESULT: FAILED, 1 of" in result.stdout


def test_a_changed_voucher_is_caught_in_the_village(check, village, period):
    blob_path(period.blob).write_bytes(photo(colour=(10, 10, 10)))

    result = check(f"/v/{VILLAGE}/")

    assert result.returncode == 1
    assert "“记-001.jpg”: " in result.stdout and "answered 404" in result.stdout


def test_files_are_left_alone_when_asked(check, report):
    blob_path(report.blob).write_bytes(b"%PDF-1.4\n% forged report\n")

    result = check(f"/p/{report.revision.posting.code}/", "--no-files")

    assert result.returncode == 0, output(result)
    assert "attachment" not in result.stdout


def test_a_body_changed_in_the_database_is_caught(check, report):
    tamper("UPDATE publishing_revision SET body = '验收不合格' WHERE id = %s", [report.revision_id])

    result = check(f"/p/{report.revision.posting.code}/")

    assert result.returncode == 1
    assert "内容与发布时的摘要值不符" in result.stdout
    assert "the content does NOT match the digest it was published with" in result.stdout


def test_a_dropped_newest_revision_is_caught_through_the_log(check, village):
    tamper("UPDATE publishing_revision SET state = 'draft', seq = NULL WHERE id = %s", [village.pk])

    result = check(f"/v/{VILLAGE}/")

    assert result.returncode == 1
    assert f"chain of 清河村 ({VILLAGE}) verified: 3 revisions" in result.stdout
    assert f"the log holds the village's revision 4 with the digest {village.digest}" in (
        result.stdout
    )
    assert "its newest revisions were dropped" in result.stdout
    assert "链中最新的修订被删去了" in result.stdout


def test_a_rewritten_chain_with_recomputed_digests_is_caught_through_the_log(check, village):
    previous = chain.GENESIS
    for revision in chain.chain_revisions(village.village):
        if revision.seq == 1:
            revision.title += "（已改）"
        revision.prev_digest = previous
        revision.digest = previous = chain.revision_digest(revision)
        tamper(
            "UPDATE publishing_revision SET title = %s, prev_digest = %s, digest = %s "
            "WHERE id = %s",
            [revision.title, revision.prev_digest, revision.digest, revision.pk],
        )

    result = check(f"/v/{VILLAGE}/")

    assert result.returncode == 1
    assert f"chain of 清河村 ({VILLAGE}) verified: 4 revisions" in result.stdout
    assert "revision at position 1 (posting" in result.stdout
    assert "it is not in the county's transparency log" in result.stdout
    assert "which is not in the chain" in result.stdout


def test_a_wrong_log_key_fails(live_server, report, tmp_path):
    other = notes.new_signer("other", notes.ED25519).renamed(ORIGIN).verifier.text
    address = f"{live_server.url}/p/{report.revision.posting.code}/"

    result = tool(address, "--log-key", other, "--state", tmp_path)

    assert result.returncode == 1
    assert "检查点没有日志密钥的有效签名" in result.stdout
    assert f"FAILED: the checkpoint is not signed by the log key {ORIGIN}" in result.stdout


def test_without_a_log_key_the_websites_key_is_trusted_and_said_so(live_server, report, tmp_path):
    address = f"{live_server.url}/p/{report.revision.posting.code}/"

    result = tool(address, "--state", tmp_path)

    assert result.returncode == 0, output(result)
    assert "没有给出 --log-key" in result.stdout
    assert "the county log's key was taken from this website" in result.stdout
    assert LOG_VERIFIER in result.stdout
    assert f"short form: 50b44506…{LOG_VERIFIER[-8:]}" in result.stdout
    assert "But the log's key was taken from the website" in result.stdout


def test_the_checkpoint_is_kept_and_the_log_must_grow_from_it(
    check, report, village_b, clerk_b, supervisor_b
):
    first = check(f"/p/{report.revision.posting.code}/")
    published_posting(village_b, clerk_b, supervisor_b)

    second = check(f"/p/{report.revision.posting.code}/")

    assert "First check of this log from here" in first.stdout
    assert second.returncode == 0, output(second)
    assert "consistent with the checkpoint kept here before: 1 leaves then, 2 now" in second.stdout


def test_a_rewritten_log_is_a_fork_with_its_evidence_kept(check, village, tmp_path):
    check(f"/v/{VILLAGE}/")
    kept = next((tmp_path / "state").glob("*/checkpoint"))
    seen = kept.read_text()
    rewrite(log.log_of(log.county_of(village.village)), village.village, 7)

    result = check(f"/v/{VILLAGE}/")

    assert result.returncode == 3
    assert "分叉" in result.stderr
    assert "FORK" in result.stderr
    assert kept.read_text() == seen
    evidence = next(kept.parent.glob("fork-*"))
    assert (evidence / "previous.checkpoint").read_text() == seen
    assert "\n7\n" in (evidence / "new.checkpoint").read_text()


def test_a_log_rebuilt_under_a_posting_is_a_fork(check, report, tmp_path):
    check(f"/p/{report.revision.posting.code}/")
    revision = report.revision
    revision.refresh_from_db()
    rewrite(log.log_of(log.county_of(revision.village)), revision.village, 1)
    data = leaves.revision_leaf(village_code=VILLAGE, seq=1, digest=revision.digest)
    log.append(village=revision.village, data=data)

    result = check(f"/p/{report.revision.posting.code}/")

    assert result.returncode == 3, output(result)
    assert "the tree of 2 leaves does not extend the tree of 1" in result.stderr
    assert next((tmp_path / "state").glob("*/fork-*/report.txt")).exists()


def test_witnesses_given_are_checked_and_others_named_as_unchecked(check, report):
    witness = Witness.objects.create(
        name=TOWNSHIP_KEY.verifier.name, verifier_key=TOWNSHIP_KEY.verifier.text, operator="青山镇"
    )
    checkpoint = log.newest_checkpoint(log.log_of(log.county_of(report.village)))
    line = notes.cosign(checkpoint.text, TOWNSHIP_KEY, 1_772_676_000).line
    checkpoint.cosignatures.create(witness=witness, timestamp=1_772_676_000, line=line)
    address = f"/p/{report.revision.posting.code}/"

    checked = check(address, "--witness-key", TOWNSHIP_KEY.verifier.text)
    unchecked = check(address)

    assert checked.returncode == 0, output(checked)
    assert "cosigned by qingshan.example.cn/witness at 2026-03-05 02:00 UTC" in checked.stdout
    assert unchecked.returncode == 0
    assert "shows a cosignature by qingshan.example.cn/witness" in unchecked.stdout
    assert "not checked" in unchecked.stdout


def test_the_checkpoint_is_kept_in_the_home_folder_by_default(live_server, report, tmp_path):
    address = f"{live_server.url}/p/{report.revision.posting.code}/"

    result = tool(address, "--log-key", LOG_VERIFIER, home=tmp_path)

    assert result.returncode == 0, output(result)
    assert list((tmp_path / ".cunwu-verify").glob("*/checkpoint"))


def test_a_saved_chain_is_checked_against_the_log_given(live_server, client, village, tmp_path):
    saved = tmp_path / "chain.json"
    saved.write_bytes(client.get(f"/v/{VILLAGE}/chain.json").content)
    log_url = f"{live_server.url}/log/990101000000"

    result = tool(saved, "--log", log_url, "--log-key", LOG_VERIFIER, "--state", tmp_path)
    alone = tool(saved)

    assert result.returncode == 0, output(result)
    assert "each of the 4 revisions is in the log at its position" in result.stdout
    assert alone.returncode == 0
    assert "not checked against the log" in alone.stdout


def test_a_saved_proof_is_checked_with_what_it_carries(client, report, tmp_path):
    saved = tmp_path / "proof.json"
    saved.write_bytes(client.get(f"/p/{report.revision.posting.code}/proof.json").content)

    result = tool(saved, "--log-key", LOG_VERIFIER)
    proof = json.loads(saved.read_text())
    proof["document"]["title"] += "（已改）"
    saved.write_text(json.dumps(proof, ensure_ascii=False))
    changed = tool(saved, "--log-key", LOG_VERIFIER)

    assert result.returncode == 0, output(result)
    assert "the revision is in the signed tree of" in result.stdout
    assert changed.returncode == 1


def test_a_portal_that_cannot_be_reached_is_status_2():
    result = tool("http://127.0.0.1:9/p/ABC234/", "--log-key", LOG_VERIFIER)

    assert result.returncode == 2
    assert "无法核验" in result.stderr
    assert "cannot be reached" in result.stderr


@pytest.mark.parametrize("path", ["/p/ZZZZZZ/", "/v/990101009999/", "/search/"])
def test_an_address_that_names_nothing_published_is_status_2(live_server, path, tmp_path):
    result = tool(f"{live_server.url}{path}", "--state", tmp_path)

    assert result.returncode == 2
    assert "cannot check" in result.stderr
    assert "Traceback" not in result.stderr


def test_full_entry_bundles_are_downloaded_once(check, village, village_b):
    data = [
        (village_b, leaves.revision_leaf(village_code=village_b.code, seq=seq, digest="a" * 64))
        for seq in range(1, 257)
    ]
    log.append_many(village_data=data)

    first, second = check(f"/v/{VILLAGE}/"), check(f"/v/{VILLAGE}/")

    assert first.returncode == second.returncode == 0, output(second)
    downloaded = re.compile(r"all 260 leaves of the log \(([\d,]+) bytes downloaded now")
    bundled = [2 + 89] * 4 + [2 + len(leaf) for _, leaf in data]  # each after its length
    assert bytes_in(downloaded.search(first.stdout)) == sum(bundled)
    assert bytes_in(downloaded.search(second.stdout)) == sum(bundled[256:])  # the partial one


def bytes_in(found) -> int:
    return int(found[1].replace(",", ""))
