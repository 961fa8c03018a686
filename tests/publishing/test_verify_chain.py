"""verify_chain, the command, and chain.first_mismatch, against a database someone tampered with."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from disclosure.publishing import chain, services
from disclosure.publishing.attachments import blob_path

from ..factories import draft_posting, published_posting, signed_off


@pytest.fixture
def three_published(village_a, clerk_a, supervisor_a):
    return [
        published_posting(village_a, clerk_a, supervisor_a, title=title)
        for title in ("关于村道修路工程招标的公告", "关于低保评议结果的公示", "鱼塘租金收缴情况")
    ]


def tamper(sql: str, params) -> None:
    """Change published rows with the freezing trigger off, as the owner of the tables can."""
    with connection.cursor() as cursor:
        # The test runs in one transaction: checks of foreign keys still pending there would
        # keep PostgreSQL from altering the table.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE publishing_revision DISABLE TRIGGER freeze_published")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE publishing_revision ENABLE TRIGGER freeze_published")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def first_mismatch(village, **options):
    with translation.override("en"):
        return chain.first_mismatch(village, **options)


def verify(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("verify_chain", *args, stdout=out)
    return out.getvalue()


def refusal(*args, language="en") -> tuple[str, str]:
    """The command's failure: its summary, and the problems it listed."""
    errors = io.StringIO()
    with pytest.raises(CommandError) as refused, translation.override(language):
        call_command("verify_chain", *args, stdout=io.StringIO(), stderr=errors)
    return str(refused.value), errors.getvalue()


def test_an_untouched_chain_verifies(village_a, three_published):
    output = verify("--village", "990101001001")

    assert "清河村 (990101001001): 3 revisions verified" in output
    assert three_published[-1].digest in output


def test_a_title_changed_with_the_trigger_disabled_is_reported_exactly(village_a, three_published):
    middle = three_published[1]
    tamper(
        "UPDATE publishing_revision SET title = %s WHERE id = %s",
        ["关于低保评议结果的公示（已改）", middle.pk],
    )

    revision, problem = first_mismatch(village_a)
    assert revision.pk == middle.pk
    assert "content does not match" in problem
    summary, problems = refusal()
    assert summary == "1 problems found: what villagers read is not what was published."
    assert problems == (
        f"清河村 (990101001001): posting {middle.posting.code}, revision 1, position 2 in the "
        "chain: its content does not match its digest.\n"
    )


def test_the_trigger_is_back_after_tampering(village_a, three_published):
    tamper(
        "UPDATE publishing_revision SET body = %s WHERE id = %s", ["改过", three_published[0].pk]
    )

    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE publishing_revision SET body = 'again' WHERE id = %s", [three_published[0].pk]
        )


def test_a_change_with_a_recomputed_digest_breaks_the_link_of_the_next_revision(
    village_a, three_published
):
    first, second, _third = three_published
    first.title = "关于村道修路工程招标的公告（已改）"
    forged = chain.revision_digest(first)
    tamper(
        "UPDATE publishing_revision SET title = %s, digest = %s WHERE id = %s",
        [first.title, forged, first.pk],
    )

    revision, problem = first_mismatch(village_a)

    assert revision.pk == second.pk
    assert "link to the previous revision" in problem


def test_a_deleted_revision_leaves_a_gap_in_the_positions(village_a, three_published):
    second = three_published[1]
    tamper("UPDATE publishing_revision SET state = 'draft', seq = NULL WHERE id = %s", [second.pk])

    revision, problem = first_mismatch(village_a)

    assert revision.pk == three_published[2].pk
    assert "expected position 2, found 3" in problem


def test_removing_the_newest_revision_is_noticed_through_the_audit_log(village_a, three_published):
    newest = three_published[-1]
    tamper("UPDATE publishing_revision SET state = 'draft', seq = NULL WHERE id = %s", [newest.pk])
    assert first_mismatch(village_a) is None

    _summary, problems = refusal()

    assert f"清河村 (990101001001): the audit log records the publication of {newest}" in problems
    assert f"posting {newest.posting.code}: the posting is shown as published" in problems
    assert newest.digest in problems


def test_only_the_named_village_is_checked(
    village_a, village_b, clerk_b, supervisor_b, three_published
):
    published_posting(village_b, clerk_b, supervisor_b)
    tamper("UPDATE publishing_revision SET title = 'x' WHERE id = %s", [three_published[0].pk])

    assert "柳树村 (990101001002): 1 revisions verified" in verify("--village", "990101001002")
    with pytest.raises(CommandError):
        verify("--village", "990101001001")


def test_an_unknown_village_is_a_clear_error(village_a):
    with pytest.raises(CommandError, match="no village with the code 990199999999"):
        verify("--village", "990199999999")


def test_the_error_is_reported_in_chinese_by_default(village_a, three_published):
    tamper("UPDATE publishing_revision SET title = 'x' WHERE id = %s", [three_published[0].pk])

    summary, problems = refusal(language="zh-hans")

    assert "清河村" in problems
    assert "内容与摘要值不符" in problems


def _published_with_attachment(village, clerk, supervisor):
    revision = draft_posting(village, clerk, title="村道修路工程验收报告")
    upload = SimpleUploadedFile("验收报告.pdf", b"%PDF-1.4\n% acceptance report\n")
    attachment = services.add_attachment(revision=revision, upload=upload, by=clerk)
    services.publish(revision=signed_off(revision, clerk, supervisor), by=clerk)
    return attachment


def test_a_changed_attachment_file_is_reported(village_a, clerk_a, supervisor_a):
    attachment = _published_with_attachment(village_a, clerk_a, supervisor_a)
    blob_path(attachment.blob).write_bytes(b"%PDF-1.4\n% forged report\n")

    _summary, problems = refusal()

    assert f"posting {attachment.revision.posting.code}, revision 1" in problems
    assert "“验收报告.pdf”: it does not match its hash" in problems
    assert first_mismatch(village_a) is None


def test_a_missing_attachment_file_is_reported(village_a, clerk_a, supervisor_a):
    attachment = _published_with_attachment(village_a, clerk_a, supervisor_a)
    blob_path(attachment.blob).unlink()

    _summary, problems = refusal()

    assert "“验收报告.pdf”: it is missing" in problems


def test_a_chain_rewritten_with_new_digests_shows_against_the_transparency_log(
    village_a, three_published
):
    first, second, third = three_published
    first.title = "关于村道修路工程招标的公告（已改）"
    previous = chain.GENESIS
    for revision in (first, second, third):
        revision.prev_digest = previous
        revision.digest = chain.revision_digest(revision)
        tamper(
            "UPDATE publishing_revision SET title = %s, prev_digest = %s, digest = %s "
            "WHERE id = %s",
            [revision.title, revision.prev_digest, revision.digest, revision.pk],
        )
        previous = revision.digest
    assert first_mismatch(village_a) is None

    _summary, problems = refusal()

    assert "position 1 in the chain: it is not in the county's transparency log" in problems
    assert "the county's transparency log holds the village's revision 3" in problems


def test_a_dropped_newest_revision_shows_against_the_log_without_the_audit_log(
    village_a, three_published
):
    newest = three_published[-1]
    tamper("UPDATE publishing_revision SET state = 'draft', seq = NULL WHERE id = %s", [newest.pk])
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE publishing_auditentry DISABLE TRIGGER USER")
        cursor.execute("DELETE FROM publishing_auditentry WHERE detail ? 'digest'")
        cursor.execute("ALTER TABLE publishing_auditentry ENABLE TRIGGER USER")

    _summary, problems = refusal()

    assert f"log holds the village's revision 3 with the digest {newest.digest}" in problems
